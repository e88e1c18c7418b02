/** How a pool (local or queued) tells the batch what its jobs are doing. */
import type { JobOutcome } from "./job-runner.js";

export interface PoolHooks {
  start(name: string, worker?: string): void;
  stage(name: string, stage: string): void;
  /** may throw (a full disk): the pool then stops and rethrows */
  done(outcome: JobOutcome): Promise<void>;
}
