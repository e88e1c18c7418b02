/** Runs one build command with its output appended to the build log. */
import { spawn } from "node:child_process";
import { appendFileSync, closeSync, openSync } from "node:fs";

export interface Step {
  /** shown in the log and in errors */
  title: string;
  cmd: string;
  args: string[];
}

/** Resolves with the exit status (or 127 when the command cannot start). */
export function runLogged(step: Step, cwd: string, env: Record<string, string>, logFile: string): Promise<number> {
  appendFileSync(logFile, `\n$ ${step.title}\n`);
  const fd = openSync(logFile, "a");
  return new Promise((resolve) => {
    const child = spawn(step.cmd, step.args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", fd, fd] });
    child.on("error", (e) => {
      appendFileSync(logFile, `autoport: cannot start ${step.cmd}: ${e.message}\n`);
      closeSync(fd);
      resolve(127);
    });
    child.on("close", (code, signal) => {
      closeSync(fd);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/** The last lines of the log that look like errors, for a one-line message. */
export function lastError(text: string): string {
  const lines = text.split("\n").filter((l) => /error|Error|No rule|not found|undefined reference/.test(l));
  return (lines.at(-1) ?? "").trim().slice(0, 160);
}
