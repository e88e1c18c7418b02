/** index.html: one self-contained page (no scripts, no external files): heatmap, apps, ranking, comparison. */
import { esc } from "./heatmap.js";
import type { Summary } from "./types.js";

const STYLE = `body{font-family:DejaVu Sans,Liberation Sans,Arial,sans-serif;margin:24px;color:#222}
h1{font-size:22px}h2{font-size:17px;margin-top:28px}
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f4f4f4}.ok{color:#2e7d32}.failed{color:#c62828}.skipped{color:#888}
.map{overflow-x:auto;border:1px solid #eee;padding:4px}.reason{max-width:640px}`;

export function indexHtml(s: Summary, svg: string): string {
  const t = s.totals;
  const apps = s.apps
    .map(
      (a) =>
        `<tr><td>${esc(a.name)}</td><td>${esc(a.source || "-")}</td><td class="${a.status}">${a.status}</td><td>${esc(a.stage)}</td>` +
        `<td>${a.status !== "ok" && !a.syscalls.required ? "-" : `${a.syscalls.covered} / ${a.syscalls.required}`}</td><td>${a.status === "skipped" ? "-" : a.manual}</td>` +
        `<td>${a.ms ? (a.ms / 1000).toFixed(1) + " s" : "-"}</td><td class="reason">${esc(a.reason ?? "")}</td></tr>`,
    )
    .join("\n");
  const ranking = s.ranking.length
    ? `<ol>${s.ranking.map((r) => `<li><b>${esc(r.add.join(", "))}</b>: +${r.covers.length} (${esc(r.covers.join(", "))}), ${r.coveredAfter} covered</li>`).join("\n")}</ol>`
    : "<p>Every analyzed app is fully covered.</p>";
  const cmp = s.published.map((p) => `<tr><td>${esc(p.what)}</td><td>${esc(p.published)}</td><td>${esc(p.ours)}</td></tr>`).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>autoport batch${s.set ? `: ${esc(s.set)}` : ""}</title><style>${STYLE}</style></head>
<body>
<h1>autoport batch${s.set ? `: ${esc(s.set)}` : ""}</h1>
<p>Stage ${esc(s.stage)}, ${esc(s.generated)}. ${t.apps} apps: ${t.ok} ok, ${t.failed} failed, ${t.skipped} skipped.
${t.fullyCovered.length} fully covered by the kernel's ${t.kernelSyscalls} syscalls; ${t.distinctSyscalls} distinct syscalls; fork in ${t.forkUsers.length}.</p>
<div class="map">${svg.replace(/^<\?xml[^>]*>\s*/, "")}</div>
<h2>Apps</h2>
<table><tr><th>app</th><th>source</th><th>status</th><th>stage</th><th>syscalls covered / required</th><th>manual</th><th>time</th><th>reason</th></tr>
${apps}
</table>
<h2>Implement these syscalls next</h2>
<p>Each step completes the cheapest remaining app; the apps it covers fully are listed.</p>
${ranking}
<h2>Compared with the published figures</h2>
<table><tr><th></th><th>published</th><th>ours</th></tr>
${cmp}
</table>
</body></html>
`;
}
