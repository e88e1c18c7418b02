/**
 * `batch --queue redis://...`: enqueue one BullMQ job per app and gather the
 * outcomes. Workers (`autoport worker`) may run anywhere that sees the same
 * sources (Debian packages, or folders at the same path). The gatherer polls
 * job states, so it misses nothing whatever the order of events.
 */
import { randomBytes } from "node:crypto";
import { Queue, type Job } from "bullmq";
import { errors, isAutoportError } from "../errors.js";
import { failed } from "./result.js";
import { bullConnection, probeRedis } from "./redis-url.js";
import type { JobOutcome } from "./job-runner.js";
import type { PoolHooks } from "./hooks.js";
import type { AppSpec, BatchStage } from "./types.js";

export const QUEUE_NAME = "autoport-batch";

export interface QueueJobData {
  app: AppSpec;
  stage: BatchStage;
  timeoutS: number;
}

const POLL_MS = 400;

export async function runQueued(url: string, apps: AppSpec[], o: { stage: BatchStage; timeoutS: number }, hooks: PoolHooks): Promise<void> {
  const target = await probeRedis(url);
  // the gatherer gives up on a lost Redis instead of waiting forever (workers keep retrying)
  const queue = new Queue<QueueJobData, JobOutcome>(QUEUE_NAME, { connection: { ...bullConnection(target), maxRetriesPerRequest: 3 } });
  try {
    const run = randomBytes(4).toString("hex");
    const jobs = await queue.addBulk(
      apps.map((app) => ({
        name: app.name,
        data: { app, stage: o.stage, timeoutS: o.timeoutS },
        // the worker records an app's failure as a result; a job fails only when
        // workers keep dying on it (BullMQ's stalled-job limit)
        opts: { jobId: `${run}-${app.name}`, attempts: 1, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 86_400 } },
      })),
    );
    const open = new Map(jobs.map((j, i) => [j.id!, { app: apps[i]!, started: false, stage: "" }]));
    while (open.size > 0) {
      for (const [id, st] of open) {
        const job = (await queue.getJob(id)) as Job<QueueJobData, JobOutcome> | undefined;
        const state = job ? await job.getState() : "unknown";
        if (state === "active" && !st.started) {
          st.started = true;
          hooks.start(st.app.name, job?.processedBy);
        }
        const stage = (job?.progress as { stage?: string } | undefined)?.stage;
        if (stage && stage !== st.stage) hooks.stage(st.app.name, (st.stage = stage));
        if (state === "completed" && job?.returnvalue) {
          open.delete(id);
          await hooks.done(job.returnvalue);
        } else if (state === "failed" || state === "unknown") {
          open.delete(id);
          const why = job?.failedReason ?? "the job disappeared from the queue";
          await hooks.done({ result: failed(st.app, "batch", `the queue gave up on the job: ${why}`, 0, "QUEUE_JOB_FAILED") });
        }
      }
      if (open.size > 0) await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } catch (e) {
    if (isAutoportError(e)) throw e;
    throw errors.queueUnreachable(url, `lost it during the batch: ${(e as Error).message.split("\n")[0]}`);
  } finally {
    await queue.close();
  }
}
