/** The build stage: the app's own build, run through the compiler wrapper. */

/** One `cc -c` the wrapper saw (absolute paths). */
export interface CompileRecord {
  kind: "compile";
  cwd: string;
  source: string;
  object: string;
}

/** One link of a program (or shared library) the wrapper saw (absolute paths). */
export interface LinkRecord {
  kind: "link";
  type: "program" | "shared";
  cwd: string;
  output: string;
  /** objects and archives, in link order */
  inputs: string[];
  /** `-l` names, in order */
  libs: string[];
  libdirs: string[];
}

export type BuildRecord = CompileRecord | LinkRecord;

export type BuildSystem = "port" | "configure" | "make" | "plain";

/** What ports/<app>/port.json may say about building. */
export interface BuildRecipe {
  /** shell commands replacing the inferred build (run in the source copy) */
  build?: string[];
  /** extra ./configure arguments */
  configure?: string[];
  /** extra make arguments (variables or targets) */
  make?: string[];
  /** extra environment for the build */
  env?: Record<string, string>;
  /** the program to take when the build links several */
  target?: string;
}

export interface BuildOptions {
  /** the source tree to build (it is copied; the original is never written) */
  root: string;
  app: string;
  /** for a single C file: the file, relative to root */
  only?: string;
  /** scratch folder for the copy, the wrapper and its log */
  workDir: string;
  /** where the build's own output goes (appended) */
  logFile: string;
  recipe?: BuildRecipe;
  /** --target: overrides recipe.target */
  target?: string;
  jobs?: number;
}

export interface BuildResult {
  system: BuildSystem;
  /** the chosen program: its name and absolute path in the work copy */
  target: string;
  program: string;
  /** why this one: "--target", "ports/<app>/port.json", "the only program", ... */
  targetFrom: string;
  /** every program the build linked (basenames) */
  candidates: string[];
  /** what to link with the kernel: the program's objects and archives, in order */
  objects: string[];
  /** -l libraries that are not part of musl and not found among the build's archives */
  unresolvedLibs: string[];
  records: BuildRecord[];
  /** the source copy the build ran in */
  buildRoot: string;
}
