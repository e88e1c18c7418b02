/**
 * musl's exported functions. syscall-map/musl-libc.json has them; until it
 * exists, read them from libc.a itself (`nm`: global T/W symbols), so the
 * source layer still knows what is libc (with no syscalls per function).
 */
import { execa } from "../execa.js";
import { errors } from "../errors.js";
import type { SyscallMap } from "../syscall-map/index.js";

export const muslLibc = "/usr/lib/x86_64-linux-musl/libc.a";

let fromArchive: Promise<Set<string>> | undefined;

export async function muslExports(map: SyscallMap): Promise<Set<string>> {
  if (map.exports.size) return map.exports;
  fromArchive ??= nmExports(muslLibc);
  return fromArchive;
}

async function nmExports(archive: string): Promise<Set<string>> {
  const r = await execa("nm", ["-g", "--defined-only", "-P", archive], { reject: false });
  if (r.exitCode !== 0) throw errors.missingTool(`musl's ${archive}`, "musl-dev");
  const out = new Set<string>();
  for (const line of r.stdout.split("\n")) {
    const [name, type] = line.split(" ");
    if (type === "T" || type === "W") out.add(name);
  }
  return out;
}
