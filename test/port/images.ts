/** Builds fixtures into images through the real CLI, once per test file. */
import { join } from "node:path";
import { autoport, fixture } from "../helpers/cli.js";

export async function buildFixture(name: string, outRoot: string): Promise<string> {
  const dir = join(outRoot, name);
  const r = await autoport(["build", fixture(name), "-o", dir]);
  if (r.exitCode !== 0) throw new Error(`autoport build ${name} exited ${r.exitCode}: ${r.stderr}`);
  return dir;
}

/** `autoport run` with a given stdin (a non-terminal stdin is read to its end). */
export const run = (args: string[], input = "") => autoport(["run", ...args], { input });
