/**
 * The libc → syscall map: which Linux syscalls each function of musl's libc.a
 * can reach, generated from musl's source into syscall-map/ (see its README).
 * The analysis reads it here; nothing else parses those files.
 */
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../manifests/index.js";
import { equivalents as equivalentTable } from "./equivalents.js";
import type { LinuxTableFile } from "./linux-table.js";
import type { MuslMapFile } from "./musl-map-file.js";

export interface SyscallMap {
  /** syscall name -> nr (x86_64) */
  linux: Map<string, number>;
  byNr: Map<number, string>;
  /** exported libc function -> syscall names it can reach (sorted) */
  functions: Map<string, string[]>;
  /** every function musl's libc.a exports */
  exports: Set<string>;
  /** syscalls of musl's startup and exit paths, which every app reaches */
  startup: string[];
  /** compiler rewrites: a function the source calls -> ones the object may call instead */
  equivalents: Map<string, string[]>;
  /** musl version the map came from ("" until musl-libc.json exists) */
  musl: string;
}

export const syscallMapDir = join(projectRoot, "syscall-map");
export const linuxFile = "linux-x86_64.json";
export const muslFile = "musl-libc.json";

let cached: Promise<SyscallMap> | undefined;

/** Reads syscall-map/*.json once; later calls share the result. */
export function loadSyscallMap(dir = syscallMapDir): Promise<SyscallMap> {
  if (dir !== syscallMapDir) return readMap(dir);
  cached ??= readMap(dir);
  return cached;
}

async function readMap(dir: string): Promise<SyscallMap> {
  const table = JSON.parse(await readFile(join(dir, linuxFile), "utf8")) as LinuxTableFile;
  const linux = new Map(table.syscalls.map((s) => [s.name, s.nr] as const));
  const byNr = new Map(table.syscalls.map((s) => [s.nr, s.name] as const));
  const muslPath = join(dir, muslFile);
  const musl: MuslMapFile | undefined = existsSync(muslPath) ? JSON.parse(await readFile(muslPath, "utf8")) : undefined;
  return {
    linux,
    byNr,
    functions: new Map(Object.entries(musl?.functions ?? {})),
    exports: new Set(musl?.exports ?? []),
    startup: musl?.startup ?? [],
    equivalents: new Map(equivalentTable.map(([k, v]) => [k, [...v]])),
    musl: musl?.musl ?? "",
  };
}
