/**
 * The link layer: what the built objects import from libc (`nm -P -g` over
 * the .o and .a files the build produced; undefined symbols that no app
 * object defines, intersected with musl's exports). Exact for what was
 * compiled, so once it runs the syscall list is recomputed from the linked
 * functions alone. A function seen in the source and imported keeps its
 * sites and layer "source" with `linked: true`; one the source saw but no
 * object imports gets `linked: false` (another #if branch, or dead code);
 * an import the source missed becomes an entry with layer "link".
 */
import { execa } from "../execa.js";
import { errors } from "../errors.js";
import { loadKernelTable, type KernelTable } from "../manifests/index.js";
import type { LibcUse, ManualItem, Report } from "../report/types.js";
import { loadSyscallMap, type SyscallMap } from "../syscall-map/index.js";
import { manualOf, needsPorting, sortManual, threadsHint } from "./manual.js";
import { muslExports } from "./musl-exports.js";
import { coverageOf, syscallUses, syscallsOf } from "./reach.js";

export interface LayerOptions {
  syscallMap?: SyscallMap;
  kernel?: KernelTable;
}

/** libc names the objects import -> the first object importing each. */
export async function importsOf(objects: string[], exports: ReadonlySet<string>): Promise<Map<string, string>> {
  const undef = new Map<string, string>();
  const defined = new Set<string>();
  for (const obj of objects) {
    const r = await execa("nm", ["-P", "-g", obj], { reject: false });
    if (r.exitCode !== 0) {
      if ((r as { code?: string }).code === "ENOENT") throw errors.missingTool("nm", "binutils");
      throw new Error(`nm ${obj} failed: ${r.stderr.trim()}`);
    }
    for (const line of r.stdout.split("\n")) {
      const [name, type] = line.split(" ");
      if (!name || !type || name.endsWith(":")) continue; // archive member headers
      if (type === "U") {
        if (!undef.has(name)) undef.set(name, obj);
      } else defined.add(name);
    }
  }
  for (const name of [...undef.keys()]) if (defined.has(name) || !exports.has(name)) undef.delete(name);
  return undef;
}

export async function addLinkLayer(report: Report, objects: string[], opts: LayerOptions = {}): Promise<Report> {
  const [map, table] = await Promise.all([opts.syscallMap ?? loadSyscallMap(), opts.kernel ?? loadKernelTable()]);
  const imports = await importsOf(objects, await muslExports(map));
  const libc: LibcUse[] = report.libc.map((u) => ({
    ...u,
    linked: imports.has(u.name) || (u.equivalents ?? []).some((e) => imports.has(e)),
  }));
  const known = new Set(libc.map((u) => u.name));
  // the program decides: a source site whose symbol the program does not import
  // (a test file, a disabled feature) needs no porting
  const manual: ManualItem[] = report.manual.filter((m) => imports.has(m.symbol));
  const manualSeen = new Set(manual.map((m) => m.symbol));
  for (const [name, obj] of imports) {
    if (known.has(name)) continue;
    libc.push({ name, layer: "link", kinds: [], sites: [], linked: true, syscalls: syscallsOf(map, name).syscalls });
    const m = manualOf(name);
    if (m && !manualSeen.has(name) && needsPorting(m.kind, table)) {
      const hint = m.kind === "threads" ? threadsHint() : m.hint;
      manual.push({ symbol: name, kind: m.kind, pattern: m.kind === "fork" ? "other" : m.kind, file: obj, line: 0, hint: `${hint} (imported by ${obj}; no source site found)` });
    }
  }
  libc.sort((a, b) => (a.name < b.name ? -1 : 1));
  const syscalls = syscallUses(libc.filter((u) => u.linked), map, table, "link");
  return {
    ...report,
    layers: [...new Set([...report.layers, "link" as const])],
    libc,
    syscalls,
    manual: manual.sort(sortManual),
    coverage: coverageOf(syscalls),
  };
}
