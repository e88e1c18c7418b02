/**
 * The call graph of musl's functions and the syscalls each can reach.
 *
 * Nodes are definitions (`path#name`); a call resolves, in the caller's file,
 * to a static there or the file's own global, else a header helper (its
 * directory's, then the shared ones), else every global definition of the
 * name.
 *
 * musl's weak dummies model linking: exit.c calls a weak no-op
 * `__stdio_exit`, and the strong one in __stdio_exit.c runs only when that
 * object is linked for another reason. So a call goes to the weak dummy, and
 * every definition in the strong one's file (functions and global variables:
 * what pulls an object into a link) gets an edge to the strong one. Objects
 * also pull others through functions nobody calls (`__towrite_needs_stdio_exit`),
 * so those "anchors" are reached from everything in their file. The map stays
 * a union over functions: an app's syscalls are its functions' plus startup's.
 *
 * Calls through a struct field (`f->write(...)`) go to the functions stored
 * in a field of that name (`.write = __stdout_write`), or fwrite would reach
 * nothing. A FILE made on the stack (vsnprintf's `FILE f = { .write =
 * sn_write }`) never leaves its function, so that store counts only once its
 * function is reached. Every other store (`f->write = __stdio_write` in
 * __fdopen, stdout.c's file-scope FILE) makes a FILE the app may hand to any
 * stdio function, so it always counts: the map stays a union over the
 * functions an app calls.
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
  /** stores whose FILE (or other struct) can reach any code: file scope, or through a pointer */
  private readonly globalStores: Array<[string, string[]]> = [];
  /** SYS_ names musl mentions that x86_64 lacks (mmap2, socketcall, *_time64) */
  readonly dropped = new Set<string>();
  /** names with a weak and a strong global definition */
  readonly weakAndStrong = new Set<string>();
  private readonly weakDefs = new Set<string>();
  private readonly variables = new Set<string>();
  /** functions reached only by linking their file (see linkAnchors) */
  readonly anchors: string[] = [];

  constructor(private readonly names: SyscallNames, private readonly linuxByNr: ReadonlyMap<number, string>) {}

  static build(tree: MuslTree, names: SyscallNames, linuxByNr: ReadonlyMap<number, string>, exports: ReadonlySet<string>): CallGraph {
    const g = new CallGraph(names, linuxByNr);
    g.declare(tree);
    g.noteWeakAndStrong();
    for (const h of tree.headers) g.readC(h, h.path);
    for (const u of tree.units) (u.kind === "c" ? g.readC(u, u.path) : g.readAsm(u));
    g.linkStrongDefinitions();
    g.linkAnchors(exports);
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
      for (const v of u.facts.variables) {
        const name = u.scope.rename(v);
        this.define(u.path, name, false, false);
        this.variables.add(`${u.path}#${name}`);
      }
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
    const ownGlobal = `${path}#${name}`;
    if (this.globals.get(name)?.includes(ownGlobal)) return [ownGlobal];
    const local = this.headerFns.get(dir)?.get(name);
    if (local) return local;
    for (const shared of ["src/internal", "src/include", "arch/x86_64", "arch/generic"]) {
      const h = this.headerFns.get(shared)?.get(name);
      if (h) return h;
    }
    const all = this.globals.get(name) ?? [];
    return this.weakAndStrong.has(name) ? all.filter((id) => this.weakDefs.has(id)) : all;
  }

  private fileOf(id: string): string {
    return id.slice(0, id.lastIndexOf("#"));
  }

  private nodesByFile(): Map<string, string[]> {
    const byFile = new Map<string, string[]>();
    for (const id of this.nodes.keys()) {
      const f = this.fileOf(id);
      if (f !== "field") byFile.set(f, [...(byFile.get(f) ?? []), id]);
    }
    return byFile;
  }

  /** Whatever links a strong definition's object reaches the strong definition. */
  private linkStrongDefinitions(): void {
    const byFile = this.nodesByFile();
    for (const name of this.weakAndStrong) {
      for (const strong of (this.globals.get(name) ?? []).filter((id) => !this.weakDefs.has(id))) {
        for (const id of byFile.get(this.fileOf(strong)) ?? []) if (id !== strong) this.addEdges(id, [strong]);
      }
    }
  }

  /** Global functions no one calls and no app can (hidden): reached from the rest of their file. */
  private linkAnchors(exports: ReadonlySet<string>): void {
    const called = new Set<string>();
    for (const n of this.nodes.values()) {
      n.edges.forEach((e) => called.add(e));
      n.stores.forEach(([, ts]) => ts.forEach((t) => called.add(t)));
    }
    this.globalStores.forEach(([, ts]) => ts.forEach((t) => called.add(t)));
    const byFile = this.nodesByFile();
    for (const [name, ids] of this.globals) {
      if (exports.has(name)) continue;
      for (const anchor of ids) {
        if (called.has(anchor) || this.weakDefs.has(anchor) || this.variables.has(anchor) || cutTargets.has(name)) continue;
        this.anchors.push(anchor);
        for (const id of byFile.get(this.fileOf(anchor)) ?? []) if (id !== anchor) this.addEdges(id, [anchor]);
      }
    }
    this.anchors.sort();
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
      const local = (this.nodes.get(id) as GraphNode).stores;
      for (const st of fx.fieldAssigns) this.storeInField(path, u.dir, st.field, st.fn, st.initializer ? local : this.globalStores);
    }
    if (!isHeader) {
      for (const a of u.facts.aliases) this.addEdges(`${path}#${a.alias}`, this.resolve(path, u.dir, u.scope.rename(a.target)));
    }
    for (const st of fieldAssignments(stripNoise(u.facts.outside))) this.storeInField(path, u.dir, st.field, st.fn, this.globalStores);
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
    const store = ([field, targets]: [string, string[]]) => {
      const set = stored.get(field) ?? new Set<string>();
      stored.set(field, set);
      for (const t of targets) {
        set.add(t);
        if (parent.has(field)) visit(t, field);
      }
    };
    this.globalStores.forEach(store);
    for (let i = 0; i < queue.length; i++) {
      const id = queue[i];
      const node = this.nodes.get(id);
      if (!node) continue;
      if (stopAt?.(node)) return { parent, stop: id };
      node.stores.forEach(store);
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
