/**
 * Which grammar parses which file. C++ uses tree-sitter-cpp@0.23.4, whose
 * peer range names tree-sitter ^0.21 but which loads fine on 0.22.4 (ABI 14);
 * if it ever fails to load, C++ files are skipped with the loader's reason.
 */
import { createRequire } from "node:module";
import { extname } from "node:path";
import type { Lang } from "./types.js";

const require = createRequire(import.meta.url);

const byExtension: Record<string, Lang> = {
  ".c": "c",
  ".h": "c",
  ".cc": "cpp",
  ".cpp": "cpp",
  ".cxx": "cpp",
  ".hh": "cpp",
  ".hpp": "cpp",
  ".hxx": "cpp",
};

export const sourceExtensions = Object.keys(byExtension).map((e) => e.slice(1));

export function langOf(file: string): Lang | undefined {
  return byExtension[extname(file).toLowerCase()];
}

// tree-sitter's typings are loose; a grammar is an opaque object to us.
export type Grammar = object;

const grammars = new Map<Lang, Grammar | Error>();

/** The grammar for lang, or the Error that stopped it from loading. */
export function grammarOf(lang: Lang): Grammar | Error {
  let g = grammars.get(lang);
  if (!g) {
    try {
      const loaded = require(lang === "c" ? "tree-sitter-c" : "tree-sitter-cpp") as Grammar;
      const Parser = require("tree-sitter");
      new Parser().setLanguage(loaded); // fails here on an ABI mismatch
      g = loaded;
    } catch (e) {
      g = e instanceof Error ? e : new Error(String(e));
    }
    grammars.set(lang, g);
  }
  return g;
}
