/**
 * The parse stage: tree-sitter over a tree's C and C++ files, in parallel,
 * with a per-file timeout. See types.ts for what it returns.
 */
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { langOf } from "./languages.js";
import { parseFile, type FileOutcome } from "./parse-file.js";
import { runPool } from "./pool.js";
import type { ParseOptions, ParseResult, ParsedFile } from "./types.js";
import type { Task } from "./worker.js";
import type { Skipped } from "../report/types.js";

export type { ForkSite, FunctionSpan, Occurrence, OccurrenceKind, ParseOptions, ParseResult, ParsedFile } from "./types.js";
export { sourceExtensions, langOf } from "./languages.js";
export { parseFunctions, type FunctionCut } from "./functions.js";

export const defaultTimeoutMs = 5000;

/** Parses files (relative to root). Files tree-sitter cannot take are listed in `skipped`. */
const IN_PROCESS_MAX = 64;

export async function parseFiles(root: string, files: string[], opts: ParseOptions = {}): Promise<ParseResult> {
  const timeoutMs = opts.timeoutMs ?? defaultTimeoutMs;
  const tasks: Array<Task & { size: number }> = [];
  const skipped: Skipped[] = [];
  for (const rel of files) {
    const lang = langOf(rel);
    if (!lang) continue;
    const abs = join(root, rel);
    let size: number;
    try {
      size = statSync(abs).size;
    } catch (e) {
      skipped.push({ file: rel, reason: `unreadable: ${(e as Error).message}` });
      continue;
    }
    tasks.push({ id: tasks.length, abs, rel, lang, timeoutMs, forkNames: opts.forkNames ? new Set(opts.forkNames) : undefined, size });
  }
  tasks.sort((a, b) => b.size - a.size);
  const jobs = Math.max(1, Math.min(opts.jobs ?? availableParallelism(), tasks.length));

  let outcomes: Map<number, FileOutcome>;
  // A small tree parses in this thread (no worker to start); a large one on
  // a worker even alone: the parser's trees live outside V8's heap, so a
  // long run in one thread grows by gigabytes before V8 collects them
  // (mariadb: 3 GB here, 0.5 GB on a worker).
  if (jobs === 1 && tasks.length <= IN_PROCESS_MAX) {
    outcomes = new Map();
    for (const t of tasks) {
      try {
        outcomes.set(t.id, parseFile(t.abs, t.rel, t.lang, timeoutMs, { keep: opts.keep, forkNames: t.forkNames }));
      } catch (e) {
        if ((e as Error).message.startsWith("query ")) throw e;
        outcomes.set(t.id, { skipped: `parser error: ${(e as Error).message}` });
      }
    }
  } else {
    // Parsing has tree-sitter's timeout; the watchdog also bounds the queries over a huge tree.
    outcomes = await runPool(tasks.map(({ size: _size, ...t }) => t), jobs, opts.keep, 2 * timeoutMs + 2000);
  }

  const parsed: ParsedFile[] = [];
  for (const t of tasks) {
    const o = outcomes.get(t.id);
    if (!o) continue;
    if ("parsed" in o) parsed.push(o.parsed);
    else skipped.push({ file: t.rel, reason: o.skipped });
  }
  parsed.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  skipped.sort((a, b) => (a.file < b.file ? -1 : 1));
  return { files: parsed, skipped };
}
