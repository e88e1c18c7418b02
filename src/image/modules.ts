/** Which kernel modules an image carries: the owners of every syscall the app may reach, closed over requires. */
import { selectModules, type KernelTable } from "../manifests/index.js";
import type { Report } from "../report/types.js";

export function pickModules(report: Report, table: KernelTable, extra: string[] = []): string[] {
  const owners = new Set<string>(extra);
  for (const s of report.syscalls) {
    const owner = table.owner.get(s.name);
    if (owner && owner.status !== "stub") owners.add(owner.module);
  }
  return selectModules(table, [...owners].sort());
}
