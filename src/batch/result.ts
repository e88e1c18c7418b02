/** AppResult records: from a report, for a failure, for a skipped app. */
import type { Report, SyscallStatus } from "../report/types.js";
import { APP_RESULT_VERSION, type AppResult, type AppSpec, type BatchStage } from "./types.js";

/** A syscall counts as covered when the kernel has it in any form: the analysis's own rule. */
export const isCovered = (s: SyscallStatus) => s !== "missing";

export function resultOf(app: AppSpec, report: Report, ms: number, stage: BatchStage = "analyze"): AppResult {
  const manualKinds: AppResult["manualKinds"] = {};
  for (const m of report.manual) manualKinds[m.kind] = (manualKinds[m.kind] ?? 0) + 1;
  const required = report.syscalls.map((s) => ({ name: s.name, status: s.status })).sort((a, b) => a.name.localeCompare(b.name));
  return {
    version: APP_RESULT_VERSION,
    name: app.name,
    source: app.source,
    status: "ok",
    stage,
    reason: null,
    syscalls: { required: report.coverage.required, covered: report.coverage.supported },
    manual: report.manual.length,
    manualKinds,
    required,
    ...(report.debian ? { debianVersion: report.debian.version } : {}),
    files: report.files,
    lines: report.lines,
    ms,
  };
}

export function failed(app: AppSpec, stage: AppResult["stage"], reason: string, ms: number, code?: string): AppResult {
  return {
    version: APP_RESULT_VERSION,
    name: app.name,
    source: app.source,
    status: "failed",
    stage,
    reason,
    ...(code ? { code } : {}),
    syscalls: { required: 0, covered: 0 },
    manual: 0,
    manualKinds: {},
    required: [],
    ms,
  };
}

export function skipped(app: AppSpec): AppResult {
  return { ...failed(app, "source", app.skip ?? "skipped", 0), status: "skipped" };
}

/**
 * Statuses as the kernel has them now: results kept from an earlier run
 * (--resume, the queue) may predate kernel changes, and one summary must not
 * mix two kernels.
 */
export function withKernel(r: AppResult, statusNow: (syscall: string) => SyscallStatus): AppResult {
  if (r.required.length === 0) return r;
  const required = r.required.map((s) => ({ name: s.name, status: statusNow(s.name) }));
  return { ...r, required, syscalls: { required: r.syscalls.required, covered: required.filter((s) => isCovered(s.status)).length } };
}
