/**
 * The image layer: syscall numbers the linked image really issues. In
 * `objdump -d` output, a `syscall` instruction is preceded (within a few
 * instructions of the same function) by `mov $N,%eax` (or %rax, or %al as in
 * musl's clone.s); calls of musl's generic paths (`__syscall_cp`, `syscall`)
 * take N in %edi/%rdi. Numbers loaded from memory are not seen, so this is a
 * lower bound: syscalls found are marked layer "image", the rest keep theirs.
 */
import { execa } from "execa";
import { errors } from "../errors.js";
import { loadKernelTable, statusOf } from "../manifests/index.js";
import type { Report, SyscallUse } from "../report/types.js";
import { loadSyscallMap } from "../syscall-map/index.js";
import type { LayerOptions } from "./link.js";
import { coverageOf } from "./reach.js";

const lookBack = 12;
const movToRax = /\bmov[lq]?\s+\$0x([0-9a-f]+),%(?:eax|rax|al)\b/;
const movToRdi = /\bmov[lq]?\s+\$0x([0-9a-f]+),%(?:edi|rdi)\b/;
const genericCall = /\bcall\w*\s+[0-9a-f]+\s+<(?:__syscall_cp|__syscall_cp_c|syscall)>/;

/** Syscall numbers found in objdump -d text. */
export function syscallNumbers(disassembly: string): Set<number> {
  const found = new Set<number>();
  let recent: string[] = [];
  for (const line of disassembly.split("\n")) {
    if (/^[0-9a-f]+ <.*>:$/.test(line)) {
      recent = [];
      continue;
    }
    const insn = line.split("\t").slice(1).join("\t").trim() || line.trim();
    const want = /^syscall\b/.test(insn) ? movToRax : genericCall.test(insn) ? movToRdi : null;
    if (want) {
      for (let i = recent.length - 1; i >= Math.max(0, recent.length - lookBack); i--) {
        const m = want.exec(recent[i]);
        if (m) {
          found.add(parseInt(m[1], 16));
          break;
        }
      }
    }
    recent.push(insn);
    if (recent.length > lookBack) recent.shift();
  }
  return found;
}

export async function addImageLayer(report: Report, image: string, opts: LayerOptions = {}): Promise<Report> {
  const [map, table] = await Promise.all([opts.syscallMap ?? loadSyscallMap(), opts.kernel ?? loadKernelTable()]);
  const r = await execa("objdump", ["-d", "--no-show-raw-insn", image], { reject: false, maxBuffer: 1 << 30 });
  if (r.exitCode !== 0) {
    if ((r as { code?: string }).code === "ENOENT") throw errors.missingTool("objdump", "binutils");
    throw new Error(`objdump -d ${image} failed: ${r.stderr.trim()}`);
  }
  const numbers = syscallNumbers(r.stdout);
  const syscalls: SyscallUse[] = report.syscalls.map((s) => (numbers.has(s.nr) ? { ...s, layer: "image" as const } : s));
  const listed = new Set(syscalls.map((s) => s.nr));
  for (const nr of numbers) {
    const name = map.byNr.get(nr);
    if (!name || listed.has(nr)) continue;
    const module = table.owner.get(name)?.module;
    syscalls.push({ name, nr, status: statusOf(table, name), via: ["image"], layer: "image", ...(module ? { module } : {}) });
  }
  syscalls.sort((a, b) => a.nr - b.nr);
  return { ...report, layers: [...new Set([...report.layers, "image" as const])], syscalls, coverage: coverageOf(syscalls) };
}
