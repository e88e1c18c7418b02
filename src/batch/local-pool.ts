/** The embedded worker pool: N job processes on this machine at a time. */
import { runJob, type JobOptions } from "./job-runner.js";
import type { PoolHooks } from "./hooks.js";
import type { AppSpec } from "./types.js";

export async function runLocal(apps: AppSpec[], o: Omit<JobOptions, "onStage" | "signal">, hooks: PoolHooks): Promise<void> {
  const queue = [...apps];
  const stop = new AbortController();
  let failure: unknown;
  const lane = async () => {
    for (let app = queue.shift(); app && !failure; app = queue.shift()) {
      const name = app.name;
      hooks.start(name);
      const outcome = await runJob(app, { ...o, signal: stop.signal, onStage: (s) => hooks.stage(name, s) });
      if (failure) return;
      outcome.result.worker = "local";
      try {
        await hooks.done(outcome);
      } catch (e) {
        failure ??= e;
        stop.abort();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.jobs, apps.length)) }, lane));
  if (failure) throw failure;
}
