/** The shape of syscall-map/musl-libc.json (documented in syscall-map/README.md). */
export interface MuslMapFile {
  version: 1;
  /** musl version, e.g. "1.2.3" */
  musl: string;
  /** the Debian source package it was derived from, e.g. "musl 1.2.3-1" */
  source: string;
  /** the libc.a whose global function symbols are the exports */
  archive: string;
  /** sorted global function symbols of libc.a */
  exports: string[];
  /** syscalls every program reaches through musl's startup and exit paths */
  startup: string[];
  /** every export -> sorted syscalls it can reach ([] when it issues none) */
  functions: Record<string, string[]>;
  /** exports with no definition found in the source, so their list is unknown */
  unresolved: string[];
  /** syscalls musl's source names that x86_64 lacks (other architectures' fallbacks), never counted */
  dropped: string[];
}
