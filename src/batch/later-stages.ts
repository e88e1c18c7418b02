/**
 * --stage build|boot: after the analysis, build (and boot) the app inside the
 * sandbox. The build and run stages are wired through src/pipeline.ts's
 * buildSource / portSource; until those exist the app fails here, saying so.
 */
import { execa } from "execa";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { Report } from "../report/types.js";
import { cacheDir } from "../source/cache.js";
import { projectRoot } from "../manifests/index.js";
import { sandboxFor } from "./sandbox.js";
import type { AppResult, AppSpec } from "./types.js";
import type { RunAppOptions } from "./run-app.js";

type Outcome = Pick<AppResult, "status" | "stage" | "reason"> & { code?: string; sandbox?: string };

export async function runLaterStages(app: AppSpec, report: Report, opts: RunAppOptions, enter: (s: AppResult["stage"]) => void): Promise<Outcome> {
  const stage = opts.stage === "boot" ? "boot" : "build";
  enter("build");
  const pipeline = (await import("../pipeline.js")) as Record<string, unknown>;
  const fn = stage === "boot" ? "portSource" : "buildSource";
  if (typeof pipeline[fn] !== "function") {
    return { status: "failed", stage, reason: `the ${stage} stage is not part of this autoport yet (src/pipeline.ts has no ${fn})` };
  }
  const box = await sandboxFor(opts.workDir, [projectRoot, cacheDir(), ...(report.root ? [report.root] : [])]);
  const script = fileURLToPath(new URL("./build-process.js", import.meta.url));
  const out = join(opts.workDir, "out");
  const { cmd, args } = box.wrap(process.execPath, [script, JSON.stringify({ source: app.source, stage, outDir: out, jobs: opts.parseJobs })]);
  // the build copies the app's tree under TMPDIR: keep that on disk, in the work folder
  const env = { XDG_CACHE_HOME: process.env.XDG_CACHE_HOME ?? cacheDir(".."), TMPDIR: opts.workDir };
  const r = await execa(cmd, args, { reject: false, env, extendEnv: true });
  const last = r.stdout.trim().split("\n").at(-1) ?? "";
  try {
    const out = JSON.parse(last) as Outcome;
    return { ...out, sandbox: box.describe };
  } catch {
    const why = r.stderr.trim().split("\n").at(-1) ?? `exit ${r.exitCode}`;
    return { status: "failed", stage, reason: `the ${stage} process failed: ${why}`, sandbox: box.describe };
  }
}
