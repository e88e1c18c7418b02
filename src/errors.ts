/**
 * Every failure autoport expects is an AutoportError: a code, a one-line
 * message naming the problem, and a hint saying what to do. The CLI prints
 * message and hint and exits 2 (125 for `run`); `--debug` adds the stack.
 * Codes are sorted; add one factory per code.
 */
export type ErrorCode =
  | "BAD_ARGS"
  | "BUILD_FAILED"
  | "CORRUPT_ARCHIVE"
  | "DEBSRC_DISABLED"
  | "FETCH_FAILED"
  | "IMAGE_LACKS_DRIVER"
  | "IMAGE_NOT_FOUND"
  | "KERNEL_BUILD_FAILED"
  | "LINK_FAILED"
  | "MISSING_TOOL"
  | "NO_C_SOURCES"
  | "NOT_TEXT"
  | "OUTPUT_FULL"
  | "OUTPUT_UNWRITABLE"
  | "QEMU_FAILED"
  | "QUEUE_UNREACHABLE"
  | "SOURCE_NOT_FOUND"
  | "UNKNOWN_APP"
  | "UNKNOWN_APP_SET"
  | "UNKNOWN_PACKAGE"
  | "VM_FAILED";

export interface ErrorInfo {
  file?: string;
  line?: number;
  stage?: string;
}

export class AutoportError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly file?: string;
  readonly line?: number;
  readonly stage?: string;

  constructor(code: ErrorCode, message: string, hint: string, info: ErrorInfo = {}) {
    super(message);
    this.name = "AutoportError";
    this.code = code;
    this.hint = hint;
    this.file = info.file;
    this.line = info.line;
    this.stage = info.stage;
  }
}

export const isAutoportError = (e: unknown): e is AutoportError => e instanceof AutoportError;

export const errors = {
  badArgs: (what: string) =>
    new AutoportError("BAD_ARGS", what, "run `autoport --help` for the commands and flags"),
  buildFailed: (app: string, log: string, detail = "") =>
    new AutoportError(
      "BUILD_FAILED",
      `the build of ${app} failed${detail ? `: ${detail}` : ""}`,
      `read ${log}; add what the build needs to ports/${app}/port.json`,
      { stage: "build" },
    ),
  corruptArchive: (path: string, detail: string) =>
    new AutoportError("CORRUPT_ARCHIVE", `${path} is not a readable tarball (${detail})`, "check the download, or pass the unpacked folder", { file: path, stage: "source" }),
  debsrcDisabled: () =>
    new AutoportError(
      "DEBSRC_DISABLED",
      "apt has no deb-src entries, so `apt-get source` cannot fetch Debian sources",
      "run scripts/setup (it adds deb-src to /etc/apt/sources.list.d/debian.sources and runs apt-get update)",
      { stage: "source" },
    ),
  fetchFailed: (name: string, detail: string) =>
    new AutoportError("FETCH_FAILED", `could not download the Debian source of ${name} (${detail})`, "run `apt-get update` and retry; the mirror may lack this version", { stage: "source" }),
  imageLacksDriver: (image: string, driver: string, rebuild: string) =>
    new AutoportError("IMAGE_LACKS_DRIVER", `${image} has no ${driver} driver`, rebuild, { stage: "run" }),
  imageNotFound: (path: string, why: string) =>
    new AutoportError("IMAGE_NOT_FOUND", `${path} ${why}`, "build one with `autoport build <source> -o DIR`, then `autoport run DIR`", { file: path, stage: "run" }),
  kernelBuildFailed: (log: string) =>
    new AutoportError("KERNEL_BUILD_FAILED", "the kernel core did not build", `read ${log}`, { stage: "build" }),
  kernelModuleSource: (module: string, pkg: string) =>
    new AutoportError("KERNEL_BUILD_FAILED", `kernel module ${module} compiles from Debian's ${pkg} source, and this build has no way to fetch it`, "build through `autoport build` or `autoport port`, which fetch it with apt-get source", { stage: "image" }),
  linkFailed: (log: string, detail = "") =>
    new AutoportError("LINK_FAILED", `linking the image failed${detail ? `: ${detail}` : ""}`, `read ${log}`, { stage: "image" }),
  missingTool: (tool: string, pkg: string) =>
    new AutoportError("MISSING_TOOL", `${tool} is not installed`, `run scripts/setup, or apt-get install ${pkg}`),
  noCSources: (dir: string) =>
    new AutoportError("NO_C_SOURCES", `${dir} holds no C sources (.c or .h)`, "point autoport at the folder with the app's C files", { file: dir, stage: "source" }),
  notText: (path: string) =>
    new AutoportError("NOT_TEXT", `${path} is neither a folder, a tarball nor a C file`, "pass a folder, a .tar.gz/.tar.xz/.tar.bz2, a .c file or debian:NAME", { file: path, stage: "source" }),
  outputFull: (dir: string) =>
    new AutoportError("OUTPUT_FULL", `the disk holding ${dir} is full (ENOSPC)`, "free some space or choose another folder with -o; --resume then carries on", { file: dir }),
  outputUnwritable: (path: string, detail: string) =>
    new AutoportError("OUTPUT_UNWRITABLE", `cannot write ${path} (${detail})`, "choose a writable output path with -o or check its permissions and free space", { file: path }),
  qemuFailed: (detail: string) =>
    new AutoportError("QEMU_FAILED", `QEMU failed before the app started: ${detail}`, "run with --verbose to see QEMU's own message", { stage: "run" }),
  queueUnreachable: (url: string, detail: string) =>
    new AutoportError("QUEUE_UNREACHABLE", `cannot reach the queue at ${url} (${detail})`, "start redis-server there or drop --queue to use the local worker pool", { stage: "batch" }),
  sourceNotFound: (path: string) =>
    new AutoportError("SOURCE_NOT_FOUND", `${path} does not exist`, "pass an existing folder, tarball, C file, or debian:NAME", { file: path, stage: "source" }),
  unknownApp: (name: string) =>
    new AutoportError(
      "UNKNOWN_APP",
      `unknown app ${name}: not a folder, not an app of a set in data/apps, and not a Debian source package`,
      "pass a folder, debian:PKG, or a name `apt-cache showsrc NAME` knows (run apt-get update if apt's lists are old)",
      { stage: "batch" },
    ),
  unknownAppSet: (name: string, known: string[]) =>
    new AutoportError("UNKNOWN_APP_SET", `unknown app set ${name}`, `use one of ${known.join(", ") || "(none found in data/apps)"}, or a .json file in the same shape`, { stage: "batch" }),
  unknownPackage: (name: string) =>
    new AutoportError("UNKNOWN_PACKAGE", `Debian has no source package named ${name}`, `check the name with \`apt-cache showsrc ${name}\``, { stage: "source" }),
  vmFailed: (detail: string) =>
    new AutoportError("VM_FAILED", `the VM stopped without the app's exit status: ${detail}`, "the kernel's diagnostics above say why; rerun with --verbose for the boot log", { stage: "run" }),
};
