/**
 * Builds run the app's own scripts, so they run under bubblewrap: no network,
 * a read-only view of the machine, writes only to the app's work folder and a
 * private /tmp, and, when autoport runs as root, as user nobody. When bwrap
 * cannot create its namespaces here, builds run unsandboxed after a warning.
 */
import { chown, mkdir } from "node:fs/promises";
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { execa } from "../execa.js";

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
 * Folders on the way to `paths` that user nobody cannot enter (a 0700 /root
 * or mkdtemp folder): the sandbox puts an empty tmpfs over each and mounts the
 * needed paths again inside it, so nobody reaches them and nothing else.
 */
export function closedAncestors(paths: string[]): string[] {
  const closed = new Set<string>();
  for (const p of paths) {
    const chain: string[] = [];
    for (let d = dirname(p); d !== "/"; d = dirname(d)) chain.unshift(d);
    const first = chain.find((d) => {
      try {
        return (statSync(d).mode & 0o001) === 0;
      } catch {
        return false;
      }
    });
    if (first) closed.add(first);
  }
  // an outer closed folder already hides the inner ones
  return [...closed].filter((c) => ![...closed].some((o) => o !== c && c.startsWith(`${o}/`))).sort();
}

/** A folder nobody may not enter itself (a 0700 mkdtemp clone, say). */
function closedToOthers(p: string): boolean {
  try {
    const st = statSync(p);
    return st.isDirectory() && (st.mode & 0o005) !== 0o005;
  } catch {
    return false;
  }
}

/**
 * bwrap arguments that show p read-only. A bind keeps the folder's own mode,
 * so a folder closed to others is rebuilt as an open tmpfs holding a
 * read-only bind of each of its entries.
 */
function readOnlyView(p: string, root: boolean): string[] {
  if (!root || !closedToOthers(p)) return ["--ro-bind", p, p];
  const out = ["--perms", "0755", "--tmpfs", p];
  for (const e of readdirSync(p)) out.push("--ro-bind", join(p, e), join(p, e));
  return out;
}

/**
 * The sandbox for one build: readOnly paths (the project, the source tree,
 * node) stay visible; workDir is the only writable place besides a private
 * /tmp; mounts are further read-only views at other places (inside workDir).
 */
export async function sandboxFor(workDir: string, readOnly: string[] = [], mounts: Array<[src: string, dest: string]> = []): Promise<SandboxPlan> {
  await mkdir(workDir, { recursive: true });
  const why = await probeBwrap();
  if (why) {
    return { sandboxed: false, describe: `no sandbox: ${why}`, wrap: (cmd, args) => ({ cmd, args }) };
  }
  const root = process.getuid?.() === 0;
  if (root) await chown(workDir, NOBODY, NOBODY);
  const binds = ["--unshare-net", "--unshare-ipc", "--unshare-uts", "--die-with-parent", "--new-session"];
  binds.push("--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--perms", "1777", "--tmpfs", "/tmp");
  const visible = [...readOnly, dirname(dirname(process.execPath))];
  const under = (p: string, d: string) => p === d || p.startsWith(`${d}/`);
  const hidden = (root ? closedAncestors([...visible, workDir]) : []).filter((d) => !under(d, "/tmp"));
  for (const d of hidden) binds.push("--tmpfs", d);
  // inside a fresh tmpfs, make the way down to each mounted path open to nobody
  const made = new Set<string>();
  for (const p of [...visible, workDir]) {
    const top = [...hidden, "/tmp"].find((d) => p !== d && under(p, d));
    if (!top) continue;
    const chain: string[] = [];
    for (let a = dirname(p); a !== top && a !== "/"; a = dirname(a)) chain.unshift(a);
    for (const a of chain) if (!made.has(a) && made.add(a)) binds.push("--perms", "0755", "--dir", a);
    if (p !== workDir) binds.push(...readOnlyView(p, root));
  }
  binds.push("--bind", workDir, workDir, "--chdir", workDir, "--setenv", "HOME", workDir);
  // read-only views placed inside the work folder, so they come after it
  for (const [src, dest] of mounts) binds.push("--ro-bind", src, dest);
  // as root, bwrap mounts with root's rights, then the build drops to nobody with no capabilities
  const drop = root ? ["setpriv", `--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", "--inh-caps=-all", "--bounding-set=-all"] : [];
  return {
    sandboxed: true,
    describe: `bwrap: no network, writes only to ${workDir} and a private /tmp${root ? ", as user nobody" : ""}`,
    wrap: (cmd, args) => ({ cmd: "bwrap", args: [...binds, "--", ...drop, cmd, ...args] }),
  };
}
