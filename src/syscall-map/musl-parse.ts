/**
 * Per-file facts of one musl C file or header, from tree-sitter: each
 * function definition with its name, linkage and body, plus the
 * weak_alias/strong_alias lines that export a function under another name.
 */
import Parser from "tree-sitter";
import C from "tree-sitter-c";

export interface FunctionDef {
  name: string;
  isStatic: boolean;
  /** declared `weak` (musl's attribute macro) */
  isWeak: boolean;
  line: number;
  body: string;
  /** parameters and local declarations: never calls of global functions */
  locals: Set<string>;
}

export interface Alias {
  target: string;
  alias: string;
  weak: boolean;
}

export interface CFileFacts {
  functions: FunctionDef[];
  aliases: Alias[];
  /** global (non-static, non-extern) variables defined at file scope: referencing one links the file */
  variables: string[];
  /** the file with function bodies blanked: file-scope initializers such as stdout's `.write = __stdout_write` */
  outside: string;
}

type Node = Parser.SyntaxNode;

let parser: Parser | undefined;
function getParser(): Parser {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(C as unknown as Parser.Language);
  }
  return parser;
}

/** The identifier a declarator finally names (through pointers and parentheses). */
function declaredName(node: Node | null): string | undefined {
  for (let n = node; n; ) {
    if (n.type === "identifier") return n.text;
    if (n.type === "parenthesized_declarator") n = n.namedChildren[0] ?? null;
    else n = n.childForFieldName("declarator");
  }
  return undefined;
}

function functionName(def: Node): string | undefined {
  let d = def.childForFieldName("declarator");
  while (d && d.type !== "function_declarator") d = d.type === "parenthesized_declarator" ? d.namedChildren[0] ?? null : d.childForFieldName("declarator");
  return d ? declaredName(d.childForFieldName("declarator")) : undefined;
}

function collectLocals(def: Node): Set<string> {
  const locals = new Set<string>();
  const visit = (n: Node) => {
    if (n.type === "parameter_declaration" || n.type === "declaration") {
      for (const d of n.childrenForFieldName("declarator")) {
        const name = declaredName(d.type === "init_declarator" ? d.childForFieldName("declarator") : d);
        // a local prototype (`int f(void);`) declares a function, not a variable
        if (name && !containsFunctionDeclarator(d)) locals.add(name);
      }
    }
    for (const c of n.namedChildren) visit(c);
  };
  const params = def.childForFieldName("declarator");
  if (params) visit(params);
  const body = def.childForFieldName("body");
  if (body) visit(body);
  return locals;
}

/** `int f(void)` and `void *g(void)` declare functions; `void (*h)(int)` is a variable. */
function containsFunctionDeclarator(node: Node): boolean {
  let innermost = "";
  for (let n: Node | null = node; n && n.type !== "identifier"; ) {
    if (n.type === "parenthesized_declarator") { n = n.namedChildren[0] ?? null; continue; }
    innermost = n.type;
    n = n.childForFieldName("declarator");
  }
  return innermost === "function_declarator";
}

/**
 * Blanks #define/#include/... lines (keeping line numbers): macros are read
 * separately, and tree-sitter can misread a macro body with comments in it
 * (regcomp.c's ERROR_EXIT swallowed the definition of regcomp).
 */
function withoutDefinitions(text: string): string {
  return text.replace(/^[ \t]*#[ \t]*(?!if|ifdef|ifndef|elif|else|endif)\w+.*(?:\\\r?\n.*)*$/gm, (m) => m.replace(/[^\n]/g, " "));
}

export function parseCFile(source: string): CFileFacts {
  const text = withoutDefinitions(source);
  const tree = getParser().parse(text, undefined, { bufferSize: text.length + 1 });
  const functions: FunctionDef[] = [];
  const bodies: Array<[number, number]> = [];
  const variables: string[] = [];
  const visit = (n: Node) => {
    if (n.type === "declaration") {
      const storage = n.namedChildren.filter((c) => c.type === "storage_class_specifier").map((c) => c.text);
      if (storage.includes("static") || storage.includes("extern")) return;
      for (const d of n.childrenForFieldName("declarator")) {
        const name = declaredName(d.type === "init_declarator" ? d.childForFieldName("declarator") : d);
        if (name && !containsFunctionDeclarator(d)) variables.push(name);
      }
      return;
    }
    if (n.type === "function_definition") {
      const name = functionName(n);
      const body = n.childForFieldName("body");
      if (body) bodies.push([body.startIndex, body.endIndex]);
      if (name && body) {
        const head = text.slice(n.startIndex, body.startIndex);
        functions.push({
          name,
          isStatic: n.namedChildren.some((c) => c.type === "storage_class_specifier" && c.text === "static"),
          isWeak: /\bweak\b/.test(head),
          line: n.startPosition.row + 1,
          body: body.text,
          locals: collectLocals(n),
        });
      }
      return;
    }
    for (const c of n.namedChildren) visit(c);
  };
  visit(tree.rootNode);
  const aliases: Alias[] = [];
  for (const m of text.matchAll(/\b(weak|strong)_alias\s*\(\s*(\w+)\s*,\s*(\w+)\s*\)/g)) aliases.push({ target: m[2], alias: m[3], weak: m[1] === "weak" });
  let outside = "";
  let at = 0;
  for (const f of bodies) { outside += text.slice(at, f[0]) + " ".repeat(f[1] - f[0]); at = f[1]; }
  outside += text.slice(at);
  return { functions, aliases, variables, outside };
}
