/**
 * Runs one app in a job process (job-process.ts) with a time limit. Whatever
 * happens to the process (a timeout, a crash, running out of memory) comes
 * back as a result with the stage it reached and the reason.
 */
import { fork } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { Report } from "../report/types.js";
import { failed } from "./result.js";
import type { AppResult, AppSpec, BatchStage } from "./types.js";

export interface JobOptions {
  stage: BatchStage;
  timeoutS: number;
  /** concurrent jobs on this machine: the parse workers of one app share the cores */
  jobs: number;
  /** DIR/work: build and boot write under DIR/work/<app> */
  workRoot: string;
  /** heap limit of a job process in MB */
  heapMb?: number;
  onStage?: (stage: AppResult["stage"]) => void;
  /** kills the job process: the batch is stopping */
  signal?: AbortSignal;
}

export interface JobOutcome {
  result: AppResult;
  report?: Report;
}

const jobScript = fileURLToPath(new URL("./job-process.js", import.meta.url));

export function runJob(app: AppSpec, o: JobOptions): Promise<JobOutcome> {
  const start = Date.now();
  const parseJobs = Math.max(1, Math.floor(availableParallelism() / Math.max(1, o.jobs)));
  const child = fork(jobScript, [], {
    stdio: ["ignore", "ignore", "pipe", "ipc"],
    execArgv: [`--max-old-space-size=${o.heapMb ?? 4096}`],
    serialization: "advanced",
  });
  let stage: AppResult["stage"] = "source";
  let stderrTail = "";
  child.stderr?.on("data", (d: Buffer) => (stderrTail = (stderrTail + d.toString("latin1")).slice(-2000)));
  return new Promise((resolve) => {
    let outcome: JobOutcome | undefined;
    let timedOut = false;
    const timer = o.timeoutS > 0 ? setTimeout(() => ((timedOut = true), child.kill("SIGKILL")), o.timeoutS * 1000) : undefined;
    const abort = () => child.kill("SIGKILL");
    o.signal?.addEventListener("abort", abort, { once: true });
    child.on("message", (m: { type: string; stage?: AppResult["stage"] } & JobOutcome) => {
      if (m.type === "stage" && m.stage) {
        stage = m.stage;
        o.onStage?.(m.stage);
      } else if (m.type === "result") outcome = { result: m.result, report: m.report };
    });
    child.on("error", () => {}); // reported through "exit"
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      o.signal?.removeEventListener("abort", abort);
      if (outcome) return resolve(outcome);
      const ms = Date.now() - start;
      const last = stderrTail.trim().split("\n").filter(Boolean).at(-1);
      const why = timedOut
        ? `timed out after ${o.timeoutS} s`
        : /heap out of memory|Allocation failed/.test(stderrTail)
          ? "the job ran out of memory"
          : `the job process died (${signal ?? `exit ${code}`})${last ? `: ${last.slice(0, 200)}` : ""}`;
      resolve({ result: failed(app, stage, why, ms, timedOut ? "TIMEOUT" : undefined) });
    });
    child.send({ app, opts: { stage: o.stage, parseJobs, workDir: join(o.workRoot, app.name) } });
  });
}
