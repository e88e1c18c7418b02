/**
 * Reads the function around a fork-type call and names what the fork is for,
 * from the branches that test its result (`if (pid == 0)`, `switch (fork())`):
 * - fork-exec: the child calls exec*
 * - daemonize: the parent branch exits (`if (fork() != 0) exit(0)`)
 * - worker-pool: the fork sits in a loop, or the child runs a loop/cycle
 *   function or a function-pointer parameter (nginx's `proc(cycle, data)`)
 * - snapshot-child: the child ends in an exit call, the parent carries on
 * - wrapper: the function hands the pid back (`return childpid;`), so its callers decide
 * - other: none of these
 */
import type { ForkPattern } from "../report/types.js";

// tree-sitter's SyntaxNode; the 0.22 typings do not describe the fields we use.
type Node = any;

const exitCalls = new Set(["exit", "_exit", "_Exit", "abort", "quick_exit"]);
const execCalls = new Set(["execve", "execv", "execvp", "execvpe", "execl", "execle", "execlp", "fexecve"]);

const isExit = (name: string) => exitCalls.has(name) || (/exit/i.test(name) && !/atexit|on_exit|wait/i.test(name));
const isExec = (name: string) => execCalls.has(name) || /exec[lv]/i.test(name);
const looksLikeLoop = (name: string) => /cycle|loop|worker|(^|_)serve(_|$)/i.test(name);

export interface ForkVerdict {
  pattern: ForkPattern | "wrapper";
  evidence: string;
}

type Meaning = "child" | "parent" | "error";

const same = (a: Node, b: Node) => a && b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;

function unparen(n: Node): Node {
  while (n && (n.type === "parenthesized_expression" || n.type === "cast_expression")) {
    n = n.type === "cast_expression" ? n.childForFieldName("value") : n.namedChildren[0];
  }
  return n;
}

function calleeName(call: Node): string {
  const f = unparen(call.childForFieldName("function"));
  if (!f) return "";
  if (f.type === "field_expression") return f.childForFieldName("field")?.text ?? "";
  return f.text;
}

function callsIn(nodes: Node[]): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    if (n.type === "call_expression") out.push(calleeName(n));
    for (const c of n.descendantsOfType("call_expression")) if (!same(c, n)) out.push(calleeName(c));
  }
  return out;
}

/** The function's parameter names: calling one is calling a function pointer. */
function parameterNames(fn: Node): Set<string> {
  const names = new Set<string>();
  for (const p of fn.descendantsOfType("parameter_declaration")) {
    const ids = p.descendantsOfType("identifier");
    if (ids.length) names.add(ids[ids.length - 1].text);
  }
  return names;
}

export function classifyFork(callee: Node): ForkVerdict {
  const call = callee.parent?.type === "call_expression" ? callee.parent : callee.parent?.parent;
  let fn: Node = call;
  while (fn && fn.type !== "function_definition") fn = fn.parent;
  if (!fn) return { pattern: "other", evidence: "outside any function" };
  const body = fn.childForFieldName("body");

  // Is this expression the fork's result: the call, `pid = fork()`, or the variable?
  let variable: string | null = null;
  const isResult = (e: Node): boolean => {
    e = unparen(e);
    if (!e) return false;
    if (same(e, call)) return true;
    if (e.type === "assignment_expression") return isResult(e.childForFieldName("right"));
    return variable !== null && e.type === "identifier" && e.text === variable;
  };

  // Walk up through the expression holding the call: find its variable and a direct test.
  const tests: Node[] = [];
  let up: Node = call;
  while (up.parent && ["parenthesized_expression", "assignment_expression", "binary_expression", "unary_expression", "cast_expression", "init_declarator"].includes(up.parent.type)) {
    up = up.parent;
    if (up.type === "assignment_expression" && up.childForFieldName("left")?.type === "identifier") variable = up.childForFieldName("left").text;
    if (up.type === "init_declarator") {
      const d = up.childForFieldName("declarator");
      if (d?.type === "identifier") variable = d.text;
    }
  }
  if (up.parent && (up.parent.type === "if_statement" || up.parent.type === "switch_statement")) tests.push(up.parent);
  if (variable) {
    for (const t of [...body.descendantsOfType("if_statement"), ...body.descendantsOfType("switch_statement")]) {
      if (t.startIndex > call.startIndex && !tests.some((x) => same(x, t))) tests.push(t);
    }
  }

  // What does the true branch of a test mean?
  const meaningOf = (cond: Node): Meaning | null => {
    const e = unparen(cond);
    if (!e) return null;
    if (isResult(e)) return "parent"; // if (pid): nonzero
    if (e.type === "unary_expression" && e.childForFieldName("operator")?.type === "!" && isResult(e.childForFieldName("argument"))) return "child";
    if (e.type !== "binary_expression") return null;
    const op = e.childForFieldName("operator")?.type;
    const l = e.childForFieldName("left");
    const r = e.childForFieldName("right");
    const [other, flipped] = isResult(l) ? [r, false] : isResult(r) ? [l, true] : [null, false];
    if (!other) return null;
    const k = other.text.replace(/\s+/g, "");
    const o = flipped ? ({ "<": ">", ">": "<", "<=": ">=", ">=": "<=" } as Record<string, string>)[op] ?? op : op;
    if (k === "0" && o === "==") return "child";
    if (k === "0" && (o === "!=" || o === ">")) return "parent";
    // `pid > APP_OK`: a named success code (nginx's NGX_OK is 0); only the parent's pid is above it
    if (o === ">" && /^[A-Z][A-Z0-9_]*$/.test(k) && !/ERR|FAIL/.test(k)) return "parent";
    if ((k === "0" && o === "<") || (k === "-1" && o === "==")) return "error";
    return null;
  };

  const child: Node[] = [];
  const parent: Node[] = [];
  const fromIf = (ifNode: Node): boolean => {
    const m = meaningOf(ifNode.childForFieldName("condition"));
    if (!m) return false;
    const cons = ifNode.childForFieldName("consequence");
    const alt = ifNode.childForFieldName("alternative");
    const altBody = alt ? (alt.type === "else_clause" ? alt.namedChildren[0] : alt) : null;
    if (m === "child") {
      child.push(cons);
      if (altBody) parent.push(altBody);
    } else if (m === "parent") {
      parent.push(cons);
      if (altBody) child.push(altBody);
    } else if (altBody?.type === "if_statement") {
      fromIf(altBody);
    }
    return true;
  };
  const fromSwitch = (sw: Node): boolean => {
    if (!isResult(sw.childForFieldName("condition"))) return false;
    for (const c of sw.childForFieldName("body")?.namedChildren ?? []) {
      if (c.type !== "case_statement") continue;
      const v = c.childForFieldName("value")?.text.replace(/\s+/g, "");
      if (v === undefined) parent.push(c);
      else if (v === "0") child.push(c);
    }
    return true;
  };
  for (const t of tests) {
    if (t.type === "if_statement") fromIf(t);
    else fromSwitch(t);
    if (child.length && parent.length) break;
  }

  const childCalls = callsIn(child);
  const parentCalls = callsIn(parent);
  const params = parameterNames(fn);
  const exec = childCalls.find(isExec) ?? (child.length ? undefined : callsIn([body]).find(isExec));
  if (exec) return { pattern: "fork-exec", evidence: `the child calls ${exec}()` };
  const parentExit = parentCalls.find(isExit);
  if (parentExit) return { pattern: "daemonize", evidence: `the parent branch calls ${parentExit}()` };
  let loop: Node = call.parent;
  while (loop && !same(loop, fn) && !["for_statement", "while_statement", "do_statement"].includes(loop.type)) loop = loop.parent;
  if (loop && !same(loop, fn)) return { pattern: "worker-pool", evidence: `fork inside a ${loop.type.replace("_statement", "")} loop` };
  const worker = childCalls.find((n) => params.has(n) || looksLikeLoop(n));
  if (worker) return { pattern: "worker-pool", evidence: params.has(worker) ? `the child runs ${worker}(), a function-pointer parameter` : `the child runs ${worker}()` };
  const childExit = childCalls.find(isExit);
  if (childExit) return { pattern: "snapshot-child", evidence: `the child ends in ${childExit}(), the parent carries on` };
  if (!child.length && !parent.length && callsIn([body]).includes("setsid")) return { pattern: "daemonize", evidence: "the function calls setsid()" };
  const returnsPid = body.descendantsOfType("return_statement").some((r: Node) => r.namedChildren[0] && isResult(r.namedChildren[0]));
  if (returnsPid) return { pattern: "wrapper", evidence: `${fnName(fn)} returns the pid to its callers` };
  return { pattern: "other", evidence: child.length || parent.length ? "the branches neither exit, exec nor loop" : "the result is not tested here" };
}

const nameTypes = new Set(["identifier", "field_identifier", "qualified_identifier", "destructor_name", "operator_name"]);

/** The declared name of a function_definition (through pointer and parenthesized declarators). */
export function fnName(fn: Node): string | null {
  let d: Node = fn.childForFieldName("declarator");
  while (d && !nameTypes.has(d.type)) d = d.childForFieldName("declarator") ?? d.namedChildren[0];
  return d ? d.text : null;
}
