/**
 * What `SYS_x` means on x86_64 musl. musl's arch/x86_64/bits/syscall.h.in
 * defines the numbers; src/internal/syscall.h then renames some
 * (`SYS_pread` → `SYS_pread64`, `SYS_fstatat` → `SYS_newfstatat`) and adds
 * fallbacks for other architectures (`SYS_timer_settime32`) that x86_64
 * never reaches; a few files add their own (`#define SYS_mmap2 SYS_mmap` in
 * __init_tls.c). A name counts only when it ends at a real x86_64 syscall.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { evaluateConditionals } from "./preproc.js";

export type SysAliases = ReadonlyMap<string, string>;

export interface SyscallNames {
  /** Decides a file's SYS_ conditionals; also returns the file's own `#define SYS_a SYS_b` lines. */
  decide(text: string): { text: string; aliases: SysAliases };
  /** SYS_x or __NR_x → the Linux syscall name, or undefined when x86_64 has none */
  resolve(macro: string, local?: SysAliases): string | undefined;
}

const isSysName = (name: string) => name.startsWith("SYS_") || name.startsWith("__NR_");

/** Evaluates text's conditionals, following its #define/#undef of SYS_ names as it goes. */
function evaluate(text: string, defined: ReadonlySet<string>, alias: Map<string, string>, undefined_: Set<string>): string {
  const isDefined = (name: string): boolean | undefined =>
    isSysName(name) ? !undefined_.has(name) && (defined.has(name) || alias.has(name)) : undefined;
  return evaluateConditionals(text, isDefined, (directive) => {
    const def = /^#define (SYS_\w+)\s+(SYS_\w+|__NR_\w+)\s*$/.exec(directive);
    if (def) { alias.set(def[1], def[2]); undefined_.delete(def[1]); return; }
    const undef = /^#undef (SYS_\w+)\s*$/.exec(directive);
    if (undef) { alias.delete(undef[1]); undefined_.add(undef[1]); }
  });
}

export async function readSyscallNames(muslDir: string, linux: ReadonlySet<string>): Promise<SyscallNames> {
  const archText = await readFile(join(muslDir, "arch/x86_64/bits/syscall.h.in"), "latin1");
  const defined = new Set<string>();
  for (const m of archText.matchAll(/#define\s+__NR_(\w+)\s/g)) { defined.add(`__NR_${m[1]}`); defined.add(`SYS_${m[1]}`); }
  const globalAlias = new Map<string, string>();
  const globalUndef = new Set<string>();
  evaluate(await readFile(join(muslDir, "src/internal/syscall.h"), "latin1"), defined, globalAlias, globalUndef);

  const decide = (text: string) => {
    const alias = new Map(globalAlias);
    const out = evaluate(text, defined, alias, new Set(globalUndef));
    const own = new Map([...alias].filter(([k, v]) => globalAlias.get(k) !== v));
    return { text: out, aliases: own };
  };
  const resolve = (macro: string, local?: SysAliases): string | undefined => {
    let name = macro;
    for (let hops = 0; hops < 8; hops++) {
      const next = local?.get(name) ?? globalAlias.get(name);
      if (next === undefined || next === name) break;
      name = next;
    }
    if (!defined.has(name)) return undefined;
    const bare = name.replace(/^(SYS_|__NR_)/, "");
    return linux.has(bare) ? bare : undefined;
  };
  return { decide, resolve };
}
