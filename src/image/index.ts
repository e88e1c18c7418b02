/**
 * The image stage: builds the kernel with the modules the app needs and the
 * shim stage's decisions, links it with the app's recorded objects and musl
 * (kernel/Makefile's `image` target), and packs the initrd.
 */
import { spawn } from "node:child_process";
import { appendFileSync, closeSync, existsSync, openSync, readFileSync, statSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { cacheDir } from "../cache.js";
import { errors } from "../errors.js";
import { loadKernelTable, projectRoot, type KernelTable } from "../manifests/index.js";
import { entriesOf, parentsOf, writeCpio, type CpioEntry } from "./cpio.js";
import { pickModules } from "./modules.js";
import type { Report } from "../report/types.js";

export { writeCpio, entriesOf } from "./cpio.js";
export { pickModules } from "./modules.js";

export interface ImageFile {
  host: string;
  /** absolute path in the guest */
  guest: string;
}

export interface ImageOptions {
  report: Report;
  /** the app's objects and archives, in link order */
  objects: string[];
  /** scratch: the kernel build goes to workDir/kernel */
  workDir: string;
  logFile: string;
  /** where image.elf, image.debug.elf and initrd.cpio are written */
  outDir: string;
  /** kernel/Makefile SHIMS value */
  shims?: string;
  /** modules wanted beyond the syscalls' owners (vfs when there are files) */
  extraModules?: string[];
  rootfs?: string;
  files?: ImageFile[];
  kernelDir?: string;
  jobs?: number;
  /** the unpacked tree of a Debian source package (for modules built from one, like lwIP) */
  debianSource?: (pkg: string) => Promise<string>;
}

export interface ImageResult {
  modules: string[];
  image: string;
  debugImage: string;
  initrd?: string;
  imageBytes: number;
  /** lines of generated shim code in the kernel's syscall table */
  glueLines: number;
}

/** The modules an image for this report needs (core, the syscalls' owners, their requires). */
export async function modulesFor(report: Report, kernelDir = join(projectRoot, "kernel")): Promise<string[]> {
  return pickModules(report, await loadKernelTable(join(kernelDir, "lib")));
}

export async function buildImage(o: ImageOptions): Promise<ImageResult> {
  const kdir = o.kernelDir ?? join(projectRoot, "kernel");
  const table = await loadKernelTable(join(kdir, "lib"));
  const hasFiles = !!o.rootfs || (o.files?.length ?? 0) > 0;
  const extra = [...(o.extraModules ?? []), ...(hasFiles && table.modules.some((m) => m.name === "vfs") ? ["vfs"] : [])];
  const modules = pickModules(o.report, table, extra);
  const sourceVars = await debianSourceVars(table, modules, o.debianSource);
  const kbuild = kernelBuildDir(kdir, modules, `${o.shims ?? ""}\n${sourceVars.join(" ")}`, readFileSync(join(kdir, "Makefile")));
  const img = join(o.workDir, "image");
  const vars = [`O=${kbuild}`, `MODULES=${modules.join(" ")}`, `SHIMS=${o.shims ?? ""}`, ...sourceVars];
  await mkdir(kbuild, { recursive: true });
  if ((await make(kdir, [`-j${o.jobs ?? 2}`, ...vars], o.logFile, join(kbuild, ".lock"))) !== 0) throw errors.kernelBuildFailed(o.logFile);
  const app = o.objects.join(" ");
  if ((await make(kdir, [...vars, `APP=${app}`, `IMG=${img}`, "image"], o.logFile, join(kbuild, ".lock"))) !== 0) {
    throw errors.linkFailed(o.logFile, await undefinedSymbols(o.logFile));
  }
  await mkdir(o.outDir, { recursive: true });
  const image = join(o.outDir, "image.elf");
  const debugImage = join(o.outDir, "image.debug.elf");
  await copyFile(join(img, "image.elf"), image);
  await copyFile(join(img, "image.debug.elf"), debugImage);
  let initrd: string | undefined;
  if (hasFiles) {
    initrd = join(o.outDir, "initrd.cpio");
    await writeFile(initrd, initrdOf(o.rootfs, o.files ?? []));
  }
  const tableC = join(kbuild, "gen", "syscall_table.c");
  const glueLines = existsSync(tableC) ? (await readFile(tableC, "utf8")).split("\n").filter((l) => l.includes("shim_")).length : 0;
  return { modules, image, debugImage, initrd, imageBytes: statSync(image).size, glueLines };
}

/** VAR=tree for each Debian source a chosen module compiles from (lwIP for the network). */
async function debianSourceVars(table: KernelTable, modules: string[], fetch: ImageOptions["debianSource"]): Promise<string[]> {
  const vars: string[] = [];
  for (const m of table.modules) {
    if (!modules.includes(m.name)) continue;
    for (const [v, pkg] of Object.entries(m.debianSources ?? {})) {
      if (!fetch) throw errors.kernelModuleSource(m.name, pkg);
      vars.push(`${v}=${await fetch(pkg)}`);
    }
  }
  return vars;
}

/** rootfs's tree, then each --file at its guest path (parents made). */
export function initrdOf(rootfs: string | undefined, files: ImageFile[]): Buffer {
  const entries: CpioEntry[] = rootfs && existsSync(rootfs) ? entriesOf(rootfs) : [];
  const have = new Set(entries.map((e) => e.name));
  for (const f of files) {
    const name = f.guest.replace(/^\/+/, "");
    entries.push(...parentsOf(name, have));
    const st = statSync(f.host);
    if (st.isDirectory()) {
      if (!have.has(name)) entries.push({ name, mode: 0o040755 });
      entries.push(...entriesOf(f.host, name));
    } else entries.push({ name, mode: 0o100000 | (st.mode & 0o7777), data: readFileSync(f.host) });
  }
  return writeCpio(entries);
}

/**
 * One kernel build per (source folder, modules, shims, Makefile), kept under
 * the cache and shared by every image that needs the same kernel; make
 * rebuilds what changed in the sources (it does not track its own flags,
 * hence the Makefile in the key). The folder is in the key because the
 * dependency files name absolute paths: a moved or second checkout must not
 * reuse them.
 */
function kernelBuildDir(kdir: string, modules: string[], shims: string, makefile: Buffer): string {
  const key = createHash("sha256").update(`${kdir}\n${[...modules].sort().join(" ")}\n${shims}\n`).update(makefile).digest("hex").slice(0, 16);
  return cacheDir("kernel", key);
}

/** make under an exclusive lock on the kernel build folder (builds run in parallel). */
function make(kdir: string, args: string[], logFile: string, lock: string): Promise<number> {
  appendFileSync(logFile, `\n$ make -C ${kdir} ${args.map((a) => (/\s/.test(a) ? `'${a}'` : a)).join(" ")}\n`);
  const fd = openSync(logFile, "a");
  return new Promise((resolve) => {
    const child = spawn("flock", [lock, "make", "-C", kdir, ...args], { stdio: ["ignore", fd, fd] });
    child.on("error", () => {
      closeSync(fd);
      resolve(127);
    });
    child.on("close", (code) => {
      closeSync(fd);
      resolve(code ?? 1);
    });
  });
}

/** "undefined reference to `fork'" lines, named in one message. */
async function undefinedSymbols(logFile: string): Promise<string> {
  const text = await readFile(logFile, "latin1");
  const names = [...new Set([...text.matchAll(/undefined reference to [`'](\w+)'/g)].map((m) => m[1]!))];
  return names.length ? `undefined: ${names.slice(0, 6).join(", ")}${names.length > 6 ? ", ..." : ""}` : "";
}
