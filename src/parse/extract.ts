/**
 * One file's text -> the identifiers it uses (calls, values, macro bodies),
 * each with its line, column, function and #if condition, plus its fork sites.
 */
import { classifyFork, fnName } from "./fork-pattern.js";
import { innermost, oneLine, type Range } from "./enclosing.js";
import { combinedQuery, type TsQuery } from "./queries.js";
import type { ForkSite, FunctionSpan, Lang, Occurrence, OccurrenceKind } from "./types.js";
import { blankIdleBlocks } from "./idle-blocks.js";
import { linesAround, nameAt, wantedAt, type LineRange } from "./wanted-lines.js";

type Node = any;

export interface ExtractOptions {
  keep?: ReadonlySet<string>;
  forkNames?: ReadonlySet<string>;
}

export interface Extracted {
  lines: number;
  occurrences: Occurrence[];
  forks: ForkSite[];
  functions: FunctionSpan[];
}

interface Raw {
  name: string;
  kind: OccurrenceKind;
  index: number;
  line: number; // 0-based row
  column: number; // 0-based
}

// Qualified callees count only when they name the global or std namespace (`::open`, `std::memcpy`).
const qualifiedLibc = /^(?:::|std::)\s*([A-Za-z_]\w*)$/;

// Blank out strings, character constants and comments, keeping offsets.
const noise = /"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g;

/** `#ifndef X` (or `#if !defined(X)`) whose body opens with `#define X`: a header's include guard, not a condition. */
function isIncludeGuard(node: Node, cond: string): boolean {
  const m = /^!defined\s*\(?\s*(\w+)\s*\)?$/.exec(cond);
  if (!m) return false;
  const first = node.namedChildren.find((c: Node) => c.type !== "identifier" && c.type !== "comment" && !c.type.startsWith("preproc_defined") && c.startIndex >= (node.childForFieldName("condition") ?? node.childForFieldName("name"))!.endIndex);
  return first?.type === "preproc_def" && first.childForFieldName("name")?.text === m[1];
}

// What a query over the whole tree costs, about: 0.1 ms per KB of C.
const wholeQueryMsPerByte = 1e-4;

/**
 * The query's captures over the whole tree, or over the given lines only;
 * each capture once. Each range query walks from the root past the siblings
 * before its lines, which in a table of thousands of entries costs more than
 * one whole walk: past that cost, the whole tree is queried instead (the
 * captures outside the lines are dropped by the filter anyway).
 */
function capturesIn(query: TsQuery, root: Node, ranges: LineRange[] | null, bytes: number): Array<{ name: string; node: Node }> {
  if (!ranges) return query.captures(root);
  const deadline = performance.now() + bytes * wholeQueryMsPerByte;
  const seen = new Set<string>();
  const out: Array<{ name: string; node: Node }> = [];
  for (const [from, to] of ranges) {
    if (performance.now() > deadline) return query.captures(root);
    // Whole lines: the binding's column units never cut a range short.
    for (const c of query.captures(root, { startPosition: { row: from, column: 0 }, endPosition: { row: to, column: 0 } })) {
      const key = `${c.name}@${c.node.startIndex}`; // the functions and #ifs around several ranges come back with each
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(c);
    }
  }
  return out;
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines++;
  if (text.length && !text.endsWith("\n")) lines++;
  return lines;
}

/**
 * Parses text (parser already set to lang); null when tree-sitter gave up
 * (timeout). With a `keep` filter only the lines holding a kept or fork name
 * are queried, and a file without one is not parsed: `functions` then lists
 * only the functions around those lines.
 */
export function extract(parser: any, lang: Lang, text: string, opts: ExtractOptions = {}): Extracted | null {
  const { keep, forkNames } = opts;
  const wanted = (n: string) => !keep || keep.has(n) || (forkNames?.has(n) ?? false);
  const lines = countLines(text);
  const at = keep ? wantedAt(text, wanted) : null;
  if (at && !at.length) return { lines, occurrences: [], forks: [], functions: [] };
  const ranges = at && linesAround(text, at);
  const forksAt = at && forkNames?.size ? at.filter((i) => forkNames.has(nameAt(text, i))) : [];
  // C only: C++ raw strings would defeat the block scan.
  const tree = parser.parse(at && lang === "c" ? blankIdleBlocks(text, at, forksAt) : text);
  if (!tree) return null;
  const root = tree.rootNode;
  const raws: Raw[] = [];
  const forkNodes: Node[] = [];
  const push = (name: string, kind: OccurrenceKind, node: Node) =>
    raws.push({ name, kind, index: node.startIndex, line: node.startPosition.row, column: node.startPosition.column });

  // One query over the kept lines (or the whole tree); sort the captures by question.
  const calls: Array<{ cap: string; node: Node }> = [];
  const values: Array<{ cap: string; node: Node }> = [];
  const macros: Node[] = [];
  const declared = new Set<string>();
  const fns: Range<string | null>[] = [];
  const conds: Range<string>[] = [];
  const condAt = new Map<number, string>(); // if/ifdef/elif start -> its condition, for #else
  const elses: Node[] = [];
  const functions: FunctionSpan[] = [];
  for (const { name: cap, node } of capturesIn(combinedQuery(lang), root, ranges, text.length)) {
    switch (cap) {
      case "call":
      case "call.qualified":
        calls.push({ cap, node });
        break;
      case "value":
      case "value.qualified":
        values.push({ cap, node });
        break;
      case "declared":
        declared.add(node.text);
        break;
      case "macro":
        macros.push(node);
        break;
      case "function":
        fns.push({ start: node.startIndex, end: node.endIndex, value: fnName(node) });
        functions.push([node.startIndex, node.endIndex, node.startPosition.row, node.startPosition.column]);
        break;
      case "else":
        elses.push(node);
        break;
      case "if":
      case "ifdef": {
        let cond: string;
        if (cap === "if") cond = oneLine(node.childForFieldName("condition")?.text ?? "");
        else {
          const name = node.childForFieldName("name")?.text ?? "";
          cond = node.firstChild?.type?.includes("ifndef") ? `!defined(${name})` : `defined(${name})`;
        }
        condAt.set(node.startIndex, cond);
        if (!isIncludeGuard(node, cond)) conds.push({ start: node.startIndex, end: node.endIndex, value: cond });
        break;
      }
    }
  }
  for (const e of elses) {
    const parentCond = condAt.get(e.parent?.startIndex ?? -1);
    if (parentCond !== undefined) conds.push({ start: e.startIndex, end: e.endIndex, value: `!(${parentCond})` });
  }

  for (const { cap, node } of calls) {
    let name: string = node.text;
    if (cap === "call.qualified") {
      const m = qualifiedLibc.exec(name);
      if (!m) continue;
      name = m[1];
    }
    if (!wanted(name)) continue;
    push(name, "call", node);
    if (forkNames?.has(name)) forkNodes.push(node);
  }

  const seenValue = new Set<number>();
  for (const { cap, node } of values) {
    let name: string = node.text;
    if (cap === "value.qualified") {
      const m = qualifiedLibc.exec(name);
      if (!m) continue;
      name = m[1];
    }
    if (declared.has(name) || !wanted(name) || seenValue.has(node.startIndex)) continue;
    seenValue.add(node.startIndex);
    push(name, "value", node);
  }

  for (const body of macros) {
    const paramsNode = body.parent?.type === "preproc_function_def" ? body.parent.childForFieldName("parameters") : null;
    const params = new Set<string>((paramsNode?.text.match(/[A-Za-z_]\w*/g) ?? []) as string[]);
    const src: string = body.text.replace(noise, (t: string) => t.replace(/[^\n]/g, " "));
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

  return { lines, occurrences, forks, functions };
}
