/** summary.md: the batch for people reading it in a terminal or a repository. */
import type { Summary } from "./types.js";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function summaryMd(s: Summary): string {
  const t = s.totals;
  const out = [
    `# autoport batch${s.set ? `: ${s.set}` : ""}`,
    "",
    `Stage ${s.stage}, ${s.generated}. ${t.apps} apps: ${t.ok} ok, ${t.failed} failed, ${t.skipped} skipped.`,
    `${t.fullyCovered.length} fully covered by the kernel's ${t.kernelSyscalls} syscalls${t.fullyCovered.length ? ` (${t.fullyCovered.join(", ")})` : ""}; ${t.distinctSyscalls} distinct syscalls; fork in ${t.forkUsers.length}.`,
    "",
    "## Apps",
    "",
    "| app | source | status | stage | syscalls covered / required | manual | time | peak memory | reason |",
    "|---|---|---|---|---|---|---|---|---|",
    ...s.apps.map((a) =>
      [
        a.name,
        a.source || "-",
        a.status,
        a.stage,
        a.status !== "ok" && !a.syscalls.required ? "-" : `${a.syscalls.covered} / ${a.syscalls.required}`,
        a.status === "skipped" ? "-" : String(a.manual),
        a.ms ? `${(a.ms / 1000).toFixed(1)} s` : "-",
        a.peakRssMb ? `${a.peakRssMb} MB` : "-",
        a.reason ?? "",
      ]
        .map(cell)
        .join(" | ")
        .replace(/^/, "| ")
        .concat(" |"),
    ),
    "",
    "## Implement these syscalls next",
    "",
    "Each step completes the cheapest remaining app; the apps it covers fully are listed.",
    "",
    ...(s.ranking.length
      ? s.ranking.map((r, i) => `${i + 1}. ${r.add.join(", ")}: +${r.covers.length} (${r.covers.join(", ")}), ${r.coveredAfter} covered`)
      : ["Every analyzed app is fully covered."]),
    "",
    "## Compared with the published figures",
    "",
    "| | published | ours |",
    "|---|---|---|",
    ...s.published.map((p) => `| ${cell(p.what)} | ${cell(p.published)} | ${cell(p.ours)} |`),
    "",
  ];
  return out.join("\n");
}
