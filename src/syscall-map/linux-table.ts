/**
 * The x86_64 Linux syscall numbers, read from linux-libc-dev's
 * asm/unistd_64.h (`#define __NR_name nr` lines). This is the only list of
 * names that counts: a musl fallback naming a syscall absent here (mmap2,
 * socketcall, *_time64) cannot run on x86_64.
 */
import { readFile } from "node:fs/promises";

export const unistdHeader = "/usr/include/x86_64-linux-gnu/asm/unistd_64.h";

export interface LinuxSyscall {
  name: string;
  nr: number;
}

export interface LinuxTableFile {
  version: 1;
  source: string;
  syscalls: LinuxSyscall[];
}

export function parseUnistd(text: string): LinuxSyscall[] {
  const out: LinuxSyscall[] = [];
  for (const m of text.matchAll(/^#define\s+__NR_(\w+)\s+(\d+)\s*$/gm)) out.push({ name: m[1], nr: Number(m[2]) });
  return out.sort((a, b) => a.nr - b.nr || (a.name < b.name ? -1 : 1));
}

export async function readLinuxTable(header = unistdHeader): Promise<LinuxTableFile> {
  const syscalls = parseUnistd(await readFile(header, "latin1"));
  if (syscalls.length === 0) throw new Error(`${header} defines no __NR_ numbers`);
  return { version: 1, source: header, syscalls };
}
