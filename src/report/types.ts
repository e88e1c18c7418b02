/**
 * The report: what autoport learned about one app. Its JSON form is versioned
 * (REPORT_VERSION) and documented in docs/report-schema.md; change both together.
 */
export const REPORT_VERSION = 1;

/** Where a fact came from: the parsed sources, the link of the built objects, or the linked image. */
export type Layer = "source" | "link" | "image";

/** A syscall's state in our kernel core, from the module manifests. */
export type SyscallStatus = "implemented" | "partial" | "fake" | "stub" | "missing";

export interface Site {
  file: string; // relative to the source root
  line: number; // 1-based
  column: number; // 1-based
  /** The innermost preprocessor condition around the site (`defined(__linux__)`), or null. */
  cond: string | null;
  /** the function whose body holds the site, when there is one */
  function?: string;
}

export interface LibcUse {
  name: string;
  layer: Layer;
  /** how it was seen: call, value (function pointer), macro (inside a #define body) */
  kinds: Array<"call" | "value" | "macro">;
  sites: Site[];
  /** all sites seen; `sites` keeps the first 50 (by file, line) so reports stay readable */
  siteCount?: number;
  /** functions the compiler may call instead (printf -> puts); their syscalls are included */
  equivalents?: string[];
  /** set once the link layer ran: true when the built objects import it (a source fact the build confirms), false when no object does */
  linked?: boolean;
  /** syscall names this function can reach, from syscall-map/ */
  syscalls: string[];
}

export interface SyscallUse {
  name: string;
  nr: number;
  status: SyscallStatus;
  /** libc functions through which the app reaches it (a few; "startup" for musl's own paths) */
  via: string[];
  layer: Layer;
  /** kernel module that provides it, when any */
  module?: string;
}

export type ManualKind =
  | "fork"
  | "exec"
  | "spawn"
  | "sysv-ipc"
  | "dlopen"
  | "identity"
  | "ptrace"
  | "signal-other"
  | "threads";

export type ForkPattern = "daemonize" | "worker-pool" | "snapshot-child" | "fork-exec" | "other";

export interface ManualItem {
  symbol: string;
  kind: ManualKind;
  /** for fork-type calls, the pattern; otherwise the kind again */
  pattern: ForkPattern | string;
  file: string;
  line: number;
  /** the function the site sits in, when known */
  function?: string;
  hint: string;
  /** why this app needs no porting for it, from ports/<app>/port.json "manual" */
  explained?: string;
}

export interface Skipped {
  file: string;
  reason: string;
}

export interface Coverage {
  required: number;
  supported: number;
  ratio: number;
}

/** What shim generation decided for a syscall the kernel lacks. */
export interface ShimDecision {
  name: string;
  nr: number;
  action: "stub" | "fake";
  reason: string;
  /** "default" or "ports/<app>/port.json" */
  from: string;
}

export interface BuildInfo {
  target: string;
  /** why this program: "--target", "ports/<app>/port.json", "the only program the build linked", ... */
  targetFrom?: string;
  /** every program the build linked */
  candidates?: string[];
  /** how it was built: "configure", "make", "plain" (cc on the C files) or "port" (the recipe's commands) */
  system?: string;
  modules: string[];
  imageBytes: number;
  glueLines: number;
  shims: ShimDecision[];
}

export interface Report {
  version: number;
  app: string;
  source: string;
  /** absolute path of the analyzed tree on the machine that made the report */
  root?: string;
  /** for debian: sources, the source package and version apt fetched */
  debian?: { package: string; version: string };
  generated: string; // ISO date
  files: number;
  lines: number;
  layers: Layer[];
  libc: LibcUse[];
  syscalls: SyscallUse[];
  manual: ManualItem[];
  coverage: Coverage;
  skipped: Skipped[];
  build?: BuildInfo;
}
