import type { ForkPattern, Skipped } from "../report/types.js";

export type Lang = "c" | "cpp";
export type OccurrenceKind = "call" | "value" | "macro";

/** One identifier the parser saw, where it saw it. */
export interface Occurrence {
  name: string;
  kind: OccurrenceKind;
  line: number; // 1-based
  column: number; // 1-based
  /** the function whose body holds it, or null (top level, macro bodies) */
  fn: string | null;
  /** innermost #if/#ifdef/#ifndef/#elif condition, `!(cond)` inside #else; null at top level */
  cond: string | null;
}

/** A fork-type call (or a call of a fork wrapper) and what the code around it does. */
export interface ForkSite {
  name: string;
  line: number;
  column: number;
  fn: string | null;
  cond: string | null;
  /** "wrapper": the function returns the pid to its caller, so its callers decide */
  pattern: ForkPattern | "wrapper";
  /** the facts that decided the pattern, for the report's hint */
  evidence: string;
}

/** A function definition's place: [start offset, end offset, 0-based row, 0-based column]. */
export type FunctionSpan = [number, number, number, number];

export interface ParsedFile {
  file: string; // relative to the root
  lang: Lang;
  lines: number;
  occurrences: Occurrence[];
  forks: ForkSite[];
  /**
   * the function definitions around kept names (every one without a keep
   * filter), so one function can be parsed again alone (parseFunctions)
   */
  functions: FunctionSpan[];
}

export interface ParseOptions {
  /** worker threads; default os.availableParallelism(); 1 parses in this thread */
  jobs?: number;
  /** per-file limit; default 5000 ms */
  timeoutMs?: number;
  /** keep only these names (e.g. libc's exports); default: keep all */
  keep?: ReadonlySet<string>;
  /** callees whose sites are classified as forks (fork, vfork, a wrapper's name) */
  forkNames?: ReadonlySet<string>;
}

export interface ParseResult {
  files: ParsedFile[];
  skipped: Skipped[];
}
