/**
 * The image layer: syscall numbers the linked image really issues. In
 * `objdump -d` output, a `syscall` instruction is preceded (within a few
 * instructions of the same function) by `mov $N,%eax` (or %rax, or %al as in
 * musl's clone.s, or `xor %eax,%eax` for read); calls and tail jumps to
 * musl's generic paths (`__syscall_cp`, `syscall`) take N in %edi/%rdi. Numbers loaded from memory are not seen, so this is a
 * lower bound: syscalls found are marked layer "image", the rest keep theirs.
 */
import { execa } from "../execa.js";
import { errors } from "../errors.js";
import { loadKernelTable, statusOf } from "../manifests/index.js";
import type { Report, SyscallUse } from "../report/types.js";
import { loadSyscallMap } from "../syscall-map/index.js";
import type { LayerOptions } from "./link.js";
import { coverageOf } from "./reach.js";

// Numbers hoisted out of loops sit in callee-saved registers far above the syscall.
const lookBack = 200;
const calleeSaved = new Set(["b", "bp", "r12", "r13", "r14", "r15"]);
const genericCall = /\b(?:call|jmp)\w*\s+[0-9a-f]+\s+<(?:__syscall_cp|__syscall_cp_c|syscall)>/;

/** A register's family: %eax, %rax, %ax and %al are all "a"; %r8d and %r8 are "r8". */
function family(reg: string): string {
  const r = reg.replace(/^%/, "");
  const m = /^r(\d+)[dwb]?$/.exec(r);
  if (m) return `r${m[1]}`;
  return r.replace(/^[er]/, "").replace(/[xlh]$/, "").replace(/^(si|di|bp|sp)l?$/, "$1") || r;
}

/**
 * Walks back from a syscall (or a call of a generic path) through the same
 * function for the immediate that reached the number register, following
 * register-to-register moves (`mov $0x3c,%edx ... mov %rdx,%rax`, or a
 * number hoisted into %r12 before a loop); any other write gives up, and so
 * does a call when the register is one a call clobbers.
 */
function numberBefore(recent: string[], register: string): number | undefined {
  let want = family(register);
  for (let i = recent.length - 1; i >= Math.max(0, recent.length - lookBack); i--) {
    const m = /^(\w+)\s+(.*)$/.exec(recent[i]);
    if (!m) continue;
    const [, op, args] = m;
    const operands = args.replace(/\s*#.*$/, "").split(",");
    const dest = operands[operands.length - 1]?.trim() ?? "";
    if (!dest.startsWith("%") || family(dest) !== want) {
      if (/^call/.test(op) && !calleeSaved.has(want)) return undefined;
      continue;
    }
    const src = operands[0].trim();
    if (/^mov/.test(op) && src.startsWith("$")) return Number(src.slice(1));
    if (op.startsWith("xor") && family(src) === want) return 0;
    if (/^mov/.test(op) && src.startsWith("%")) {
      want = family(src);
      continue;
    }
    return undefined;
  }
  return undefined;
}

/** Syscall numbers found in objdump -d text. */
export function syscallNumbers(disassembly: string): Set<number> {
  const found = new Set<number>();
  let recent: string[] = [];
  for (const line of disassembly.split("\n")) {
    if (/^[0-9a-f]+ <.*>:$/.test(line)) {
      recent = [];
      continue;
    }
    const insn = line.split("\t").slice(1).join("\t").trim();
    if (!insn) continue;
    const nr = /^syscall\b/.test(insn) ? numberBefore(recent, "%rax") : genericCall.test(insn) ? numberBefore(recent, "%rdi") : undefined;
    if (nr !== undefined) found.add(nr);
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
