/** A source tree on local disk, whatever the user passed. */
export interface SourceTree {
  /** short app name: the folder, tarball, file or package name */
  app: string;
  /** what the user typed: a path or debian:NAME */
  spec: string;
  kind: "folder" | "tarball" | "file" | "debian";
  /** absolute path of the unpacked tree (for a single C file, its folder) */
  root: string;
  /** the C and C++ files under root, relative and sorted (listed once, here) */
  files?: string[];
  /** for kind "file": the one C file, relative to root */
  only?: string;
  /** for kind "debian": the source package and version apt fetched */
  debian?: { package: string; version: string };
}
