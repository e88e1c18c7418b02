/**
 * The source files that make up libc.a, chosen the way musl's Makefile does:
 * every src/<dir>/*.c plus src/malloc/mallocng/*.c, where a file in
 * src/<dir>/x86_64/ (C or assembly) replaces the generic file of the same
 * base name. The top-level ldso/ (the dynamic linker) and crt/ are not part
 * of libc.a; src/ldso/ (dlopen, dladdr...) is.
 */
import fg from "fast-glob";
import { basename, dirname, extname } from "node:path";

export interface MuslFiles {
  /** paths relative to the musl tree, sorted */
  sources: string[];
  /** headers whose macros and static inline functions every file may see */
  sharedHeaders: string[];
  /** public headers: their macros count in bodies (assert, errno), not as renames */
  publicHeaders: string[];
  /** per source directory, the headers next to its files (mallocng's glue.h, meta.h) */
  localHeaders: Map<string, string[]>;
}

const stem = (p: string) => basename(p, extname(p));

export async function listMuslFiles(muslDir: string): Promise<MuslFiles> {
  const opts = { cwd: muslDir };
  const base = await fg(["src/*/*.c", "src/malloc/mallocng/*.c"], opts);
  const arch = await fg(["src/*/x86_64/*.{c,s,S}", "src/malloc/mallocng/x86_64/*.{c,s,S}"], opts);
  const replaced = new Set(arch.map((p) => `${dirname(dirname(p))}/${stem(p)}`));
  // Debian's build copies musl-fts into src/fts/ (debian/rules: copy_fts)
  const debian = await fg(["debian/musl-fts/*.c"], opts);
  const sources = [...base.filter((p) => !replaced.has(`${dirname(p)}/${stem(p)}`)), ...arch, ...debian].sort();
  const sharedHeaders = (await fg(["src/internal/*.h", "src/include/*.h", "src/include/*/*.h", "arch/x86_64/*.h", "arch/generic/*.h"], opts)).sort();
  const publicHeaders = (await fg(["include/*.h", "include/*/*.h", "arch/x86_64/bits/*.h", "arch/generic/bits/*.h", "debian/musl-fts/fts.h"], opts)).sort();
  const localHeaders = new Map<string, string[]>();
  for (const h of (await fg(["src/*/*.h", "src/malloc/mallocng/*.h", "debian/musl-fts/config.h"], opts)).sort()) {
    if (h.startsWith("src/internal/") || h.startsWith("src/include/")) continue;
    const dir = dirname(h);
    localHeaders.set(dir, [...(localHeaders.get(dir) ?? []), h]);
  }
  return { sources, sharedHeaders, publicHeaders, localHeaders };
}
