/**
 * --stage build|boot: after the analysis, build (and boot) the app inside the
 * sandbox (build-process.ts), through the pipeline's buildSource and the run
 * stage's runImage.
 */
import { execa } from "../execa.js";
import { fileURLToPath } from "node:url";
import { basename, dirname, join } from "node:path";
import { existsSync } from "node:fs";
import { chown, mkdir } from "node:fs/promises";
import type { Report } from "../report/types.js";
import { cacheDir } from "../cache.js";
import { projectRoot } from "../manifests/index.js";
import { NOBODY, sandboxFor } from "./sandbox.js";
import type { AppResult, AppSpec } from "./types.js";
import type { RunAppOptions } from "./run-app.js";

/** caches the build may read: fetched Debian sources and unpacked tarballs */
const SHARED_CACHES = ["debian", "tarballs"];

/** Folders made for the build belong to the user it runs as (nobody, when autoport is root). */
async function giveToBuild(dirs: string[]): Promise<void> {
  for (const d of dirs) {
    await mkdir(d, { recursive: true });
    if (process.getuid?.() === 0) await chown(d, NOBODY, NOBODY);
  }
}

/** how long a booted app may run before it is stopped */
const BOOT_S = 30;

type Outcome = Pick<AppResult, "status" | "stage" | "reason"> & { code?: string; sandbox?: string };

export async function runLaterStages(app: AppSpec, report: Report, opts: RunAppOptions, enter: (s: AppResult["stage"]) => void): Promise<Outcome> {
  const stage = opts.stage === "boot" ? "boot" : "build";
  enter("build");
  // the build's own cache (XDG_CACHE_HOME) is in the work folder, so that the
  // kernel it builds is its own; fetched sources are shown there read-only
  const inner = join(opts.workDir, "cache");
  const shared = SHARED_CACHES.map((d) => cacheDir(d)).filter((d) => existsSync(d));
  const mounts = shared.map((d): [string, string] => [d, join(inner, "autoport", basename(d))]);
  await giveToBuild([inner, join(inner, "autoport"), ...mounts.map(([, dest]) => dest)]);
  const box = await sandboxFor(opts.workDir, [projectRoot, ...(report.root ? [report.root] : [])], mounts);
  const script = fileURLToPath(new URL("./build-process.js", import.meta.url));
  const out = join(opts.workDir, "out");
  const { cmd, args } = box.wrap(process.execPath, [script, JSON.stringify({ source: app.source, stage, outDir: out, jobs: opts.parseJobs, bootS: BOOT_S })]);
  // the build copies the app's tree under TMPDIR: keep that on disk, in the work folder
  const env = { XDG_CACHE_HOME: box.sandboxed ? inner : dirname(cacheDir()), TMPDIR: opts.workDir };
  const r = await execa(cmd, args, { reject: false, env, extendEnv: true, stdio: ["ignore", "ignore", "pipe", "pipe"] });
  const last = String(r.stdio[3] ?? "").trim().split("\n").at(-1) ?? "";
  try {
    const out = JSON.parse(last) as Outcome;
    return { ...out, sandbox: box.describe };
  } catch {
    const why = r.stderr.trim().split("\n").at(-1) ?? `exit ${r.exitCode}`;
    return { status: "failed", stage, reason: `the ${stage} process failed: ${why}`, sandbox: box.describe };
  }
}
