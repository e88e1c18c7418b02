/**
 * PNGs through Debian's chromium in headless mode (npm browsers that download
 * their own build cannot run here). An SVG is wrapped in a bare HTML page
 * first: chromium sizes a bare SVG document wrongly in screenshots.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { execa } from "../execa.js";
import { writeFileAtomic } from "../report/index.js";

const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--hide-scrollbars",
];

/** Screenshots a page into out. Returns null when done, else why not (one line). */
export async function screenshot(page: string, out: string, width: number, height: number): Promise<string | null> {
  const tmp = await mkdtemp(join(tmpdir(), "autoport-chromium-"));
  try {
    const shot = join(tmp, "shot.png");
    const r = await execa(
      "chromium",
      [...CHROMIUM_FLAGS, `--user-data-dir=${join(tmp, "profile")}`, `--screenshot=${shot}`, `--window-size=${width},${height}`, pathToFileURL(page).href],
      { reject: false, timeout: 90_000, env: { HOME: tmp } },
    );
    if ((r as { code?: string }).code === "ENOENT") return "chromium is not installed (apt-get install chromium), so there is no PNG";
    const png = await readFile(shot).catch(() => undefined);
    if (!png) return `chromium made no screenshot (${r.timedOut ? "timed out" : `exit ${r.exitCode}`})`;
    await writeFileAtomic(out, png);
    return null;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** heatmap.png from the heatmap's SVG text. */
export async function svgToPng(svg: string, out: string, width: number, height: number): Promise<string | null> {
  const tmp = await mkdtemp(join(tmpdir(), "autoport-svg-"));
  try {
    const page = join(tmp, "heatmap.html");
    await writeFile(page, `<!doctype html><html><body style="margin:0;background:#fff">${svg}</body></html>`);
    return await screenshot(page, out, width, height);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
