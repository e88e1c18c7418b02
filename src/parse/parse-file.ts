/** Reads, screens and parses one file: the unit of work of a parse worker. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { extract, type ExtractOptions } from "./extract.js";
import { grammarOf } from "./languages.js";
import { screen } from "./screen.js";
import type { Lang, ParsedFile } from "./types.js";

const require = createRequire(import.meta.url);
const Parser = require("tree-sitter");

export type FileOutcome = { parsed: ParsedFile } | { skipped: string };

const parsers = new Map<Lang, any>();

export function parseFile(abs: string, rel: string, lang: Lang, timeoutMs: number, opts: ExtractOptions): FileOutcome {
  const grammar = grammarOf(lang);
  if (grammar instanceof Error) return { skipped: `no ${lang} grammar: ${grammar.message}` };
  let parser = parsers.get(lang);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(grammar);
    parsers.set(lang, parser);
  }
  const bytes = readFileSync(abs);
  const why = screen(bytes);
  if (why) return { skipped: why };
  parser.setTimeoutMicros(Math.round(timeoutMs * 1000));
  // latin1: every byte is one character, so any file decodes and columns stay byte columns.
  const out = extract(parser, lang, bytes.toString("latin1"), opts);
  if (!out) {
    parser.reset();
    return { skipped: `parse took over ${timeoutMs} ms` };
  }
  return { parsed: { file: rel, lang, ...out } };
}
