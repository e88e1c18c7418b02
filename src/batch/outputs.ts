/**
 * Everything the batch writes in DIR, each file atomically: apps/<name>.json
 * (the app's result) and apps/<name>.report.json (its full report) as each app
 * ends, then summary.json, summary.md, heatmap.svg, index.html, heatmap.png.
 */
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { errors, isAutoportError } from "../errors.js";
import { reporters, writeFileAtomic } from "../report/index.js";
import { heatmapSvg } from "./heatmap.js";
import { indexHtml } from "./page.js";
import { svgToPng } from "./png.js";
import { summaryMd } from "./summary-md.js";
import type { JobOutcome } from "./job-runner.js";
import type { AppResult, Summary } from "./types.js";

export const resultPath = (dir: string, name: string) => join(dir, "apps", `${name}.json`);

/** A full disk stops the whole batch with its own message; other write errors pass through. */
export async function writeIn(dir: string, path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, data);
  } catch (e) {
    if (isAutoportError(e) && /ENOSPC|EDQUOT/.test(e.message)) throw errors.outputFull(dir);
    throw e;
  }
}

/** The report first, the result last: a result file means the app is done (--resume). */
export async function saveOutcome(dir: string, o: JobOutcome): Promise<void> {
  if (o.report) await writeIn(dir, join(dir, "apps", `${o.result.name}.report.json`), reporters.json(o.report));
  await writeIn(dir, resultPath(dir, o.result.name), JSON.stringify(o.result, null, 2) + "\n");
}

export async function loadResult(dir: string, name: string): Promise<AppResult | undefined> {
  const p = resultPath(dir, name);
  if (!existsSync(p)) return undefined;
  try {
    return JSON.parse(await readFile(p, "utf8")) as AppResult;
  } catch {
    return undefined; // unreadable: do the app again
  }
}

/** Returns a note when the PNG could not be made (the rest is written anyway). */
export async function writeOutputs(dir: string, summary: Summary, results: AppResult[]): Promise<string | null> {
  const map = heatmapSvg(summary, results);
  await writeIn(dir, join(dir, "summary.json"), JSON.stringify(summary, null, 2) + "\n");
  await writeIn(dir, join(dir, "summary.md"), summaryMd(summary));
  await writeIn(dir, join(dir, "heatmap.svg"), map.svg);
  await writeIn(dir, join(dir, "index.html"), indexHtml(summary, map.svg));
  try {
    return await svgToPng(map.svg, join(dir, "heatmap.png"), map.width, map.height);
  } catch (e) {
    if (isAutoportError(e) && /ENOSPC|EDQUOT/.test(e.message)) throw errors.outputFull(dir);
    throw e;
  }
}
