/**
 * The process that builds (and boots) one app inside the sandbox. Prints one
 * JSON line: {status, stage, reason, code?}. Argument: {source, stage, outDir, jobs}.
 */
import { isAutoportError } from "../errors.js";
import { reasonOf } from "./run-app.js";

type StageFn = (source: string, opts: { out: string; jobs?: number; run?: boolean }) => Promise<unknown>;

const { source, stage, outDir, jobs } = JSON.parse(process.argv[2] ?? "{}") as { source: string; stage: "build" | "boot"; outDir: string; jobs?: number };
const pipeline = (await import("../pipeline.js")) as unknown as Record<string, StageFn>;
try {
  if (stage === "boot") await pipeline.portSource!(source, { out: outDir, jobs, run: true });
  else await pipeline.buildSource!(source, { out: outDir, jobs });
  process.stdout.write(JSON.stringify({ status: "ok", stage, reason: null }) + "\n");
} catch (e) {
  const s = isAutoportError(e) && e.stage === "run" ? "boot" : stage;
  process.stdout.write(JSON.stringify({ status: "failed", stage: s, reason: reasonOf(e), ...(isAutoportError(e) ? { code: e.code } : {}) }) + "\n");
}
