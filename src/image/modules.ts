/** Which kernel modules an image carries: the owners of every syscall the app may reach, closed over requires. */
import { selectModules, type KernelTable } from "../manifests/index.js";
import type { Report, SyscallUse } from "../report/types.js";

/**
 * musl's __init_libc polls fds 0-2 and opens /dev/null only for a secure
 * (setuid) start. Our kernel's auxv says AT_SECURE=0 and uid == euid, so that
 * path never runs: syscalls reached from startup through it alone do not make
 * the image carry a file system.
 */
const SECURE_START_ONLY = new Set(["open", "poll"]);

const neverRuns = (s: SyscallUse) => SECURE_START_ONLY.has(s.name) && s.via.length === 1 && s.via[0] === "startup";

export function pickModules(report: Report, table: KernelTable, extra: string[] = []): string[] {
  const owners = new Set<string>(extra);
  const uses = new Set(report.libc.filter((u) => u.linked !== false).map((u) => u.name));
  const carried = (module: string) => {
    const wanted = table.modules.find((m) => m.name === module)?.carriedFor;
    return !wanted || wanted.some((f) => uses.has(f));
  };
  for (const s of report.syscalls) {
    if (neverRuns(s)) continue;
    const owner = table.owner.get(s.name);
    if (owner && owner.status !== "stub" && carried(owner.module)) owners.add(owner.module);
  }
  return selectModules(table, [...owners].sort());
}
