/**
 * A tiny stand-in for the C preprocessor's conditionals. musl picks syscalls
 * with `#ifdef SYS_open ... #else SYS_openat ... #endif`; tree-sitter would
 * keep both branches. Conditions that only test whether SYS_x / __NR_x
 * exist are decided here (dead branches become blank lines, so line numbers
 * hold); any other condition keeps every branch, as a safe over-estimate.
 */

/** true/false when known, undefined when this evaluator cannot tell. */
export type DefinedOracle = (name: string) => boolean | undefined;

interface Frame {
  /** "decided": directives blanked, one branch live; "kept": left to tree-sitter */
  mode: "decided" | "kept";
  live: boolean;
  taken: boolean;
}

/** Evaluates `defined(X)`, `!`, `&&`, `||`, parentheses, 0 and 1; undefined otherwise. */
export function evalCondition(expr: string, isDefined: DefinedOracle): boolean | undefined {
  let unknown = false;
  const subst = expr.replace(/\bdefined\s*(?:\(\s*(\w+)\s*\)|(\w+))/g, (_m, a: string | undefined, b: string | undefined) => {
    const v = isDefined((a ?? b) as string);
    if (v === undefined) unknown = true;
    return v ? "1" : "0";
  });
  if (unknown || !/^[01!&|()\s]*$/.test(subst) || subst.trim() === "") return undefined;
  const tokens = subst.match(/&&|\|\||[01!()]/g) ?? [];
  let pos = 0;
  const or = (): boolean => {
    let v = and();
    while (tokens[pos] === "||") { pos++; const r = and(); v = v || r; }
    return v;
  };
  const and = (): boolean => {
    let v = unary();
    while (tokens[pos] === "&&") { pos++; const r = unary(); v = v && r; }
    return v;
  };
  const unary = (): boolean => {
    const t = tokens[pos++];
    if (t === "!") return !unary();
    if (t === "(") { const v = or(); pos++; return v; }
    return t === "1";
  };
  const v = or();
  return pos === tokens.length ? v : undefined;
}

function stripComments(line: string): string {
  return line.replace(/\/\*.*?\*\//g, " ").replace(/\/\/.*$/, "").replace(/\/\*.*$/, "");
}

/**
 * Returns `text` with decided conditional groups reduced to their live
 * branch. `onLive` sees every live directive other than a conditional (for
 * #define/#undef tracking), as one logical line with continuations joined.
 */
export function evaluateConditionals(text: string, isDefined: DefinedOracle, onLive?: (directive: string) => void): string {
  const lines = text.split("\n");
  const stack: Frame[] = [];
  const allLive = () => stack.every((f) => f.live);
  for (let i = 0; i < lines.length; i++) {
    // a logical line may continue over several physical lines
    let end = i;
    while (lines[end].endsWith("\\") && end + 1 < lines.length) end++;
    const logical = lines.slice(i, end + 1).map((l) => l.replace(/\\$/, "")).join(" ");
    const m = /^\s*#\s*(\w+)\s*(.*)$/.exec(logical);
    const word = m?.[1] ?? "";
    const rest = stripComments(m?.[2] ?? "").trim();
    let keep: boolean;
    let replacement: string | undefined;
    if (word === "if" || word === "ifdef" || word === "ifndef") {
      const parentLive = allLive();
      const cond = word === "if" ? evalCondition(rest, isDefined) : word === "ifdef" ? isDefined(rest) : negate(isDefined(rest));
      if (!parentLive) { stack.push({ mode: "decided", live: false, taken: true }); keep = false; }
      else if (cond === undefined) { stack.push({ mode: "kept", live: true, taken: false }); keep = true; }
      else { stack.push({ mode: "decided", live: cond, taken: cond }); keep = false; }
    } else if (word === "elif" || word === "else" || word === "endif") {
      const top = stack[stack.length - 1];
      if (!top) keep = true; // unbalanced: leave it to tree-sitter
      else if (top.mode === "kept") { keep = true; if (word === "endif") stack.pop(); }
      else {
        keep = false;
        top.live = false;
        const parentLive = stack.slice(0, -1).every((f) => f.live);
        if (word === "endif") stack.pop();
        else if (parentLive && !top.taken) {
          const cond = word === "else" ? true : evalCondition(rest, isDefined);
          if (cond === undefined) {
            // earlier branches were false: this branch opens an undecided chain
            top.mode = "kept"; top.live = true; keep = true;
            replacement = `#if ${rest}`;
          } else { top.live = cond; top.taken = cond; }
        }
      }
    } else {
      keep = allLive();
      if (keep && m && onLive) onLive(`#${word} ${rest}`);
    }
    for (let j = i; j <= end; j++) if (!keep) lines[j] = "";
    if (replacement !== undefined) { lines[i] = replacement; for (let j = i + 1; j <= end; j++) lines[j] = ""; }
    i = end;
  }
  return lines.join("\n");
}

function negate(v: boolean | undefined): boolean | undefined {
  return v === undefined ? undefined : !v;
}
