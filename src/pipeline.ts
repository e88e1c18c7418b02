/**
 * The only place that knows the order of the stages.
 */
import { resolveSource } from "./source/index.js";
import { analyzeTree } from "./analyze/index.js";
import type { AnalyzeOptions } from "./analyze/types.js";
import type { Report } from "./report/types.js";
import type { SourceTree } from "./source/types.js";

export interface Analysis {
  tree: SourceTree;
  report: Report;
}

/** source → parse → analyze */
export async function analyzeSource(spec: string, opts: AnalyzeOptions = {}): Promise<Analysis> {
  const tree = await resolveSource(spec);
  const files = tree.only ? [tree.only] : opts.files;
  const report = await analyzeTree(tree, { ...opts, files });
  report.root = tree.root;
  if (tree.kind === "debian" && tree.version) report.debian = { package: packageOf(tree), version: tree.version };
  return { tree, report };
}

function packageOf(tree: SourceTree): string {
  // apt maps binary names to source packages; the source folder is NAME-UPSTREAMVERSION
  return tree.root.split("/").at(-1)!.replace(/-[0-9][^-]*$/, "") || tree.app;
}
