/**
 * The work of one app, run inside a job process (job-process.ts): fetch and
 * analyze, then build and boot when asked. Every failure becomes a result
 * naming the stage and the reason; nothing here throws for a bad app.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { isAutoportError } from "../errors.js";
import type { Report } from "../report/types.js";
import { resultOf, failed } from "./result.js";
import { runLaterStages } from "./later-stages.js";
import type { AppResult, AppSpec, BatchStage } from "./types.js";

export interface RunAppOptions {
  stage: BatchStage;
  /** parse workers for this one app */
  parseJobs: number;
  /** where build and boot may write (DIR/work/<app>) */
  workDir: string;
  onStage?: (stage: AppResult["stage"]) => void;
}

export async function runApp(app: AppSpec, opts: RunAppOptions): Promise<{ result: AppResult; report?: Report }> {
  const start = Date.now();
  let stage: AppResult["stage"] = "source";
  const enter = (s: AppResult["stage"]) => {
    stage = s;
    opts.onStage?.(s);
  };
  try {
    enter("analyze");
    await testDelay();
    // imported here so that a job process pays for tree-sitter only when it analyzes
    const { analyzeSource } = await import("../pipeline.js");
    const { report } = await analyzeSource(app.source, { jobs: opts.parseJobs });
    if (opts.stage !== "analyze") {
      const later = await runLaterStages(app, report, opts, enter);
      // a finished build's report adds the link and image layers: count from it
      const built = later.status === "ok" ? await readBuiltReport(opts.workDir) : undefined;
      return { result: { ...resultOf(app, built ?? report, Date.now() - start), ...later }, report: built ?? report };
    }
    return { result: resultOf(app, report, Date.now() - start, opts.stage), report };
  } catch (e) {
    const s = isAutoportError(e) && e.stage === "source" ? "source" : stage;
    return { result: failed(app, s, reasonOf(e), Date.now() - start, isAutoportError(e) ? e.code : undefined) };
  }
}

async function readBuiltReport(workDir: string): Promise<Report | undefined> {
  try {
    return JSON.parse(await readFile(join(workDir, "out", "report.json"), "utf8")) as Report;
  } catch {
    return undefined;
  }
}

export function reasonOf(e: unknown): string {
  // a failed build's hint names its log: keep that, it is where the reason is
  if (isAutoportError(e)) return `${e.message}${e.file && e.line ? ` (${e.file}:${e.line})` : ""}${/^read /.test(e.hint) ? `; ${e.hint}` : ""}`;
  const msg = e instanceof Error ? e.message : String(e);
  return `internal error: ${msg.split("\n")[0]}`;
}

/** AUTOPORT_BATCH_TEST_DELAY_MS: tests slow jobs down to kill a worker mid-job. */
async function testDelay(): Promise<void> {
  const ms = Number(process.env.AUTOPORT_BATCH_TEST_DELAY_MS ?? 0);
  if (ms > 0) await new Promise((r) => setTimeout(r, ms));
}
