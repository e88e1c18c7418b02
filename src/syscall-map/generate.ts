/**
 * Regenerates syscall-map/: `node dist/syscall-map/generate.js [--out DIR]`.
 * linux-x86_64.json comes from the system header; musl-libc.json from
 * Debian's musl source (fetched into the cache when missing).
 */
import { join, resolve } from "node:path";
import { readLinuxTable } from "./linux-table.js";
import { writeJson } from "./write-json.js";
import { syscallMapDir, linuxFile } from "./index.js";

function parseArgs(argv: string[]): { out: string } {
  let out = syscallMapDir;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out" && argv[i + 1]) out = resolve(argv[++i]);
    else throw new Error(`usage: gen-syscall-map [--out DIR] (got ${argv[i]})`);
  }
  return { out };
}

export async function generate(out: string): Promise<void> {
  const table = await readLinuxTable();
  await writeJson(join(out, linuxFile), table);
  console.log(`${linuxFile}: ${table.syscalls.length} syscalls from ${table.source}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await generate(parseArgs(process.argv.slice(2)).out);
}
