/**
 * Reads a stretch of C (a function body) the way the preprocessor would
 * leave it: macros are expanded (with `##` pasting, so `socketcall(socket,..)`
 * yields `SYS_socket`), then every identifier is sorted into syscall macros,
 * candidate functions (called or taken by address), and calls through
 * struct fields (`f->write(...)`), which the call graph resolves by field.
 */
import type { MacroDef, MacroScope } from "./macros.js";

export interface Effects {
  /** SYS_x / __NR_x macro names, before alias resolution */
  sys: Set<string>;
  /** identifiers that may name functions */
  idents: Set<string>;
  /** field names called through a pointer: f->write(...) */
  fieldCalls: Set<string>;
  /** `x->field = fn`, `x.field = fn` or `{ .field = fn }` */
  fieldAssigns: FieldStore[];
}

export const emptyEffects = (): Effects => ({ sys: new Set(), idents: new Set(), fieldCalls: new Set(), fieldAssigns: [] });

const keywords = new Set(
  ("auto break case char const continue default do double else enum extern float for goto if inline int long register " +
    "restrict return short signed sizeof static struct switch typedef union unsigned void volatile while _Bool _Complex " +
    "_Noreturn _Static_assert _Thread_local __asm__ __asm asm __volatile__ __typeof__ __typeof typeof __attribute__ " +
    "__restrict __inline __inline__ defined __builtin_expect").split(" "),
);

const maxDepth = 24;

/** Blanks comments, string and character literals, and preprocessor lines. */
export function stripNoise(code: string): string {
  return code
    .replace(/"(?:\\[\s\S]|[^"\\\n])*"|'(?:\\[\s\S]|[^'\\\n])*'|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (m) => (m.startsWith('"') ? '""' : " "))
    .replace(/^[ \t]*#.*(?:\\\n.*)*$/gm, "");
}

/** Splits `(a, f(b, c), d)` starting at the "(" index; returns args and the index after ")". */
function readArgs(code: string, open: number): { args: string[]; end: number } | undefined {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      depth--;
      if (depth === 0) { args.push(code.slice(start, i).trim()); return { args, end: i + 1 }; }
    } else if (c === "," && depth === 1) { args.push(code.slice(start, i).trim()); start = i + 1; }
  }
  return undefined;
}

/** Marks `prefix ## <expression>`: the pasted name is one of prefix0..prefix7. */
export const familySuffix = "__family__";

/**
 * Substitutes arguments into a function-like macro body, honouring # and ##.
 * Arguments are not pre-expanded, so a paste whose right side is still an
 * expression (`__syscall ## __SYSCALL_NARGS(...)`) becomes a family marker.
 */
function substitute(def: MacroDef, args: string[]): string {
  const params = def.params ?? [];
  const valueOf = (p: string): string | undefined => {
    const i = params.indexOf(p);
    if (i < 0) return undefined;
    if (p === "__VA_ARGS__") return args.slice(i).join(", ");
    return args[i] ?? "";
  };
  const pieces = def.body.match(/##|#|\w+|\s+|[^\w\s#]+/g) ?? [];
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (p === "##") {
      while (out.length && /^\s+$/.test(out[out.length - 1])) out.pop();
      let j = i + 1;
      while (j < pieces.length && /^\s+$/.test(pieces[j])) j++;
      const right = pieces[j] === undefined ? "" : (valueOf(pieces[j]) ?? pieces[j]);
      const left = out.pop() ?? "";
      out.push(/^\w*$/.test(right.trim()) ? left + right.trim() : left + familySuffix);
      i = j;
    } else if (p === "#") {
      let j = i + 1;
      while (j < pieces.length && /^\s+$/.test(pieces[j])) j++;
      if (valueOf(pieces[j] ?? "") !== undefined) { out.push('""'); i = j; } else out.push(p);
    } else out.push(valueOf(p) ?? p);
  }
  return out.join("");
}

const fieldAssignRe = /(?:->|\.)\s*(\w+)\s*=(?!=)\s*(?:\(\s*[\w\s*]+\)\s*)?&?\s*([A-Za-z_]\w*)\s*(?=[,;})])/g;

export interface FieldStore {
  field: string;
  fn: string;
  /** a designated initializer (`FILE f = { .write = sn_write }`), as opposed to a member assignment */
  initializer: boolean;
}

/** Functions stored into struct fields (casts and & allowed). */
export function fieldAssignments(code: string): FieldStore[] {
  return [...code.matchAll(fieldAssignRe)].map((m) => ({
    field: m[1],
    fn: m[2],
    initializer: m[0].startsWith(".") && /[{,]\s*$/.test(code.slice(Math.max(0, (m.index ?? 0) - 40), m.index)),
  }));
}

export function scanCode(code: string, scope: MacroScope, out: Effects, blocked: ReadonlySet<string> = new Set(), depth = 0): Effects {
  if (depth > maxDepth) return out;
  let text = depth === 0 ? stripNoise(code) : code;
  out.fieldAssigns.push(...fieldAssignments(text));
  // a function stored in a field runs when the field is called, not here
  text = text.replace(fieldAssignRe, (m: string, _f: string, fn: string) => m.slice(0, m.length - fn.length) + " ".repeat(fn.length));
  const idRe = /[A-Za-z_]\w*/g;
  let m: RegExpExecArray | null;
  while ((m = idRe.exec(text))) {
    const id = m[0];
    if (m.index > 0 && /\w/.test(text[m.index - 1])) continue; // the tail of a number like 0x1f or 1e5f
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    const after = /^\s*\(/.exec(text.slice(idRe.lastIndex, idRe.lastIndex + 64));
    if (/(->|\.)\s*$/.test(before)) {
      if (after) out.fieldCalls.add(id);
      continue;
    }
    if (/\b(struct|union|enum)\s+$/.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    if (keywords.has(id)) continue;
    if (/^(SYS|__NR)_\w+$/.test(id)) {
      // `nr == SYS_close` tests a number (in __syscall_cp_c); it issues nothing
      const compared = /[=!]=\s*$/.test(before) || /^\s*[=!]=/.test(text.slice(idRe.lastIndex, idRe.lastIndex + 4));
      if (!compared) out.sys.add(id);
      continue;
    }
    if (id.endsWith(familySuffix)) {
      for (const d of scope.family(id.slice(0, -familySuffix.length))) {
        if (!blocked.has(d.name)) scanCode(substitute(d, []), scope, out, new Set(blocked).add(d.name), depth + 1);
      }
      continue;
    }
    const defs = blocked.has(id) ? undefined : scope.lookup(id);
    if (defs) {
      const fnLike = defs.filter((d) => d.params !== null);
      const objLike = defs.filter((d) => d.params === null);
      const inner = new Set(blocked).add(id);
      if (fnLike.length > 0 && after) {
        const call = readArgs(text, idRe.lastIndex + after[0].length - 1);
        if (call) {
          for (const d of fnLike) scanCode(substitute(d, call.args), scope, out, inner, depth + 1);
          idRe.lastIndex = call.end;
          continue;
        }
      }
      if (objLike.length > 0) {
        for (const d of objLike) scanCode(d.body, scope, out, inner, depth + 1);
        continue;
      }
    }
    out.idents.add(id);
  }
  return out;
}
