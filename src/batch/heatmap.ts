/**
 * The coverage heatmap as SVG: one row per app, one column per syscall any
 * analyzed app needs (most used first), each cell colored by the syscall's
 * status in our kernel; apps that failed or were skipped show their reason.
 */
import type { SyscallStatus } from "../report/types.js";
import type { AppResult, Summary } from "./types.js";

export const STATUS_COLORS: Record<SyscallStatus, string> = {
  implemented: "#2e7d32",
  partial: "#7cb342",
  fake: "#f9a825",
  stub: "#ef6c00",
  missing: "#c62828",
};
const UNUSED = "#eeeeee";

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const CELL_W = 9;
const CELL_H = 15;
const LEFT = 190;
const TOP = 120;
const FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif";

export interface Heatmap {
  svg: string;
  width: number;
  height: number;
}

export function heatmapSvg(summary: Summary, results: AppResult[]): Heatmap {
  const cols = summary.syscallUse.map((s) => s.name);
  const rows = [...results].sort(rowOrder);
  const t = summary.totals;
  const title = `Syscall coverage: ${t.fullyCovered.length} of ${t.ok} analyzed apps fully covered by a ${t.kernelSyscalls}-syscall kernel`;
  // wide enough for the cells, the title (about 8.5 px a character at 15 px) and the legend
  const width = Math.ceil(Math.max(LEFT + cols.length * CELL_W + 20, 20 + title.length * 8.5, 600));
  const rowText = Math.max(30, Math.floor((width - LEFT - 10) / 6));
  const legendY = TOP + rows.length * CELL_H + 18;
  const height = legendY + 40;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`);
  out.push(`<rect width="100%" height="100%" fill="#ffffff"/>`);
  out.push(`<text x="10" y="22" font-size="15" font-weight="bold">${esc(title)}</text>`);
  out.push(`<text x="10" y="40" font-size="11" fill="#555">${esc(`${cols.length} distinct syscalls (columns, most used first); ${t.failed} failed, ${t.skipped} skipped`)}</text>`);
  cols.forEach((name, i) => {
    const x = LEFT + i * CELL_W + CELL_W - 2;
    out.push(`<text transform="translate(${x},${TOP - 4}) rotate(-90)" font-size="8">${esc(name)}</text>`);
  });
  rows.forEach((r, j) => {
    const y = TOP + j * CELL_H;
    const label = r.status === "ok" ? `${r.name} ${r.syscalls.covered}/${r.syscalls.required}` : r.name;
    out.push(`<text x="${LEFT - 6}" y="${y + CELL_H - 4}" font-size="11" text-anchor="end"${r.status === "ok" ? "" : ' fill="#888"'}>${esc(label)}</text>`);
    if (r.required.length === 0) {
      out.push(`<rect x="${LEFT}" y="${y + 1}" width="${width - LEFT - 10}" height="${CELL_H - 2}" fill="#fafafa" stroke="#ddd"/>`);
      const text = `${r.status}: ${r.reason ?? ""}`;
      out.push(`<text x="${LEFT + 4}" y="${y + CELL_H - 4}" font-size="10" fill="#888">${esc(text.length > rowText ? `${text.slice(0, rowText - 1)}…` : text)}</text>`);
      return;
    }
    const have = new Map(r.required.map((s) => [s.name, s.status]));
    cols.forEach((name, i) => {
      const st = have.get(name);
      out.push(`<rect x="${LEFT + i * CELL_W}" y="${y}" width="${CELL_W - 1}" height="${CELL_H - 1}" fill="${st ? STATUS_COLORS[st] : UNUSED}"/>`);
    });
  });
  let x = 10;
  for (const [status, color] of [...Object.entries(STATUS_COLORS), ["not used", UNUSED] as const]) {
    out.push(`<rect x="${x}" y="${legendY}" width="12" height="12" fill="${color}"/>`);
    out.push(`<text x="${x + 16}" y="${legendY + 10}" font-size="11">${esc(status)}</text>`);
    x += 30 + status.length * 7;
  }
  out.push("</svg>");
  return { svg: out.join("\n") + "\n", width, height };
}

/** analyzed apps first, best covered first; then failed, then skipped */
function rowOrder(a: AppResult, b: AppResult): number {
  const rank = (r: AppResult) => (r.required.length > 0 ? 0 : r.status === "failed" ? 1 : 2);
  const ratio = (r: AppResult) => (r.syscalls.required ? r.syscalls.covered / r.syscalls.required : 0);
  return rank(a) - rank(b) || ratio(b) - ratio(a) || a.name.localeCompare(b.name);
}
