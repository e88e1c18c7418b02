/** Groups the parser's occurrences of libc names into the report's LibcUse entries. */
import type { ParsedFile } from "../parse/types.js";
import type { LibcUse, Site } from "../report/types.js";
import type { SyscallMap } from "../syscall-map/index.js";
import { headerMacros } from "./header-macros.js";
import { syscallsOf } from "./reach.js";

/** Sites kept per function; `siteCount` has the full number. */
export const siteLimit = 50;

export function libcUses(files: ParsedFile[], exports: ReadonlySet<string>, map: SyscallMap): LibcUse[] {
  const byName = new Map<string, { kinds: Set<LibcUse["kinds"][number]>; sites: Site[] }>();
  for (const f of files) {
    for (const o of f.occurrences) {
      // `errno` is musl's macro over __errno_location(): a use of that function, through a macro
      const viaHeader = headerMacros.get(o.name)?.filter((n) => exports.has(n));
      for (const name of viaHeader?.length ? viaHeader : [o.name]) {
        if (!exports.has(name)) continue;
        let e = byName.get(name);
        if (!e) byName.set(name, (e = { kinds: new Set(), sites: [] }));
        e.kinds.add(viaHeader?.length ? "macro" : o.kind);
        e.sites.push({ file: f.file, line: o.line, column: o.column, cond: o.cond, ...(o.fn ? { function: o.fn } : {}) });
      }
    }
  }
  const out: LibcUse[] = [];
  for (const [name, e] of byName) {
    const { syscalls, equivalents } = syscallsOf(map, name);
    // files arrive sorted; sort sites within a file by position
    e.sites.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
    out.push({
      name,
      layer: "source",
      kinds: (["call", "value", "macro"] as const).filter((k) => e.kinds.has(k)),
      sites: e.sites.slice(0, siteLimit),
      siteCount: e.sites.length,
      ...(equivalents.length ? { equivalents } : {}),
      syscalls,
    });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}
