import { loadKernelTable } from "../../manifests/index.js";
import { loadSyscallMap } from "../../syscall-map/index.js";
import { bool } from "../args.js";
import type { Command } from "../command.js";

export const SYSCALLS_VERSION = 1;

export const syscalls: Command = {
  name: "syscalls",
  usage: "autoport syscalls [--json]",
  options: { json: { type: "boolean", help: "print JSON: {version, syscalls: [{name, nr, status, module}]}" } },
  async run(args) {
    const table = await loadKernelTable();
    const map = await loadSyscallMap();
    const rows = [...table.owner.entries()]
      .map(([name, o]) => ({ name, nr: map.linux.get(name) ?? -1, status: o.status, module: o.module }))
      .sort((a, b) => a.nr - b.nr);
    if (bool(args, "json")) {
      process.stdout.write(JSON.stringify({ version: SYSCALLS_VERSION, syscalls: rows }, null, 2) + "\n");
      return 0;
    }
    const by = (s: string) => rows.filter((r) => r.status === s).length;
    process.stdout.write(
      `kernel core: ${table.modules.length} modules, ${rows.length} syscalls (${by("implemented")} implemented, ${by("partial")} partial, ${by("fake")} fake, ${by("stub")} stub)\n`,
    );
    for (const r of rows) process.stdout.write(`${String(r.nr).padStart(4)}  ${r.name.padEnd(22)} ${r.status.padEnd(12)} ${r.module}\n`);
    return 0;
  },
};
