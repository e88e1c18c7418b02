/**
 * The kernel's module manifests (kernel/lib/<module>/module.json) are the one
 * source of which syscalls the kernel core supports. Everything else (the
 * analysis, `autoport syscalls`, the generated syscall table) reads them here.
 */
import { readFile, readdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SyscallStatus } from "../report/types.js";

export type ProvidedStatus = Exclude<SyscallStatus, "missing">;

export interface ModuleManifest {
  name: string;
  summary: string;
  requires: string[];
  syscalls: Record<string, ProvidedStatus>;
  sources: string[];
  /** optional: why a syscall is fake/stub/partial, one line each */
  notes?: Record<string, string>;
  /** optional: always in the image (boot and musl's start need it) */
  core?: boolean;
  /** optional: C function `void NAME(void)` the kernel calls at boot, in requires order */
  init?: string;
  /**
   * optional: make variable -> Debian source package whose unpacked tree the
   * module compiles from (`{"LWIP_DIR": "lwip"}`); the image stage fetches it
   * through the source stage's cache and passes VAR=tree to make.
   */
  debianSources?: Record<string, string>;
}

export interface KernelTable {
  modules: ModuleManifest[];
  /** syscall name -> its status and owner module */
  owner: Map<string, { status: ProvidedStatus; module: string }>;
}

/** The repository root (two levels above dist/manifests or src/manifests). */
export const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
export const kernelLibDir = join(projectRoot, "kernel", "lib");

export async function loadManifests(libDir = kernelLibDir): Promise<ModuleManifest[]> {
  if (!existsSync(libDir)) return [];
  const names = (await readdir(libDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const out: ModuleManifest[] = [];
  for (const name of names) {
    const file = join(libDir, name, "module.json");
    if (!existsSync(file)) continue;
    const m = JSON.parse(await readFile(file, "utf8")) as Partial<ModuleManifest>;
    out.push({ name, summary: "", requires: [], syscalls: {}, sources: [], ...m });
  }
  return out;
}

/** Builds the owner map; a syscall claimed by two modules is an error. */
export function tableOf(modules: ModuleManifest[]): KernelTable {
  const owner = new Map<string, { status: ProvidedStatus; module: string }>();
  for (const m of modules) {
    for (const [sys, status] of Object.entries(m.syscalls)) {
      const prev = owner.get(sys);
      if (prev) throw new Error(`syscall ${sys} is claimed by both ${prev.module} and ${m.name}`);
      owner.set(sys, { status, module: m.name });
    }
  }
  return { modules, owner };
}

export async function loadKernelTable(libDir = kernelLibDir): Promise<KernelTable> {
  return tableOf(await loadManifests(libDir));
}

export function statusOf(table: KernelTable, syscall: string): SyscallStatus {
  return table.owner.get(syscall)?.status ?? "missing";
}

/** The named modules plus everything they require, in dependency order. */
export function closeOverRequires(table: KernelTable, names: Iterable<string>): string[] {
  const byName = new Map(table.modules.map((m) => [m.name, m]));
  const out: string[] = [];
  const visit = (n: string, trail: string[]) => {
    if (out.includes(n)) return;
    const m = byName.get(n);
    if (!m) throw new Error(`unknown kernel module ${n}${trail.length ? ` (required by ${trail.at(-1)})` : ""}`);
    if (trail.includes(n)) throw new Error(`kernel modules require each other in a cycle: ${[...trail, n].join(" -> ")}`);
    for (const r of m.requires) visit(r, [...trail, n]);
    out.push(n);
  };
  for (const n of names) visit(n, []);
  return out;
}

/** The modules an image carries: every core module plus `names`, closed over requires. */
export function selectModules(table: KernelTable, names: Iterable<string>): string[] {
  const core = table.modules.filter((m) => m.core).map((m) => m.name);
  return closeOverRequires(table, [...core, ...names]);
}

/** Syscalls the kernel answers with something other than ENOSYS (implemented, partial, fake). */
export function supportedSyscalls(table: KernelTable): string[] {
  return [...table.owner].filter(([, o]) => o.status !== "stub").map(([name]) => name).sort();
}
