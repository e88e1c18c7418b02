/**
 * `autoport batch`: many apps, each in its own job process, on the local pool
 * or a BullMQ queue; one app's failure is its result, never the batch's end.
 * Only a problem with the whole run (bad input, an unreachable queue, a full
 * output disk) stops it.
 */
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { errors } from "../errors.js";
import { loadKernelTable, statusOf } from "../manifests/index.js";
import { runLocal } from "./local-pool.js";
import { loadResult, saveOutcome, writeIn, writeOutputs } from "./outputs.js";
import { makeProgress, type Progress } from "./progress.js";
import { runQueued } from "./queue.js";
import { skipped, withKernel } from "./result.js";
import { summarize } from "./summary.js";
import type { PoolHooks } from "./hooks.js";
import type { AppResult, AppSpec, BatchStage, Summary } from "./types.js";

export interface BatchOptions {
  apps: AppSpec[];
  set?: string;
  outDir: string;
  jobs: number;
  stage: BatchStage;
  resume: boolean;
  timeoutS: number;
  queue?: string;
  progress?: Progress;
}

export interface BatchResult {
  summary: Summary;
  /** why heatmap.png is missing, when it is */
  pngNote: string | null;
}

export async function runBatch(o: BatchOptions): Promise<BatchResult> {
  const dir = resolve(o.outDir);
  await mkdir(join(dir, "apps"), { recursive: true }).catch((e: NodeJS.ErrnoException) => {
    throw e.code === "ENOSPC" ? errors.outputFull(dir) : errors.outputUnwritable(dir, e.code ?? e.message);
  });
  // fail before any work when the folder cannot take a file
  await writeIn(dir, join(dir, ".autoport-batch"), JSON.stringify({ started: new Date().toISOString(), stage: o.stage }) + "\n");
  const progress = o.progress ?? makeProgress(o.apps.length);
  const results = new Map<string, AppResult>();
  const todo: AppSpec[] = [];
  try {
    for (const app of o.apps) {
      const done = o.resume ? await loadResult(dir, app.name) : undefined;
      if (done) {
        results.set(app.name, done);
        progress.done(done, "from an earlier run");
      } else if (app.skip) {
        const r = skipped(app);
        await saveOutcome(dir, { result: r });
        results.set(app.name, r);
        progress.done(r);
      } else todo.push(app);
    }
    let warned = false;
    const hooks: PoolHooks = {
      start: (name, worker) => progress.start(name, worker),
      stage: (name, stage) => progress.stage(name, stage),
      done: async (outcome) => {
        await saveOutcome(dir, outcome);
        results.set(outcome.result.name, outcome.result);
        progress.done(outcome.result);
        if (!warned && outcome.result.sandbox?.startsWith("no sandbox")) {
          warned = true;
          process.stderr.write(`autoport batch: warning: builds run unsandboxed here (${outcome.result.sandbox.slice("no sandbox: ".length)})\n`);
        }
      },
    };
    if (o.queue) await runQueued(o.queue, todo, { stage: o.stage, timeoutS: o.timeoutS }, hooks);
    else await runLocal(todo, { stage: o.stage, timeoutS: o.timeoutS, jobs: o.jobs, workRoot: join(dir, "work") }, hooks);
  } finally {
    progress.close();
  }
  const kernel = await loadKernelTable();
  const ordered = o.apps
    .map((a) => results.get(a.name)!)
    .filter(Boolean)
    .map((r) => withKernel(r, (name) => statusOf(kernel, name)));
  const summary = summarize(ordered, { stage: o.stage, set: o.set, kernelSyscalls: kernel.owner.size });
  const pngNote = await writeOutputs(dir, summary, ordered);
  return { summary, pngNote };
}

export { resolveApps } from "./resolve-apps.js";
export { runWorker } from "./worker.js";
export type { AppResult, AppSpec, Summary } from "./types.js";
