/**
 * The analyze stage: parse the tree, keep the identifiers that are musl
 * exports, map them to syscalls, rate each against the kernel's manifests,
 * and list what needs manual porting. See types.ts and report/types.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { errors } from "../errors.js";
import { loadKernelTable } from "../manifests/index.js";
import { parseFiles, parseFunctions } from "../parse/index.js";
import { REPORT_VERSION, type ManualItem, type Report } from "../report/types.js";
import { loadSyscallMap } from "../syscall-map/index.js";
import { cFilesOf } from "./files.js";
import { forkItems } from "./forks.js";
import { headerMacros } from "./header-macros.js";
import { libcUses } from "./libc-uses.js";
import { forkCalls, manualNames, manualOf, needsPorting, sortManual, threadsHint } from "./manual.js";
import { muslExports } from "./musl-exports.js";
import { coverageOf, syscallUses } from "./reach.js";
import type { AnalyzeTree } from "./types.js";

export type { AnalyzeOptions, AnalyzeTree, AddImageLayer, AddLinkLayer } from "./types.js";
export { addLinkLayer } from "./link.js";
export { addImageLayer } from "./image.js";
export { supportedStatuses } from "./reach.js";
export { siteLimit } from "./libc-uses.js";

const signalsSelf = (call: string) => /^kill\s*\(\s*getpid\s*\(\s*\)/.test(call);

export const analyzeTree: AnalyzeTree = async (tree, opts = {}) => {
  const [map, table] = await Promise.all([opts.syscallMap ?? loadSyscallMap(), opts.kernel ?? loadKernelTable()]);
  const exports = await muslExports(map);
  const files = opts.files ?? tree.files ?? (tree.only ? [tree.only] : await cFilesOf(tree.root));
  if (!files.length) throw errors.noCSources(tree.root);

  const parseOpts = { jobs: opts.jobs, timeoutMs: opts.parseTimeoutMs };
  const parsed = await parseFiles(tree.root, files, { ...parseOpts, keep: new Set([...exports, ...manualNames, ...headerMacros.keys()]), forkNames: new Set(forkCalls) });
  const libc = libcUses(parsed.files, exports, map);
  const syscalls = syscallUses(libc, map, table, "source");

  const manual: ManualItem[] = await forkItems(tree.root, parsed.files, async (cuts, forkNames) =>
    parseFunctions(tree.root, cuts, { keep: new Set(), forkNames, timeoutMs: opts.parseTimeoutMs }),
  );
  for (const f of parsed.files) {
    let text: string[] | undefined;
    for (const o of f.occurrences) {
      const m = manualOf(o.name);
      if (!m || (m.kind === "fork" && o.kind === "call") || !needsPorting(m.kind, table)) continue; // fork calls come with their pattern
      if (m.kind === "signal-other") {
        // kill(getpid(), sig) signals the app itself, which works
        text ??= readFileSync(join(tree.root, f.file), "latin1").split("\n");
        if (signalsSelf(text[o.line - 1]?.slice(o.column - 1) ?? "")) continue;
      }
      manual.push({
        symbol: o.name,
        kind: m.kind,
        pattern: m.kind === "fork" ? "other" : m.kind,
        file: f.file,
        line: o.line,
        ...(o.fn ? { function: o.fn } : {}),
        hint: m.kind === "threads" ? threadsHint() : m.kind === "fork" ? `${m.hint} (${o.name} used as a ${o.kind === "value" ? "function pointer" : "macro body"})` : m.hint,
      });
    }
  }
  manual.sort(sortManual);

  return {
    version: REPORT_VERSION,
    app: tree.app,
    source: tree.spec,
    generated: new Date().toISOString(),
    files: parsed.files.length,
    lines: parsed.files.reduce((n, f) => n + f.lines, 0),
    layers: ["source"],
    libc,
    syscalls,
    manual,
    coverage: coverageOf(syscalls),
    skipped: parsed.skipped,
  } satisfies Report;
};
