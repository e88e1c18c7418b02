/**
 * One file's text -> the identifiers it uses (calls, values, macro bodies),
 * each with its line, column, function and #if condition, plus its fork sites.
 */
import { classifyFork, fnName } from "./fork-pattern.js";
import { innermost, oneLine, type Range } from "./enclosing.js";
import { getQuery } from "./queries.js";
import type { ForkSite, Lang, Occurrence, OccurrenceKind } from "./types.js";

type Node = any;

export interface ExtractOptions {
  keep?: ReadonlySet<string>;
  forkNames?: ReadonlySet<string>;
}

export interface Extracted {
  lines: number;
  occurrences: Occurrence[];
  forks: ForkSite[];
}

interface Raw {
  name: string;
  kind: OccurrenceKind;
  index: number;
  line: number; // 0-based row
  column: number; // 0-based
}

const scopeCaptures = new Set(["function", "if", "ifdef", "else"]);

// Qualified callees count only when they name the global or std namespace (`::open`, `std::memcpy`).
const qualifiedLibc = /^(?:::|std::)\s*([A-Za-z_]\w*)$/;

// Blank out strings, character constants and comments, keeping offsets.
const noise = /"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g;

/** Parses text (parser already set to lang); null when tree-sitter gave up (timeout). */
export function extract(parser: any, lang: Lang, text: string, opts: ExtractOptions = {}): Extracted | null {
  const tree = parser.parse(text);
  if (!tree) return null;
  const root = tree.rootNode;
  const { keep, forkNames } = opts;
  const wanted = (n: string) => !keep || keep.has(n) || (forkNames?.has(n) ?? false);
  const raws: Raw[] = [];
  const forkNodes: Node[] = [];
  const push = (name: string, kind: OccurrenceKind, node: Node) =>
    raws.push({ name, kind, index: node.startIndex, line: node.startPosition.row, column: node.startPosition.column });

  for (const { name: cap, node } of getQuery(lang, "calls").captures(root)) {
    let name: string = node.text;
    if (cap === "qualified") {
      const m = qualifiedLibc.exec(name);
      if (!m) continue;
      name = m[1];
    }
    if (!wanted(name)) continue;
    push(name, "call", node);
    if (forkNames?.has(name)) forkNodes.push(node);
  }

  const declared = new Set<string>();
  for (const { node } of getQuery(lang, "declared").captures(root)) declared.add(node.text);
  const seenValue = new Set<number>();
  for (const { name: cap, node } of getQuery(lang, "values").captures(root)) {
    let name: string = node.text;
    if (cap === "qualified") {
      const m = qualifiedLibc.exec(name);
      if (!m) continue;
      name = m[1];
    }
    if (declared.has(name) || !wanted(name) || seenValue.has(node.startIndex)) continue;
    seenValue.add(node.startIndex);
    push(name, "value", node);
  }

  for (const m of getQuery(lang, "macros").matches(root)) {
    const body = m.captures.find((c) => c.name === "body")?.node;
    if (!body) continue;
    const params = new Set<string>(
      (m.captures.find((c) => c.name === "params")?.node.text.match(/[A-Za-z_]\w*/g) ?? []) as string[],
    );
    const src: string = body.text.replace(noise, (s: string) => s.replace(/[^\n]/g, " "));
    for (const t of src.matchAll(/[A-Za-z_]\w*/g)) {
      const name = t[0];
      const at = t.index ?? 0;
      const before = src.slice(Math.max(0, at - 2), at);
      if (params.has(name) || before.endsWith(".") || before === "->" || before.endsWith("#") || !wanted(name)) continue;
      const upto = src.slice(0, at);
      const nl = upto.lastIndexOf("\n");
      const rows = nl < 0 ? 0 : upto.split("\n").length - 1;
      raws.push({
        name,
        kind: "macro",
        index: body.startIndex + at,
        line: body.startPosition.row + rows,
        column: nl < 0 ? body.startPosition.column + at : at - nl - 1,
      });
    }
  }

  // Enclosing functions and preprocessor conditions, by byte range.
  const fns: Range<string | null>[] = [];
  const conds: Range<string>[] = [];
  const condAt = new Map<number, string>(); // if/ifdef/elif start -> its condition, for #else
  const elses: Node[] = [];
  for (const m of getQuery(lang, "scopes").matches(root)) {
    const main = m.captures.find((c) => scopeCaptures.has(c.name));
    if (!main) continue;
    const node = main.node;
    if (main.name === "function") {
      fns.push({ start: node.startIndex, end: node.endIndex, value: fnName(node) });
    } else if (main.name === "else") {
      elses.push(node);
    } else {
      let cond: string;
      if (main.name === "if") cond = oneLine(m.captures.find((c) => c.name === "condition")!.node.text);
      else {
        const name = m.captures.find((c) => c.name === "name")!.node.text;
        cond = node.firstChild?.type?.includes("ifndef") ? `!defined(${name})` : `defined(${name})`;
      }
      condAt.set(node.startIndex, cond);
      conds.push({ start: node.startIndex, end: node.endIndex, value: cond });
    }
  }
  for (const e of elses) {
    const parentCond = condAt.get(e.parent?.startIndex ?? -1);
    if (parentCond !== undefined) conds.push({ start: e.startIndex, end: e.endIndex, value: `!(${parentCond})` });
  }

  const offsets = raws.map((r) => r.index);
  const fnOf = innermost(fns, offsets);
  const condOf = innermost(conds, offsets);
  const occurrences: Occurrence[] = raws.map((r, i) => ({
    name: r.name,
    kind: r.kind,
    line: r.line + 1,
    column: r.column + 1,
    fn: r.kind === "macro" ? null : fnOf[i],
    cond: condOf[i],
  }));

  const forks: ForkSite[] = forkNodes.map((node) => {
    const i = raws.findIndex((r) => r.kind === "call" && r.index === node.startIndex);
    const verdict = classifyFork(node);
    return { name: occurrences[i].name, line: occurrences[i].line, column: occurrences[i].column, fn: occurrences[i].fn, cond: occurrences[i].cond, ...verdict };
  });

  let lines = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines++;
  if (text.length && !text.endsWith("\n")) lines++;
  return { lines, occurrences, forks };
}
