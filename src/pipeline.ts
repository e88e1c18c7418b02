/**
 * The only place that knows the order of the stages.
 */
import { resolveSource } from "./source/index.js";
import { analyzeTree } from "./analyze/index.js";
import type { AnalyzeOptions } from "./analyze/types.js";
import type { Report } from "./report/types.js";
import type { SourceTree } from "./source/types.js";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { addImageLayer, addLinkLayer } from "./analyze/index.js";
import { buildApp, loadPortRecipe, type PortRecipe } from "./build/index.js";
import { errors } from "./errors.js";
import { buildImage, modulesFor } from "./image/index.js";
import { projectRoot } from "./manifests/index.js";
import { writeReports } from "./report/index.js";
import { decideShims, shimsVariable, toDecisions } from "./shim/index.js";

export interface Analysis {
  tree: SourceTree;
  report: Report;
}

/** source → parse → analyze */
export async function analyzeSource(spec: string, opts: AnalyzeOptions = {}): Promise<Analysis> {
  const tree = await resolveSource(spec);
  const report = await analyzeTree(tree, opts);
  report.root = tree.root;
  if (tree.debian) report.debian = tree.debian;
  return { tree, report };
}

export interface BuildSourceOptions {
  /** the output folder (design.md §7) */
  out: string;
  /** --target: the program to take when the build links several */
  target?: string;
  /** --file HOST:GUEST, packed into the initrd */
  files?: string[];
  jobs?: number;
  /** ports/ folder; default: the repository's */
  portsDir?: string;
  /** called with one line per stage, for progress on stderr */
  progress?: (line: string) => void;
}

export interface Built extends Analysis {
  dir: string;
  image: string;
  recipe: PortRecipe;
}

/** Output files a build owns; removed first, so a failed build never looks like a finished one. */
const OUTPUTS = ["report.json", "report.md", "report.html", "image.elf", "image.debug.elf", "initrd.cpio", "build.log", "native"];

/**
 * source → analyze → build (the app's own, through the wrapper) → link layer
 * → shim → image (kernel + objects + musl, initrd) → image layer → report.
 * report.json is written last: a folder without it is unfinished.
 */
export async function buildSource(spec: string, opts: BuildSourceOptions): Promise<Built> {
  const say = opts.progress ?? (() => {});
  const dir = resolve(opts.out);
  await mkdir(dir, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
    throw errors.outputUnwritable(dir, e.code ?? e.message);
  });
  await Promise.all(OUTPUTS.map((f) => rm(join(dir, f), { force: true, recursive: true })));
  const logFile = join(dir, "build.log");
  await writeFile(logFile, `autoport build ${spec}\n`);

  say(`analyzing ${spec}`);
  const analysis = await analyzeSource(spec, { jobs: opts.jobs });
  const tree = analysis.tree;
  let report = analysis.report;
  const recipe = loadPortRecipe(opts.portsDir ?? join(projectRoot, "ports"), tree.app);
  const files = (opts.files ?? []).map(parseFileSpec);
  const work = await mkdtemp(join(tmpdir(), `autoport-build-${tree.app}-`));
  try {
    say(`building ${tree.app} with its own build (log: ${logFile})`);
    const built = await buildApp({
      root: tree.root, app: tree.app, only: tree.only, workDir: work, logFile, recipe, target: opts.target, jobs: opts.jobs,
    });
    report = await addLinkLayer(report, built.objects);
    report.manual = report.manual.map((m) => (recipe.manual?.[m.symbol] ? { ...m, explained: recipe.manual[m.symbol] } : m));
    // the same build's program, linked natively (musl, static): differential tests run it next to the image
    await mkdir(join(dir, "native"), { recursive: true });
    await copyFile(built.program, join(dir, "native", built.target));
    let plans = decideShims(report, { overrides: recipe.shims, overridesFrom: `ports/${tree.app}/port.json` });
    say(`linking ${built.target} with the kernel`);
    const imageOpts = {
      objects: built.objects, workDir: work, logFile, outDir: dir,
      rootfs: recipe.rootfs && recipe.dir ? join(recipe.dir, recipe.rootfs) : undefined, files, jobs: opts.jobs,
      debianSource: async (pkg: string) => (await resolveSource(`debian:${pkg}`)).root,
    };
    let img = await buildImage({ ...imageOpts, report, shims: shimsVariable(plans) });
    report = await addImageLayer(report, img.debugImage);
    // the image layer sees every syscall the linked code can make: when it
    // finds some whose modules the image lacks, link once more with them
    const needed = await modulesFor(report);
    if (needed.some((m) => !img.modules.includes(m))) {
      say(`linking again with the modules the image layer found: ${needed.filter((m) => !img.modules.includes(m)).join(" ")}`);
      plans = decideShims(report, { overrides: recipe.shims, overridesFrom: `ports/${tree.app}/port.json` });
      img = await buildImage({ ...imageOpts, report, shims: shimsVariable(plans), extraModules: [...img.modules, ...needed] });
      report = await addImageLayer(report, img.debugImage);
    }
    report.build = {
      target: built.target, targetFrom: built.targetFrom, candidates: built.candidates, system: built.system,
      modules: img.modules, imageBytes: img.imageBytes, glueLines: img.glueLines, shims: toDecisions(plans),
    };
    await writeReports(dir, report);
    return { tree, report, dir, image: img.image, recipe };
  } finally {
    if (!process.env.AUTOPORT_KEEP_WORK) await rm(work, { recursive: true, force: true });
  }
}

function parseFileSpec(spec: string): { host: string; guest: string } {
  const at = spec.lastIndexOf(":");
  const host = at > 0 ? spec.slice(0, at) : "";
  const guest = spec.slice(at + 1);
  if (!host || !guest.startsWith("/")) throw errors.badArgs(`--file takes HOST:/GUEST/PATH, not "${spec}"`);
  if (!existsSync(host)) throw errors.sourceNotFound(host);
  return { host: resolve(host), guest };
}
