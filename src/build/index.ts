/**
 * The build stage: copies the app's tree, runs its own build with the compiler
 * wrapper first on PATH (cc → musl, static, non-PIE), and picks the program
 * whose objects the image stage links with the kernel.
 */
import { appendFile, cp, mkdir, readdir, readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, join } from "node:path";
import { errors } from "../errors.js";
import { lastError, runLogged } from "./exec.js";
import { chooseProgram, linkInputs, programs, readRecords } from "./records.js";
import { planSteps } from "./steps.js";
import { makeToolchain } from "./toolchain.js";
import type { BuildOptions, BuildResult } from "./types.js";

export type { BuildOptions, BuildResult, BuildRecipe, BuildRecord, CompileRecord, LinkRecord } from "./types.js";
export { loadPortRecipe } from "./port.js";
export type { PortRecipe } from "./port.js";

export async function buildApp(opts: BuildOptions): Promise<BuildResult> {
  const recipe = opts.recipe ?? {};
  const buildRoot = join(opts.workDir, "src");
  await mkdir(buildRoot, { recursive: true });
  // a single C file brings the headers beside it, not the whole folder it sits in
  if (opts.only) {
    const beside = (await readdir(opts.root)).filter((f) => f === opts.only || f.endsWith(".h"));
    for (const f of beside) await cp(join(opts.root, f), join(buildRoot, f));
  }
  else await cp(opts.root, buildRoot, { recursive: true, verbatimSymlinks: true });

  const tools = await makeToolchain(join(opts.workDir, "toolchain"));
  const env = { ...tools.env, ...(recipe.env ?? {}) };
  const { system, steps } = planSteps(buildRoot, opts.app, recipe, opts.jobs ?? availableParallelism(), opts.only);
  for (const step of steps) {
    const status = await runLogged(step, buildRoot, env, opts.logFile);
    if (status !== 0) {
      const detail = lastError(await readFile(opts.logFile, "latin1"));
      throw errors.buildFailed(opts.app, opts.logFile, `\`${step.title}\` exited with ${status}${detail ? ` (${detail})` : ""}`);
    }
  }

  const records = readRecords(tools.logFile);
  const links = programs(records);
  const named = opts.target ?? recipe.target;
  const wanted = named ? { name: named, from: opts.target ? "--target" : `ports/${opts.app}/port.json` } : undefined;
  const choice = chooseProgram(links, buildRoot, opts.app, wanted);
  const candidates = links.map((l) => basename(l.output));
  if (!choice) {
    const detail = wanted
      ? `it linked no program named ${wanted.name} (it linked: ${candidates.join(", ") || "none"})`
      : "it linked no program";
    throw errors.buildFailed(opts.app, opts.logFile, detail);
  }
  const { objects, unresolved } = linkInputs(choice.link);
  if (unresolved.length) {
    await appendFile(opts.logFile, `autoport: -l${unresolved.join(" -l")} not found among the build's archives; the image link may miss their symbols\n`);
  }
  return {
    system,
    target: basename(choice.link.output),
    program: choice.link.output,
    targetFrom: choice.from,
    candidates,
    objects,
    unresolvedLibs: unresolved,
    records,
    buildRoot,
  };
}
