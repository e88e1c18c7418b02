/**
 * Macro definitions and which of them a file sees. musl hides a lot behind
 * macros: syscall wrappers (`__sys_open_cp` pastes `SYS_open`), renamed
 * definitions (mallocng's `#define malloc __libc_malloc_impl`), calls
 * (`assert` → `__assert_fail`). Scope is approximate: a file sees its own
 * macros, then its directory's headers, then src/internal, src/include and
 * arch/x86_64, then the public headers; an `#undef` in the file hides the rest.
 */

export interface MacroDef {
  name: string;
  /** null for an object-like macro; `__VA_ARGS__` stands for `...` */
  params: string[] | null;
  body: string;
}

const defineRe = /^\s*#\s*define\s+(\w+)(\(([^)]*)\))?(.*)$/;
const undefRe = /^\s*#\s*undef\s+(\w+)/;

/** Reads every #define/#undef of (already conditionals-evaluated) text. */
export function collectMacros(text: string): { defs: MacroDef[]; undefs: string[] } {
  const defs: MacroDef[] = [];
  const undefs: string[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    while (line.endsWith("\\") && i + 1 < lines.length) line = line.slice(0, -1) + " " + lines[++i];
    const u = undefRe.exec(line);
    if (u) { undefs.push(u[1]); continue; }
    const d = defineRe.exec(line);
    if (!d) continue;
    const params = d[2] === undefined ? null : d[3].split(",").map((p) => p.trim()).filter((p) => p !== "").map((p) => (p === "..." ? "__VA_ARGS__" : p.replace(/\.\.\.$/, "")));
    const body = d[4].replace(/\/\*.*?\*\//g, " ").replace(/\/\/.*$/, "").trim();
    defs.push({ name: d[1], params, body });
  }
  return { defs, undefs };
}

export type MacroTable = Map<string, MacroDef[]>;

export function tableOf(defs: Iterable<MacroDef>): MacroTable {
  const t: MacroTable = new Map();
  for (const d of defs) t.set(d.name, [...(t.get(d.name) ?? []), d]);
  return t;
}

/** The macros one file sees, innermost layer first. */
export class MacroScope {
  constructor(
    private readonly layers: MacroTable[],
    private readonly undefs: ReadonlySet<string>,
    /** how many leading layers may rename a definition (not the public headers) */
    private readonly renameLayers: number,
  ) {}

  /** All visible definitions of name from the innermost layer that has one. */
  lookup(name: string): MacroDef[] | undefined {
    for (let i = 0; i < this.layers.length; i++) {
      if (i > 0 && this.undefs.has(name)) return undefined;
      const found = this.layers[i].get(name);
      if (found) return found;
    }
    return undefined;
  }

  /** Function-like macros named prefix0, prefix1, ... (targets of musl's N-argument dispatch). */
  family(prefix: string): MacroDef[] {
    const out: MacroDef[] = [];
    for (const layer of this.layers) {
      for (let n = 0; n <= 9; n++) out.push(...(layer.get(`${prefix}${n}`) ?? []).filter((d) => d.params !== null));
    }
    return out;
  }

  /** `#define malloc __libc_malloc_impl`: the name a definition really gets. */
  rename(name: string): string {
    let current = name;
    for (let hops = 0; hops < 4; hops++) {
      let next: string | undefined;
      for (let i = 0; i < this.renameLayers && next === undefined; i++) {
        const defs = this.layers[i].get(current);
        const d = defs?.find((x) => x.params === null && /^\w+$/.test(x.body));
        if (d && (i === 0 || !this.undefs.has(current))) next = d.body;
      }
      if (next === undefined || next === current) return current;
      current = next;
    }
    return current;
  }
}
