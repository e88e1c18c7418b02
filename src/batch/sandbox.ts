/**
 * Builds run the app's own scripts, so they run under bubblewrap: no network,
 * a read-only view of the machine, writes only to the app's work folder and a
 * private /tmp, and, when autoport runs as root, as user nobody. When bwrap
 * cannot create its namespaces here, builds run unsandboxed after a warning.
 */
import { chown, mkdir } from "node:fs/promises";
import { homedir } from "node:os";
import { execa } from "execa";

export const NOBODY = 65534;

export interface SandboxPlan {
  /** the command to run instead: bwrap's argv prefix followed by the real command */
  wrap(cmd: string, args: string[]): { cmd: string; args: string[] };
  /** "bwrap, no network, writes only to WORK, as nobody" or why there is none */
  describe: string;
  sandboxed: boolean;
}

let probed: Promise<string | null> | undefined;

/** null when bwrap works here, else why not (one line). Probed once per process. */
export function probeBwrap(): Promise<string | null> {
  probed ??= execa("bwrap", ["--unshare-net", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--", "true"], { reject: false }).then(
    (r) => (r.exitCode === 0 ? null : (r as { code?: string }).code === "ENOENT" ? "bwrap is not installed (apt-get install bubblewrap)" : (r.stderr.split("\n")[0] ?? `bwrap exited ${r.exitCode}`)),
  );
  return probed;
}

/**
 * The sandbox for one build. readOnly paths stay visible (the source cache
 * lives under /root, which nobody cannot enter, so it is re-mounted above a
 * private /root); workDir is the only writable place besides /tmp.
 */
export async function sandboxFor(workDir: string, readOnly: string[] = []): Promise<SandboxPlan> {
  await mkdir(workDir, { recursive: true });
  const why = await probeBwrap();
  if (why) {
    return { sandboxed: false, describe: `no sandbox: ${why}`, wrap: (cmd, args) => ({ cmd, args }) };
  }
  const root = process.getuid?.() === 0;
  if (root) await chown(workDir, NOBODY, NOBODY);
  const home = homedir();
  const binds = ["--unshare-net", "--unshare-ipc", "--unshare-uts", "--die-with-parent", "--new-session"];
  binds.push("--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp");
  // hide the invoking user's home, then show only what the build must read
  binds.push("--tmpfs", home);
  for (const p of readOnly) binds.push("--ro-bind", p, p);
  binds.push("--bind", workDir, workDir, "--chdir", workDir, "--setenv", "HOME", workDir);
  const prefix = root ? ["setpriv", `--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", "bwrap", "--unshare-user"] : ["bwrap"];
  return {
    sandboxed: true,
    describe: `bwrap: no network, writes only to ${workDir} and a private /tmp${root ? ", as user nobody" : ""}`,
    wrap: (cmd, args) => ({ cmd: prefix[0]!, args: [...prefix.slice(1), ...binds, "--", cmd, ...args] }),
  };
}
