/** Counts and lists that every human-facing format shows the same way. */
import type { Report, SyscallUse } from "./types.js";

export const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

export function missingSyscalls(report: Report): SyscallUse[] {
  return report.syscalls
    .filter((s) => s.status === "missing")
    .sort((a, b) => b.via.length - a.via.length || a.nr - b.nr);
}

export function statusCounts(report: Report): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of report.syscalls) out[s.status] = (out[s.status] ?? 0) + 1;
  return out;
}

export function headline(report: Report): string {
  const v = report.debian ? ` ${report.debian.version}` : "";
  return `${report.app} (${report.source}${v}): ${report.files} files, ${report.lines.toLocaleString("en")} lines`;
}

export function viaText(s: SyscallUse, max = 3): string {
  const more = s.via.length > max ? ` +${s.via.length - max}` : "";
  return s.via.slice(0, max).join(", ") + more;
}
