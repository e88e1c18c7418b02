/**
 * Fork sites -> ManualItems. A function that only hands the pid back
 * (redis's `redisFork`) is a wrapper: its callers are found (a text scan
 * for `name(`, then a second parse of just those files, up to three levels)
 * and their patterns decide the wrapper's.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FunctionCut } from "../parse/index.js";
import type { ForkSite, FunctionSpan, ParsedFile } from "../parse/types.js";
import type { ForkPattern, ManualItem } from "../report/types.js";
import { forkCalls, forkHints } from "./manual.js";

/** Parses the given functions again, classifying calls of forkNames. */
export type Reparse = (cuts: FunctionCut[], forkNames: Set<string>) => Promise<ParsedFile[]>;

interface Located extends ForkSite {
  file: string;
}

const maxWrapperDepth = 3;

export async function forkItems(root: string, first: ParsedFile[], reparse: Reparse): Promise<ManualItem[]> {
  const sites: Located[] = first.flatMap((f) => f.forks.map((k) => ({ ...k, file: f.file })));
  const callersOf = new Map<string, Located[]>();
  const seen = new Set<string>();
  let frontier = sites.filter((s) => s.pattern === "wrapper" && s.fn);
  for (let depth = 0; depth < maxWrapperDepth && frontier.length; depth++) {
    const names = new Set(frontier.map((s) => s.fn!).filter((n) => !seen.has(n) && /^\w+$/.test(n)));
    if (!names.size) break;
    for (const n of names) seen.add(n);
    const found: Located[] = (await reparse(callerCuts(root, first, names), names)).flatMap((f) =>
      f.forks.filter((k) => names.has(k.name)).map((k) => ({ ...k, file: f.file })),
    );
    for (const s of found) {
      const list = callersOf.get(s.name) ?? [];
      list.push(s);
      callersOf.set(s.name, list);
    }
    sites.push(...found);
    frontier = found.filter((s) => s.pattern === "wrapper" && s.fn);
  }

  const resolving = new Set<Located>();
  const resolve = (s: Located): { pattern: ForkPattern; evidence: string } => {
    if (s.pattern !== "wrapper") return { pattern: s.pattern, evidence: s.evidence };
    const callers = resolving.has(s) ? [] : (callersOf.get(s.fn!) ?? []);
    resolving.add(s);
    const verdicts = callers.map((c) => ({ c, v: resolve(c) }));
    resolving.delete(s);
    const counts = new Map<ForkPattern, number>();
    for (const { v } of verdicts) if (v.pattern !== "other") counts.set(v.pattern, (counts.get(v.pattern) ?? 0) + 1);
    const pattern = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "other";
    const listed = verdicts.slice(0, 3).map(({ c, v }) => `${c.fn ?? "?"} (${c.file}:${c.line}) ${v.pattern}`);
    const more = verdicts.length > 3 ? `, ${verdicts.length - 3} more` : "";
    const evidence = callers.length
      ? `${s.fn} wraps fork and returns the pid; its callers: ${listed.join(", ")}${more}`
      : `${s.fn} wraps fork and returns the pid; no caller in the tree`;
    return { pattern, evidence };
  };

  return sites.map((s) => {
    const { pattern, evidence } = resolve(s);
    return {
      symbol: s.name,
      kind: "fork" as const,
      pattern,
      file: s.file,
      line: s.line,
      ...(s.fn ? { function: s.fn } : {}),
      hint: `${forkHints[pattern]} (${forkCalls.includes(s.name) ? "" : `${s.name} is a fork wrapper; `}${evidence})`,
    };
  });
}

/**
 * The functions whose text mentions `name(` for one of names. The first parse
 * knows only the functions around libc names: a mention outside them makes
 * the whole file the cut.
 */
function callerCuts(root: string, files: ParsedFile[], names: Set<string>): FunctionCut[] {
  const mention = new RegExp(`\\b(?:${[...names].join("|")})\\s*\\(`, "g");
  const cuts: FunctionCut[] = [];
  for (const f of files) {
    const text = readFileSync(join(root, f.file), "latin1");
    const spans = new Set<FunctionSpan>();
    let whole = false;
    for (const m of text.matchAll(mention)) {
      let best: FunctionSpan | undefined;
      for (const s of f.functions) if (s[0] <= m.index && m.index < s[1] && (!best || s[1] - s[0] < best[1] - best[0])) best = s;
      if (best) spans.add(best);
      else whole = true;
    }
    if (whole) cuts.push({ file: f.file, lang: f.lang, spans: [[0, text.length, 0, 0]] });
    else if (spans.size) cuts.push({ file: f.file, lang: f.lang, spans: [...spans] });
  }
  return cuts;
}
