/** The short summary `autoport analyze` prints on a terminal. */
import { headline, missingSyscalls, pct, statusCounts, viaText } from "../summary.js";
import type { Report } from "../types.js";

export function text(report: Report): string {
  const c = report.coverage;
  const counts = Object.entries(statusCounts(report)).map(([k, n]) => `${n} ${k}`).join(", ");
  const lines = [
    headline(report),
    `libc functions used: ${report.libc.length} (layers: ${report.layers.join(", ")})`,
    `syscalls reachable: ${report.syscalls.length} (${counts || "none"})`,
    `kernel coverage: ${c.supported}/${c.required} (${pct(c.ratio)})`,
  ];
  const missing = missingSyscalls(report);
  if (missing.length) {
    lines.push(`top missing syscalls:`);
    for (const s of missing.slice(0, 8)) lines.push(`  ${s.name.padEnd(18)} via ${viaText(s)}`);
    if (missing.length > 8) lines.push(`  ... and ${missing.length - 8} more (see the full report)`);
  }
  if (report.manual.length) {
    lines.push(`needs manual porting: ${report.manual.length}`);
    for (const m of report.manual.slice(0, 10)) {
      const pat = m.pattern && m.pattern !== m.kind ? ` [${m.pattern}]` : "";
      lines.push(`  ${m.symbol}${pat} ${m.file}:${m.line}: ${m.explained ? `needs no porting here: ${m.explained}` : m.hint}`);
    }
    if (report.manual.length > 10) lines.push(`  ... and ${report.manual.length - 10} more`);
  } else {
    lines.push("needs manual porting: nothing");
  }
  if (report.skipped.length) lines.push(`skipped files: ${report.skipped.length} (${report.skipped.slice(0, 3).map((s) => `${s.file}: ${s.reason}`).join("; ")})`);
  return lines.join("\n") + "\n";
}
