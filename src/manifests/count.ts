/**
 * Prints how many syscalls the kernel supports (implemented, partial or
 * fake, from the manifests), for the top README: `node dist/manifests/count.js`
 * prints the number; `--json` prints the count per status and module.
 */
import { pathToFileURL } from "node:url";
import { loadKernelTable, supportedSyscalls } from "./index.js";

export async function countSupported(): Promise<{ supported: number; byStatus: Record<string, number>; byModule: Record<string, number> }> {
  const table = await loadKernelTable();
  const byStatus: Record<string, number> = {}, byModule: Record<string, number> = {};
  for (const [, o] of table.owner) {
    byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
    byModule[o.module] = (byModule[o.module] ?? 0) + 1;
  }
  return { supported: supportedSyscalls(table).length, byStatus, byModule };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const c = await countSupported();
  process.stdout.write(process.argv.includes("--json") ? JSON.stringify(c, null, 1) + "\n" : `${c.supported}\n`);
}
