/**
 * Regenerates syscall-map/: `node dist/syscall-map/generate.js [--out DIR]`.
 * linux-x86_64.json comes from the system header; musl-libc.json from
 * Debian's musl source (fetched into the cache when missing).
 */
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { readLinuxTable } from "./linux-table.js";
import { writeJson } from "./write-json.js";
import { syscallMapDir, linuxFile, muslFile } from "./index.js";
import { readExports } from "./exports.js";
import { buildMuslMap, startupRoots } from "./musl-map.js";
import { locateMuslSource, muslArchive } from "./musl-source.js";

interface Args {
  out: string;
  /** explain instead of writing: [function, syscall] */
  why?: [string, string];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { out: syscallMapDir };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out" && argv[i + 1]) args.out = resolve(argv[++i]);
    else if (argv[i] === "--why" && argv[i + 2]) args.why = [argv[++i], argv[++i]];
    else throw new Error(`usage: gen-syscall-map [--out DIR] [--why FUNCTION SYSCALL] (got ${argv[i]})`);
  }
  return args;
}

/** Prints the chain of musl definitions by which fn reaches syscall. */
export async function explain(fn: string, syscall: string): Promise<void> {
  const src = await locateMuslSource();
  const { graph } = await buildMuslMap(src, await readLinuxTable(), await readExports(muslArchive), muslArchive);
  const roots = fn === "startup" ? startupRoots.flatMap((r) => graph.globalDefinitions(r)) : graph.globalDefinitions(fn);
  const chain = graph.pathTo(roots, syscall);
  console.log(chain ? chain.join("\n  -> ") : `${fn} does not reach ${syscall}`);
}

export async function generate(out: string): Promise<void> {
  const table = await readLinuxTable();
  await writeJson(join(out, linuxFile), table);
  console.log(`${linuxFile}: ${table.syscalls.length} syscalls from ${table.source}`);

  const started = performance.now();
  const src = await locateMuslSource();
  const exports = await readExports(muslArchive);
  const { file, stats } = await buildMuslMap(src, table, exports, muslArchive);
  await writeJson(join(out, muslFile), file);
  const resolved = exports.length - file.unresolved.length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${muslFile}: musl ${file.musl}, ${exports.length} exports, ${resolved} resolved, ${stats.reachable} syscalls reachable, ` +
      `${stats.none} functions with none, ${file.startup.length} at startup, ${seconds} s`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = parseArgs(process.argv.slice(2));
  if (args.why) await explain(...args.why);
  else await generate(args.out);
}
