/** Types shared by the batch runner, its workers and its outputs (design.md §7 "Batch summary"). */
import type { ManualKind, SyscallStatus } from "../report/types.js";

export const SUMMARY_VERSION = 1;
export const APP_RESULT_VERSION = 1;

export type BatchStage = "analyze" | "build" | "boot";
export const STAGES: BatchStage[] = ["analyze", "build", "boot"];

/** One app to process: a Debian source package or a local folder. */
export interface AppSpec {
  /** unique within the batch; names apps/<name>.json */
  name: string;
  /** what resolveSource takes: "debian:PKG" or an absolute folder path */
  source: string;
  /** set only when the app is not processed at all (no bookworm package, not C/C++) */
  skip?: string;
  /** a remark from the app set (which package stands for the study's name, ...) */
  note?: string;
}

export type AppStatus = "ok" | "failed" | "skipped";

/** Where one app got to, as recorded in apps/<name>.json and in summary.json. */
export interface AppResult {
  version: number;
  name: string;
  source: string;
  status: AppStatus;
  /** the stage reached when ok, or the stage that failed */
  stage: "source" | BatchStage | "batch";
  /** why it failed or was skipped; null when ok */
  reason: string | null;
  /** the AutoportError code of a failure, when there was one */
  code?: string;
  syscalls: { required: number; covered: number };
  /** number of places needing manual porting */
  manual: number;
  /** per-kind counts of those places (fork, exec, ...) */
  manualKinds: Partial<Record<ManualKind, number>>;
  /** every syscall the app needs and its status in our kernel: the heatmap's row */
  required: Array<{ name: string; status: SyscallStatus }>;
  debianVersion?: string;
  files?: number;
  lines?: number;
  /** wall time of the app's job and the job process's peak resident memory */
  ms: number;
  peakRssMb?: number;
  /** how the build ran: the sandbox, or why there was none */
  sandbox?: string;
  /** which worker did it: "local" or the queue worker's id */
  worker?: string;
}

/** One step of the greedy ranking: implement `add`, and `covers` become fully covered. */
export interface RankStep {
  add: string[];
  covers: string[];
  coveredAfter: number;
}

export interface Comparison {
  what: string;
  published: string;
  ours: string;
}

export interface Totals {
  apps: number;
  ok: number;
  failed: number;
  skipped: number;
  distinctSyscalls: number;
  fullyCovered: string[];
  forkUsers: string[];
  kernelSyscalls: number;
}

export interface Summary {
  version: number;
  generated: string;
  stage: BatchStage;
  set?: string;
  apps: Array<Omit<AppResult, "version" | "required" | "manualKinds">>;
  totals: Totals;
  /** syscall -> number of analyzed apps that need it, most used first */
  syscallUse: Array<{ name: string; apps: number; status: SyscallStatus }>;
  ranking: RankStep[];
  published: Comparison[];
}
