/**
 * Reads the musl tree into per-file units: conditionals decided for x86_64,
 * the macros each file sees, and its function definitions (C via
 * tree-sitter, assembly via asm-parse).
 */
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parseAsm, type AsmFunction } from "./asm-parse.js";
import { collectMacros, MacroScope, tableOf, type MacroTable } from "./macros.js";
import { listMuslFiles } from "./musl-files.js";
import { parseCFile, type CFileFacts } from "./musl-parse.js";
import type { SysAliases, SyscallNames } from "./syscall-names.js";

export interface CUnit {
  kind: "c";
  path: string;
  dir: string;
  /** conditionals decided, comments kept */
  text: string;
  scope: MacroScope;
  facts: CFileFacts;
  /** the file's own `#define SYS_a SYS_b` */
  sysAliases: SysAliases;
}

export interface AsmUnit {
  kind: "asm";
  path: string;
  functions: AsmFunction[];
}

export interface HeaderUnit {
  path: string;
  dir: string;
  scope: MacroScope;
  facts: CFileFacts;
  sysAliases: SysAliases;
}

export interface MuslTree {
  units: Array<CUnit | AsmUnit>;
  /** headers with function definitions (static inline helpers) */
  headers: HeaderUnit[];
  /** headers with no function bodies to read (data tables such as gb18030.h) */
  skippedHeaders: string[];
  /** every SYS_x / __NR_x the sources and internal headers mention, live or not */
  mentioned: Set<string>;
}

/** Headers over this size are data tables, not code; tree-sitter is slow on them. */
const maxHeaderBytes = 64 * 1024;

export async function readMuslTree(muslDir: string, names: SyscallNames): Promise<MuslTree> {
  const files = await listMuslFiles(muslDir);
  const allHeaders = [...files.sharedHeaders, ...files.publicHeaders, ...[...files.localHeaders.values()].flat()];
  const texts = new Map<string, string>();
  const aliases = new Map<string, SysAliases>();
  const mentioned = new Set<string>();
  const internal = new Set([...files.sources, ...files.sharedHeaders]);
  await Promise.all(
    [...files.sources, ...allHeaders].map(async (p) => {
      const raw = await readFile(join(muslDir, p), "latin1");
      if (internal.has(p)) for (const m of raw.matchAll(/\b(?:SYS|__NR)_[a-z]\w*/g)) mentioned.add(m[0]);
      const decided = names.decide(raw);
      texts.set(p, decided.text);
      aliases.set(p, decided.aliases);
    }),
  );
  const macrosOf = (paths: string[]): MacroTable => tableOf(paths.flatMap((p) => collectMacros(texts.get(p) as string).defs));
  const shared = macrosOf(files.sharedHeaders);
  const publicTable = macrosOf(files.publicHeaders);
  const localTables = new Map([...files.localHeaders].map(([dir, hs]) => [dir, macrosOf(hs)] as const));
  const scopeFor = (dir: string, own: string): MacroScope => {
    const { defs, undefs } = collectMacros(own);
    return new MacroScope([tableOf(defs), localTables.get(dir) ?? new Map(), shared, publicTable], new Set(undefs), 3);
  };

  const headers: HeaderUnit[] = [];
  const skippedHeaders: string[] = [];
  const codeHeaders = [...files.sharedHeaders, ...[...files.localHeaders.values()].flat()];
  for (const path of codeHeaders) {
    const text = texts.get(path) as string;
    if (!/\)\s*\{/.test(text)) continue;
    if (text.length > maxHeaderBytes) { skippedHeaders.push(path); continue; }
    const dir = dirname(path);
    headers.push({ path, dir, scope: scopeFor(dir, text), facts: parseCFile(text), sysAliases: aliases.get(path) as SysAliases });
  }

  const units: Array<CUnit | AsmUnit> = files.sources.map((path) => {
    const text = texts.get(path) as string;
    if (!path.endsWith(".c")) return { kind: "asm", path, functions: parseAsm(text) };
    // an x86_64 replacement file sits one level below its directory
    const dir = dirname(path).replace(/\/x86_64$/, "");
    return { kind: "c", path, dir, text, scope: scopeFor(dir, text), facts: parseCFile(text), sysAliases: aliases.get(path) as SysAliases };
  });
  return { units, headers, skippedHeaders: skippedHeaders.sort(), mentioned };
}
