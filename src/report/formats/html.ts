/** One self-contained HTML page: no scripts, no external files. */
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { headline, pct, statusCounts, viaText } from "../summary.js";
import type { Report, Site, SyscallStatus } from "../types.js";

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Where a site can be read: sources.debian.org for Debian packages, else the local file. */
export function siteUrl(report: Report, file: string, line: number): string | undefined {
  if (report.debian) {
    const { package: pkg, version } = report.debian;
    return `https://sources.debian.org/src/${encodeURIComponent(pkg)}/${encodeURIComponent(version)}/${file.split("/").map(encodeURIComponent).join("/")}/#L${line}`;
  }
  if (report.root) return `${pathToFileURL(join(report.root, file)).href}#L${line}`;
  return undefined;
}

function siteLink(report: Report, file: string, line: number): string {
  const url = siteUrl(report, file, line);
  const label = esc(`${file}:${line}`);
  return url ? `<a href="${esc(url)}">${label}</a>` : label;
}

const siteItem = (report: Report, s: Site) =>
  `<li>${siteLink(report, s.file, s.line)}${s.cond ? ` <span class="cond">#if ${esc(s.cond)}</span>` : ""}</li>`;

const COLORS: Record<SyscallStatus, string> = {
  implemented: "#2e7d32",
  partial: "#7cb342",
  fake: "#f9a825",
  stub: "#ef6c00",
  missing: "#c62828",
};

const badge = (status: SyscallStatus) => `<span class="badge" style="background:${COLORS[status]}">${status}</span>`;

export function html(report: Report): string {
  const c = report.coverage;
  const counts = statusCounts(report);
  const manual = report.manual.length
    ? `<table><tr><th>call</th><th>kind</th><th>pattern</th><th>site</th><th>hint</th></tr>${report.manual
        .map((m) => `<tr><td><code>${esc(m.symbol)}</code></td><td>${esc(m.kind)}</td><td>${esc(m.pattern)}</td><td>${siteLink(report, m.file, m.line)}</td><td>${esc(m.explained ? `needs no porting here: ${m.explained}` : m.hint)}</td></tr>`)
        .join("")}</table>`
    : "<p>Nothing.</p>";
  const syscalls = [...report.syscalls]
    .sort((a, b) => a.nr - b.nr)
    .map((s) => `<tr><td>${esc(s.name)}</td><td>${s.nr}</td><td>${badge(s.status)}</td><td>${esc(s.module ?? "")}</td><td>${esc(viaText(s, 5))}</td><td>${s.layer}</td></tr>`)
    .join("");
  const libc = [...report.libc]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(
      (f) =>
        `<tr><td><code>${esc(f.name)}</code></td><td>${f.layer}</td><td><details><summary>${f.sites.length} site${f.sites.length === 1 ? "" : "s"}</summary><ul>${f.sites
          .map((s) => siteItem(report, s))
          .join("")}</ul></details></td><td>${esc(f.syscalls.join(", "))}</td></tr>`,
    )
    .join("");
  const build = report.build
    ? `<h2>Build</h2><p>Target <code>${esc(report.build.target)}</code>, image ${report.build.imageBytes.toLocaleString("en")} bytes, modules: ${esc(report.build.modules.join(", "))}, port glue ${report.build.glueLines} lines.</p>${
        report.build.shims.length
          ? `<table><tr><th>shimmed syscall</th><th>nr</th><th>action</th><th>why</th><th>decided by</th></tr>${report.build.shims
              .map((s) => `<tr><td>${esc(s.name)}</td><td>${s.nr}</td><td>${badge(s.action)}</td><td>${esc(s.reason)}</td><td>${esc(s.from)}</td></tr>`)
              .join("")}</table>`
          : ""
      }`
    : "";
  const skipped = report.skipped.length
    ? `<h2>Skipped files</h2><table><tr><th>file</th><th>reason</th></tr>${report.skipped.map((s) => `<tr><td>${esc(s.file)}</td><td>${esc(s.reason)}</td></tr>`).join("")}</table>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>autoport: ${esc(report.app)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222}
table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f4f4f4}.badge{color:#fff;border-radius:3px;padding:1px 6px;font-size:12px}.cond{color:#666;font-size:12px}
.bar{height:14px;background:#eee;border-radius:3px;overflow:hidden;max-width:400px}.bar div{height:100%;background:#2e7d32}
ul{margin:0;padding-left:1.2em}code{font-size:13px}
</style></head><body>
<h1>autoport report: ${esc(report.app)}</h1>
<p>${esc(headline(report))}. Generated ${esc(report.generated)}; report version ${report.version}; layers: ${esc(report.layers.join(", "))}.</p>
<h2>Kernel coverage</h2>
<p>${c.supported} of ${c.required} reachable syscalls supported (${pct(c.ratio)}): ${Object.entries(counts).map(([k, n]) => `${n} ${esc(k)}`).join(", ")}.</p>
<div class="bar"><div style="width:${(c.ratio * 100).toFixed(1)}%"></div></div>
${build}
<h2>Needs manual porting</h2>${manual}
<h2>Syscalls</h2><table><tr><th>syscall</th><th>nr</th><th>status</th><th>module</th><th>via</th><th>layer</th></tr>${syscalls}</table>
<h2>libc functions</h2><table><tr><th>function</th><th>layer</th><th>sites</th><th>syscalls</th></tr>${libc}</table>
${skipped}
</body></html>
`;
}
