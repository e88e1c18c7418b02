/**
 * From libc functions to syscalls: what each function can reach (syscall-map),
 * plus musl's startup and exit paths, with the kernel's status for each.
 */
import { statusOf, type KernelTable } from "../manifests/index.js";
import type { Coverage, Layer, LibcUse, SyscallStatus, SyscallUse } from "../report/types.js";
import type { SyscallMap } from "../syscall-map/index.js";

/** Supported means it does what the app asked (possibly in part, or faked); a stub's ENOSYS does not count. */
export const supportedStatuses: ReadonlySet<SyscallStatus> = new Set(["implemented", "partial", "fake"]);

/** How many libc functions a syscall lists in `via` (besides "startup"). */
export const viaLimit = 8;

/** The syscalls fn reaches, including those of the functions the compiler may substitute. */
export function syscallsOf(map: SyscallMap, fn: string): { syscalls: string[]; equivalents: string[] } {
  const equivalents = (map.equivalents.get(fn) ?? []).filter((e) => map.exports.size === 0 || map.exports.has(e));
  const all = new Set(map.functions.get(fn) ?? []);
  for (const e of equivalents) for (const s of map.functions.get(e) ?? []) all.add(s);
  return { syscalls: [...all].sort(), equivalents };
}

/** The syscall list of a set of libc functions, all attributed to layer. */
export function syscallUses(libc: LibcUse[], map: SyscallMap, table: KernelTable, layer: Layer): SyscallUse[] {
  const via = new Map<string, Set<string>>();
  const add = (sys: string, by: string) => {
    let s = via.get(sys);
    if (!s) via.set(sys, (s = new Set()));
    s.add(by);
  };
  for (const sys of map.startup) add(sys, "startup");
  for (const fn of libc) for (const sys of fn.syscalls) add(sys, fn.name);
  const out: SyscallUse[] = [];
  for (const [name, by] of via) {
    const nr = map.linux.get(name);
    if (nr === undefined) continue; // a musl fallback for other architectures
    const names = [...by].filter((b) => b !== "startup").sort();
    const module = table.owner.get(name)?.module;
    out.push({
      name,
      nr,
      status: statusOf(table, name),
      via: [...(by.has("startup") ? ["startup"] : []), ...names.slice(0, viaLimit)],
      layer,
      ...(module ? { module } : {}),
    });
  }
  return out.sort((a, b) => a.nr - b.nr);
}

export function coverageOf(syscalls: SyscallUse[]): Coverage {
  const required = syscalls.length;
  const supported = syscalls.filter((s) => supportedStatuses.has(s.status)).length;
  return { required, supported, ratio: required ? Math.round((supported / required) * 1000) / 1000 : 1 };
}
