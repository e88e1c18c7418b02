import type { SourceTree } from "../source/types.js";
import type { Report } from "../report/types.js";
import type { KernelTable } from "../manifests/index.js";
import type { SyscallMap } from "../syscall-map/index.js";

export interface AnalyzeOptions {
  /** parallel parse workers; default: CPU count */
  jobs?: number;
  /** per-file parse timeout in ms; slow files are skipped and reported */
  parseTimeoutMs?: number;
  /** restrict parsing to these files (relative to root), e.g. what the build compiled */
  files?: string[];
  /** the libc -> syscall map; default loadSyscallMap() (tests pass a small one) */
  syscallMap?: SyscallMap;
  /** the kernel's syscall table; default loadKernelTable() */
  kernel?: KernelTable;
}

/** The analyze stage's entry points (implemented in src/analyze/index.ts). */
export type AnalyzeTree = (tree: SourceTree, opts?: AnalyzeOptions) => Promise<Report>;
/** Adds the link layer: `nm -u` of the objects a build produced. */
export type AddLinkLayer = (report: Report, objects: string[]) => Promise<Report>;
/** Adds the image layer: syscall numbers reachable in the linked image. */
export type AddImageLayer = (report: Report, image: string) => Promise<Report>;
