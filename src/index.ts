/** autoport's API: what the CLI calls, usable from other programs too. */
export { analyzeSource } from "./pipeline.js";
export type { Analysis } from "./pipeline.js";
export { resolveSource } from "./source/index.js";
export { reporters, writeReports, writeFileAtomic } from "./report/index.js";
export { loadKernelTable, loadManifests, statusOf } from "./manifests/index.js";
export { AutoportError, errors } from "./errors.js";
export type { Report } from "./report/types.js";
export type { SourceTree } from "./source/types.js";
