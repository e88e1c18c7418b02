/**
 * Per-file facts of one x86_64 assembly file (musl's src/<dir>/x86_64/*.s):
 * each named label is a function running to the next one (falling through
 * when its last instruction does not leave), with the syscall numbers it
 * issues (`mov $56,%al; syscall`) and the symbols it calls or jumps to.
 */

export interface AsmFunction {
  name: string;
  isGlobal: boolean;
  line: number;
  /** syscall numbers loaded into %eax/%rax/%al before a `syscall` */
  syscalls: number[];
  /** call/jmp targets and the next label when execution falls through */
  targets: string[];
}

const eaxWriters = /^(?:mov[lqbw]?|xor[lqbw]?|lea[lq]?|pop[lq]?|add[lqbw]?|sub[lqbw]?|and[lqbw]?|or[lqbw]?)\s+.*%(?:e?ax|rax|al|ah)\s*$/;

export function parseAsm(text: string): AsmFunction[] {
  const globals = new Set<string>();
  const out: AsmFunction[] = [];
  let current: AsmFunction | undefined;
  let eax: number | undefined;
  let lastLeaves = false;
  const lines = text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, " ")).split("\n");
  lines.forEach((raw, i) => {
    const line = raw.replace(/#.*$/, "").trim();
    if (!line) return;
    const g = /^\.(?:global|globl|weak)\s+([\w.$]+)/.exec(line);
    if (g) { globals.add(g[1]); return; }
    if (line.startsWith(".")) return; // other directives
    const label = /^([A-Za-z_][\w.$]*):\s*(.*)$/.exec(line);
    let insn = line;
    if (label) {
      if (current && !lastLeaves) current.targets.push(label[1]);
      current = { name: label[1], isGlobal: false, line: i + 1, syscalls: [], targets: [] };
      out.push(current);
      eax = undefined;
      lastLeaves = false;
      insn = label[2].trim();
      if (!insn) return;
    }
    const local = /^\d+:\s*(.*)$/.exec(insn);
    if (local) { eax = undefined; insn = local[1].trim(); if (!insn) return; }
    if (!current) return;
    const mov = /^mov[lqbw]?\s+\$(0x[0-9a-fA-F]+|\d+)\s*,\s*%(eax|rax|al|ax)$/.exec(insn);
    if (mov) eax = Number(mov[1]);
    else if (/^xor[lq]?\s+%(e|r)ax\s*,\s*%(e|r)ax$/.test(insn)) eax = 0;
    else if (insn === "syscall") { if (eax !== undefined) current.syscalls.push(eax); eax = undefined; }
    else if (eaxWriters.test(insn) || /^call\b/.test(insn)) eax = undefined;
    const jump = /^(?:call|jmp|j[a-z]{1,3})\s+([A-Za-z_][\w.$]*)(?:@PLT)?$/.exec(insn);
    if (jump) current.targets.push(jump[1]);
    lastLeaves = /^(ret|jmp|hlt|ud2)\b/.test(insn);
  });
  for (const f of out) f.isGlobal = globals.has(f.name);
  return out;
}
