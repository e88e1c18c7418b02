/** The compiler wrapper put first on PATH as cc, gcc and musl-gcc. */
import { existsSync } from "node:fs";
import { mkdir, symlink } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { errors } from "../errors.js";

/** src/build/cc-wrapper.sh (also used from dist/build: the script is not compiled). */
export const wrapperScript = fileURLToPath(new URL("../../src/build/cc-wrapper.sh", import.meta.url));
export const MUSL_SPECS = "/usr/lib/x86_64-linux-musl/musl-gcc.specs";
const NAMES = ["cc", "gcc", "musl-gcc"];

export interface Toolchain {
  binDir: string;
  logFile: string;
  env: Record<string, string>;
}

/** Makes DIR/bin with the wrapper under each compiler name, and the environment that uses it. */
export async function makeToolchain(dir: string): Promise<Toolchain> {
  if (!existsSync(MUSL_SPECS)) throw errors.missingTool("musl-gcc", "musl-tools musl-dev");
  const realCc = ["/usr/bin/x86_64-linux-gnu-gcc", "/usr/bin/gcc"].find((p) => existsSync(p));
  if (!realCc) throw errors.missingTool("gcc", "gcc");
  const binDir = join(dir, "bin");
  await mkdir(binDir, { recursive: true });
  for (const n of NAMES) if (!existsSync(join(binDir, n))) await symlink(wrapperScript, join(binDir, n));
  const logFile = join(dir, "compiles.jsonl");
  return {
    binDir,
    logFile,
    env: {
      PATH: `${binDir}:${process.env.PATH ?? "/usr/bin:/bin"}`,
      CC: "cc",
      AUTOPORT_REAL_CC: realCc,
      AUTOPORT_MUSL_SPECS: MUSL_SPECS,
      AUTOPORT_BUILD_LOG: logFile,
      AUTOPORT_OBJ_DIR: join(dir, "objs"),
    },
  };
}
