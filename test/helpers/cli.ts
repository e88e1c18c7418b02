/** Runs the real CLI (bin/autoport.js) the way a user does. */
import { execa, type Options } from "execa";
import { fileURLToPath } from "node:url";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const bin = join(root, "bin", "autoport.js");

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function autoport(args: string[], opts: Options = {}): Promise<CliResult> {
  const r = await execa("node", [bin, ...args], { cwd: root, reject: false, stripFinalNewline: false, ...opts });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout ?? ""), stderr: String(r.stderr ?? "") };
}

export const tempDir = (prefix = "autoport-test-") => mkdtempSync(join(tmpdir(), prefix));
export const fixture = (...p: string[]) => join(root, "fixtures", ...p);

/** The shape every expected failure has: exactly one line, no stack trace. */
export function isOneLineError(stderr: string): boolean {
  const lines = stderr.trimEnd().split("\n");
  return lines.length === 1 && lines[0]!.startsWith("autoport: ") && !/\bat .*\.js:\d+/.test(stderr);
}
