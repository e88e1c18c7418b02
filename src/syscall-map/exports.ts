/**
 * The functions libc.a really exports: global text symbols (`nm` types T, W,
 * i) minus those with hidden visibility, which are musl's internals
 * (`__stdio_write`) that no application links against.
 */
import { execa } from "../execa.js";
import { errors } from "../errors.js";

async function run(tool: string, args: string[]): Promise<string> {
  try {
    return (await execa(tool, args, { maxBuffer: 256 * 1024 * 1024, reject: true })).stdout;
  } catch (e) {
    if ((e as { code?: string }).code === "ENOENT") throw errors.missingTool(tool, "binutils");
    // nm/readelf complain about empty members but still print the rest
    const out = (e as { stdout?: string }).stdout;
    if (typeof out === "string" && out.length > 0) return out;
    throw e;
  }
}

export async function readExports(archive: string): Promise<string[]> {
  const nm = await run("nm", ["--defined-only", "-g", archive]);
  const text = new Set<string>();
  for (const m of nm.matchAll(/^[0-9a-fA-F]*\s+([TWi])\s+(\S+)$/gm)) text.add(m[2]);
  const elf = await run("readelf", ["-Ws", "--wide", archive]);
  const hidden = new Set<string>();
  // Num: Value Size Type Bind Vis Ndx Name
  for (const m of elf.matchAll(/^\s*\d+:\s+\S+\s+\d+\s+\S+\s+(?:GLOBAL|WEAK)\s+HIDDEN\s+(\S+)\s+(\S+)$/gm)) if (m[1] !== "UND") hidden.add(m[2]);
  return [...text].filter((n) => !hidden.has(n)).sort();
}
