/**
 * Parses single functions again, cut out of their files: how the analysis
 * classifies calls of a fork wrapper without parsing whole files twice
 * (sqlite3.c alone takes over a second). The cut is padded with the lines
 * and columns before it, so positions stay those of the file.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { extract, type ExtractOptions } from "./extract.js";
import { grammarOf } from "./languages.js";
import type { FunctionSpan, Lang, ParsedFile } from "./types.js";

const require = createRequire(import.meta.url);
const Parser = require("tree-sitter");

export interface FunctionCut {
  file: string;
  lang: Lang;
  spans: FunctionSpan[];
}

export function parseFunctions(root: string, cuts: FunctionCut[], opts: ExtractOptions & { timeoutMs?: number }): ParsedFile[] {
  const out: ParsedFile[] = [];
  const parser = new Parser();
  for (const cut of cuts) {
    const grammar = grammarOf(cut.lang);
    if (grammar instanceof Error) continue;
    parser.setLanguage(grammar);
    parser.setTimeoutMicros(Math.round((opts.timeoutMs ?? 5000) * 1000));
    const text = readFileSync(join(root, cut.file), "latin1");
    const parsed: ParsedFile = { file: cut.file, lang: cut.lang, lines: 0, occurrences: [], forks: [], functions: [] };
    for (const [start, end, row, column] of cut.spans) {
      const got = extract(parser, cut.lang, "\n".repeat(row) + " ".repeat(column) + text.slice(start, end), opts);
      if (!got) continue;
      parsed.occurrences.push(...got.occurrences);
      parsed.forks.push(...got.forks);
    }
    out.push(parsed);
  }
  return out;
}
