/**
 * The tree-sitter queries, one file per language and question in
 * src/parse/queries/<lang>/<question>.scm. Compiled once and cached; a query
 * that does not compile throws (and fails the query tests). Extraction runs
 * them as one combined query: each query execution walks the whole tree, and
 * that walk costs about half as much as parsing, so five walks cost more than
 * the parse itself. Capture names are unique across questions for this.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { grammarOf } from "./languages.js";
import type { Lang } from "./types.js";

const require = createRequire(import.meta.url);
const Parser = require("tree-sitter");

export type Question = "calls" | "values" | "macros" | "scopes" | "declared";
export const questions: Question[] = ["calls", "values", "macros", "scopes", "declared"];

// From src/parse or dist/parse alike, the .scm files live under src/parse/queries.
export const queryDir = fileURLToPath(new URL("../../src/parse/queries/", import.meta.url));

// tree-sitter's Query has no useful typings in 0.22; we use captures() and matches().
export interface TsPoint {
  row: number;
  column: number;
}

export interface TsQuery {
  captures(node: unknown, range?: { startPosition: TsPoint; endPosition: TsPoint }): Array<{ name: string; node: any }>;
  matches(node: unknown): Array<{ pattern: number; captures: Array<{ name: string; node: any }> }>;
}

const cache = new Map<string, TsQuery>();

export function compileQuery(lang: Lang, key: string, text: string): TsQuery {
  const grammar = grammarOf(lang);
  if (grammar instanceof Error) throw grammar;
  try {
    return new Parser.Query(grammar, text) as TsQuery;
  } catch (e) {
    throw new Error(`query ${key} does not compile: ${(e as Error).message}`);
  }
}

/** Every question's patterns in one query, for a single walk per file. */
export function combinedQuery(lang: Lang): TsQuery {
  const key = `${lang}/*`;
  let q = cache.get(key);
  if (!q) {
    q = compileQuery(lang, `${lang}/*.scm`, questions.map((k) => queryText(lang, k)).join("\n"));
    cache.set(key, q);
  }
  return q;
}

export function queryText(lang: Lang, question: Question): string {
  return readFileSync(`${queryDir}${lang}/${question}.scm`, "utf8");
}

export function getQuery(lang: Lang, question: Question): TsQuery {
  const key = `${lang}/${question}`;
  let q = cache.get(key);
  if (!q) {
    q = compileQuery(lang, `${key}.scm`, queryText(lang, question));
    cache.set(key, q);
  }
  return q;
}
