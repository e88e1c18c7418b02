/**
 * The call graph of musl's functions and the syscalls each can reach.
 *
 * Nodes are definitions (`path#name`); a call resolves, in the caller's file,
 * to a static there, else a header helper (its directory's, then the shared
 * ones), else every global definition of the name: a weak dummy and its
 * strong replacement both count, as a static link may bring in either.
 * Calls through a struct field (`f->write(...)`) go to the functions stored
 * in a field of that name (`.write = __stdout_write`), or fwrite would reach
 * nothing. A store counts once the code doing it is reached (open_memstream
 * stores ms_write, so only its callers' FILEs can write through it); stores
 * in file-scope initializers (stdout, stderr, stdin) always count.
 */
import type { AsmUnit, CUnit, HeaderUnit, MuslTree } from "./musl-tree.js";
import { scanCode, emptyEffects, fieldAssignments, stripNoise } from "./scan.js";
import type { SysAliases, SyscallNames } from "./syscall-names.js";

interface GraphNode {
  sys: Set<string>;
  edges: Set<string>;
  /** [field node, functions] this code stores into a field */
  stores: Array<[string, string[]]>;
}

/**
 * `__cancel` acts on a cancellation request: it runs the thread's cleanup and
 * exits it. Every cancellation point (read, write, ...) can get there through
 * __syscall_cp, which would make them all reach exit, munmap and futex. That
 * path only runs after pthread_cancel, so edges into it are cut.
 */
export const cutTargets: ReadonlySet<string> = new Set(["__cancel"]);

export class CallGraph {
  readonly nodes = new Map<string, GraphNode>();
  private readonly globals = new Map<string, string[]>();
  private readonly statics = new Map<string, Map<string, string>>();
  private readonly headerFns = new Map<string, Map<string, string[]>>();
  /** stores made by file-scope initializers */
  private readonly staticStores: Array<[string, string[]]> = [];
  /** SYS_ names musl mentions that x86_64 lacks (mmap2, socketcall, *_time64) */
  readonly dropped = new Set<string>();
  /** names with a weak and a strong global definition */
  readonly weakAndStrong = new Set<string>();
  private readonly weakDefs = new Set<string>();

  constructor(private readonly names: SyscallNames, private readonly linuxByNr: ReadonlyMap<number, string>) {}

  static build(tree: MuslTree, names: SyscallNames, linuxByNr: ReadonlyMap<number, string>): CallGraph {
    const g = new CallGraph(names, linuxByNr);
    g.declare(tree);
    for (const h of tree.headers) g.readC(h, h.path);
    for (const u of tree.units) (u.kind === "c" ? g.readC(u, u.path) : g.readAsm(u));
    g.noteWeakAndStrong();
    return g;
  }

  /** First pass: register every definition so calls can resolve in any order. */
  private declare(tree: MuslTree): void {
    for (const h of tree.headers) {
      const table = this.headerFns.get(h.dir) ?? new Map<string, string[]>();
      this.headerFns.set(h.dir, table);
      for (const f of h.facts.functions) {
        const name = h.scope.rename(f.name);
        table.set(name, [...(table.get(name) ?? []), this.addNode(`${h.path}#${name}`)]);
      }
    }
    for (const u of tree.units) {
      if (u.kind === "asm") {
        for (const f of u.functions) this.define(u.path, f.name, !f.isGlobal, false);
        continue;
      }
      for (const f of u.facts.functions) this.define(u.path, u.scope.rename(f.name), f.isStatic, f.isWeak);
      for (const a of u.facts.aliases) this.define(u.path, a.alias, false, a.weak);
    }
  }

  private addNode(id: string): string {
    if (!this.nodes.has(id)) this.nodes.set(id, { sys: new Set(), edges: new Set(), stores: [] });
    return id;
  }

  private define(path: string, name: string, isStatic: boolean, isWeak: boolean): void {
    const id = this.addNode(`${path}#${name}`);
    if (isStatic) {
      const table = this.statics.get(path) ?? new Map<string, string>();
      this.statics.set(path, table);
      table.set(name, id);
      return;
    }
    const list = this.globals.get(name) ?? [];
    if (!list.includes(id)) list.push(id);
    this.globals.set(name, list);
    if (isWeak) this.weakDefs.add(id);
  }

  private noteWeakAndStrong(): void {
    for (const [name, ids] of this.globals) {
      if (ids.some((id) => this.weakDefs.has(id)) && ids.some((id) => !this.weakDefs.has(id))) this.weakAndStrong.add(name);
    }
  }

  /** The definitions a name means inside one file. */
  resolve(path: string, dir: string, name: string): string[] {
    const own = this.statics.get(path)?.get(name);
    if (own) return [own];
    const local = this.headerFns.get(dir)?.get(name);
    if (local) return local;
    for (const shared of ["src/internal", "src/include", "arch/x86_64", "arch/generic"]) {
      const h = this.headerFns.get(shared)?.get(name);
      if (h) return h;
    }
    return this.globals.get(name) ?? [];
  }

  globalDefinitions(name: string): string[] {
    return this.globals.get(name) ?? [];
  }

  private addEdges(from: string, to: string[]): void {
    const node = this.nodes.get(from) as GraphNode;
    for (const t of to) if (!cutTargets.has(t.slice(t.indexOf("#") + 1))) node.edges.add(t);
  }

  private addSyscall(from: string, macro: string, local: SysAliases): void {
    const name = this.names.resolve(macro, local);
    if (name) (this.nodes.get(from) as GraphNode).sys.add(name);
    else this.dropped.add(macro.replace(/^(SYS_|__NR_)/, ""));
  }

  private readC(u: CUnit | HeaderUnit, path: string): void {
    const isHeader = !("kind" in u);
    for (const f of u.facts.functions) {
      const name = u.scope.rename(f.name);
      const id = `${path}#${name}`;
      const fx = scanCode(f.body, u.scope, emptyEffects());
      for (const s of fx.sys) this.addSyscall(id, s, u.sysAliases);
      for (const ident of fx.idents) if (!f.locals.has(ident) && ident !== name) this.addEdges(id, this.resolve(path, u.dir, ident));
      for (const field of fx.fieldCalls) this.addEdges(id, [this.addNode(`field#${field}`)]);
      for (const [field, fn] of fx.fieldAssigns) this.storeInField(path, u.dir, field, fn, (this.nodes.get(id) as GraphNode).stores);
    }
    if (!isHeader) {
      for (const a of u.facts.aliases) this.addEdges(`${path}#${a.alias}`, this.resolve(path, u.dir, u.scope.rename(a.target)));
    }
    for (const [field, fn] of fieldAssignments(stripNoise(u.facts.outside))) this.storeInField(path, u.dir, field, fn, this.staticStores);
  }

  private storeInField(path: string, dir: string, field: string, fn: string, into: Array<[string, string[]]>): void {
    const targets = this.resolve(path, dir, fn).filter((t) => !cutTargets.has(t.slice(t.indexOf("#") + 1)));
    if (targets.length > 0) into.push([this.addNode(`field#${field}`), targets]);
  }

  private readAsm(u: AsmUnit): void {
    for (const f of u.functions) {
      const id = `${u.path}#${f.name}`;
      for (const nr of f.syscalls) {
        const name = this.linuxByNr.get(nr);
        if (name) (this.nodes.get(id) as GraphNode).sys.add(name);
      }
      const dir = u.path.replace(/\/x86_64\/[^/]*$/, "");
      for (const t of f.targets) this.addEdges(id, this.resolve(u.path, dir, t));
    }
  }

  /**
   * Breadth-first walk from the given nodes; field calls follow the stores
   * made by the code walked so far. Returns each reached node's parent.
   */
  private walk(from: string[], stopAt?: (node: GraphNode) => boolean): { parent: Map<string, string | undefined>; stop?: string } {
    const parent = new Map<string, string | undefined>(from.map((f) => [f, undefined]));
    const queue = [...from];
    const stored = new Map<string, Set<string>>();
    const visit = (to: string, by: string | undefined) => {
      if (!parent.has(to)) { parent.set(to, by); queue.push(to); }
    };
    const store = ([field, targets]: [string, string[]], by: string | undefined) => {
      const set = stored.get(field) ?? new Set<string>();
      stored.set(field, set);
      for (const t of targets) {
        set.add(t);
        if (parent.has(field)) visit(t, field);
      }
    };
    for (const s of this.staticStores) store(s, undefined);
    for (let i = 0; i < queue.length; i++) {
      const id = queue[i];
      const node = this.nodes.get(id);
      if (!node) continue;
      if (stopAt?.(node)) return { parent, stop: id };
      for (const s of node.stores) store(s, id);
      for (const e of node.edges) visit(e, id);
      for (const t of stored.get(id) ?? []) visit(t, id);
    }
    return { parent };
  }

  /** One shortest chain of definitions from the given nodes to one issuing syscall (for --why). */
  pathTo(from: string[], syscall: string): string[] | undefined {
    const { parent, stop } = this.walk(from, (n) => n.sys.has(syscall));
    if (stop === undefined) return undefined;
    const chain: string[] = [];
    for (let at: string | undefined = stop; at !== undefined; at = parent.get(at)) chain.unshift(at);
    return chain;
  }

  /** Every syscall reachable from the given nodes. */
  reach(from: string[]): Set<string> {
    const out = new Set<string>();
    for (const id of this.walk(from).parent.keys()) for (const s of this.nodes.get(id)?.sys ?? []) out.add(s);
    return out;
  }
}
