import { headline, pct, statusCounts, viaText } from "../summary.js";
import type { Report } from "../types.js";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function md(report: Report): string {
  const c = report.coverage;
  const out: string[] = [
    `# autoport report: ${report.app}`,
    "",
    `${headline(report)}. Generated ${report.generated}, report version ${report.version}, layers: ${report.layers.join(", ")}.`,
    "",
    `**Kernel coverage:** ${c.supported} of ${c.required} reachable syscalls supported (${pct(c.ratio)}).`,
    `Status counts: ${Object.entries(statusCounts(report)).map(([k, n]) => `${k} ${n}`).join(", ") || "none"}.`,
    "",
  ];
  if (report.build) {
    const b = report.build;
    out.push("## Build", "", `Target \`${b.target}\`, image ${b.imageBytes.toLocaleString("en")} bytes, kernel modules: ${b.modules.join(", ")}; port glue: ${b.glueLines} lines.`, "");
    if (b.shims.length) {
      out.push("| shimmed syscall | nr | action | why | decided by |", "|---|---|---|---|---|");
      for (const s of b.shims) out.push(`| ${s.name} | ${s.nr} | ${s.action} | ${cell(s.reason)} | ${s.from} |`);
      out.push("");
    }
  }
  out.push("## Needs manual porting", "");
  if (report.manual.length === 0) out.push("Nothing.", "");
  else {
    out.push("| call | kind | pattern | site | hint |", "|---|---|---|---|---|");
    for (const m of report.manual) out.push(`| \`${m.symbol}\` | ${m.kind} | ${m.pattern} | ${m.file}:${m.line} | ${cell(m.explained ? `needs no porting here: ${m.explained}` : m.hint)} |`);
    out.push("");
  }
  out.push("## Syscalls", "", "| syscall | nr | status | module | via | layer |", "|---|---|---|---|---|---|");
  for (const s of [...report.syscalls].sort((a, b) => a.nr - b.nr)) {
    out.push(`| ${s.name} | ${s.nr} | ${s.status} | ${s.module ?? ""} | ${cell(viaText(s, 4))} | ${s.layer} |`);
  }
  out.push("", "## libc functions", "", "| function | layer | sites | first site | syscalls |", "|---|---|---|---|---|");
  for (const f of [...report.libc].sort((a, b) => a.name.localeCompare(b.name))) {
    const first = f.sites[0];
    const where = first ? `${first.file}:${first.line}${first.cond ? ` (if ${cell(first.cond)})` : ""}` : "";
    out.push(`| \`${f.name}\` | ${f.layer} | ${f.sites.length} | ${where} | ${f.syscalls.join(", ")} |`);
  }
  if (report.skipped.length) {
    out.push("", "## Skipped files", "", "| file | reason |", "|---|---|");
    for (const s of report.skipped) out.push(`| ${s.file} | ${cell(s.reason)} |`);
  }
  return out.join("\n") + "\n";
}
