/**
 * `autoport worker --queue redis://...`: takes app jobs from the BullMQ queue
 * and runs each in a job process like the local pool does. Locks are short
 * (8 s, renewed every 4 s) so that a worker that dies mid-job loses it within
 * about 15 s: another worker's stalled-job check puts it back in the queue.
 * Long enough that a live worker on a loaded machine keeps its jobs.
 */
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "bullmq";
import { runJob, type JobOutcome } from "./job-runner.js";
import { bullConnection, probeRedis } from "./redis-url.js";
import { QUEUE_NAME, type QueueJobData } from "./queue.js";

export interface WorkerOptions {
  concurrency: number;
  /** stop after this many jobs (0: run until stopped) */
  maxJobs?: number;
  log?: (line: string) => void;
}

export const LOCK_MS = 8000;
export const STALLED_CHECK_MS = 4000;

export async function runWorker(url: string, o: WorkerOptions): Promise<void> {
  const target = await probeRedis(url);
  const log = o.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const name = `${hostname()}:${process.pid}`;
  const workRoot = join(tmpdir(), `autoport-worker-${process.pid}`);
  let handled = 0;
  const worker = new Worker<QueueJobData, JobOutcome>(
    QUEUE_NAME,
    async (job) => {
      log(`autoport worker ${name}: ${job.data.app.name}: started`);
      const out = await runJob(job.data.app, {
        stage: job.data.stage,
        timeoutS: job.data.timeoutS,
        jobs: o.concurrency,
        workRoot,
        onStage: (stage) => void job.updateProgress({ stage }).catch(() => {}),
      });
      out.result.worker = name;
      log(`autoport worker ${name}: ${job.data.app.name}: ${out.result.status}${out.result.reason ? ` (${out.result.reason})` : ""}`);
      return out;
    },
    { connection: bullConnection(target), concurrency: o.concurrency, name, lockDuration: LOCK_MS, stalledInterval: STALLED_CHECK_MS, maxStalledCount: 3 },
  );
  await worker.waitUntilReady();
  log(`autoport worker ${name}: waiting for jobs on ${url} (queue ${QUEUE_NAME}, ${o.concurrency} at a time)`);
  await new Promise<void>((resolve) => {
    const stop = () => void worker.close().then(resolve);
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    worker.on("completed", () => {
      if (o.maxJobs && ++handled >= o.maxJobs) stop();
    });
    worker.on("error", (e) => log(`autoport worker ${name}: queue error: ${e.message}`));
  });
}
