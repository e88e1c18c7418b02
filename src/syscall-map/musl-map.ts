/**
 * Turns the call graph into syscall-map/musl-libc.json: for every function
 * libc.a exports, the syscalls it can reach; plus the startup set.
 */
import { CallGraph } from "./callgraph.js";
import type { LinuxTableFile } from "./linux-table.js";
import type { MuslMapFile } from "./musl-map-file.js";
import type { MuslSource } from "./musl-source.js";
import { readMuslTree } from "./musl-tree.js";
import { readSyscallNames } from "./syscall-names.js";

/** What every program runs: musl's entry (crt1's _start_c calls __libc_start_main) and exit paths. */
export const startupRoots = ["__libc_start_main", "__init_libc", "__init_tls", "__set_thread_area", "exit"];

export interface MuslMapResult {
  file: MuslMapFile;
  /** facts for the summary line and the README */
  stats: { reachable: number; none: number; weakAndStrong: number; anchors: string[]; skippedHeaders: string[] };
  graph: CallGraph;
}

export async function buildMuslMap(src: MuslSource, linux: LinuxTableFile, exports: string[], archive: string): Promise<MuslMapResult> {
  const linuxNames = new Set(linux.syscalls.map((s) => s.name));
  const byNr = new Map(linux.syscalls.map((s) => [s.nr, s.name] as const));
  const names = await readSyscallNames(src.dir, linuxNames);
  const tree = await readMuslTree(src.dir, names);
  const graph = CallGraph.build(tree, names, byNr, new Set(exports));

  const functions: Record<string, string[]> = {};
  const unresolved: string[] = [];
  const reachable = new Set<string>();
  let none = 0;
  for (const name of exports) {
    const defs = graph.globalDefinitions(name);
    if (defs.length === 0) { unresolved.push(name); continue; }
    const sys = [...graph.reach(defs)].sort();
    functions[name] = sys;
    sys.forEach((s) => reachable.add(s));
    if (sys.length === 0) none++;
  }
  const startup = [...graph.reach(startupRoots.flatMap((r) => graph.globalDefinitions(r)))].sort();
  startup.forEach((s) => reachable.add(s));
  const file: MuslMapFile = {
    version: 1,
    musl: src.version,
    source: `musl ${src.debianVersion}`,
    archive,
    exports,
    startup,
    functions,
    unresolved,
    dropped: [...new Set([...graph.dropped, ...[...tree.mentioned].filter((m) => !names.resolve(m)).map((m) => m.replace(/^(SYS|__NR)_/, ""))])].sort(),
  };
  return { file, stats: { reachable: reachable.size, none, weakAndStrong: graph.weakAndStrong.size, anchors: graph.anchors, skippedHeaders: tree.skippedHeaders }, graph };
}
