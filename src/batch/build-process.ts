/**
 * The process that builds (and boots) one app inside the sandbox. Prints one
 * JSON line: {status, stage, reason, code?}. Argument: {source, stage, outDir}.
 */
import { isAutoportError } from "../errors.js";
import { reasonOf } from "./run-app.js";

type StageFn = (source: string, opts: { outDir: string; run?: boolean }) => Promise<unknown>;

const { source, stage, outDir } = JSON.parse(process.argv[2] ?? "{}") as { source: string; stage: "build" | "boot"; outDir: string };
const pipeline = (await import("../pipeline.js")) as unknown as Record<string, StageFn>;
try {
  if (stage === "boot") await pipeline.portSource!(source, { outDir, run: true });
  else await pipeline.buildSource!(source, { outDir });
  process.stdout.write(JSON.stringify({ status: "ok", stage, reason: null }) + "\n");
} catch (e) {
  const s = isAutoportError(e) && e.stage === "run" ? "boot" : stage;
  process.stdout.write(JSON.stringify({ status: "failed", stage: s, reason: reasonOf(e), ...(isAutoportError(e) ? { code: e.code } : {}) }) + "\n");
}
