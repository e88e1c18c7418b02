/** Ports and processes for the tests that serve on the host's loopback. */
import { createServer } from "node:net";
import { execa, type ResultPromise } from "execa";
import { bin, root } from "./cli.js";

/** A port nothing listens on: bind one, close it. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Kills a process started with `detached: true` and its whole group (autoport and its QEMU). */
export function stopGroup(run: ResultPromise): void {
  try {
    process.kill(-run.pid!, "SIGKILL");
  } catch {
    /* already gone */
  }
}

/** `autoport run DIR --publish HOSTPORT:PORT` in its own process group, stdin closed, output kept. */
export function runPublished(dir: string, host: number, port: number, timeoutS: number, args: string[] = []): ResultPromise<{ all: true }> {
  const tail = args.length ? ["--", ...args] : [];
  return execa("node", [bin, "run", dir, "--publish", `${host}:${port}`, "--timeout", String(timeoutS), ...tail], { cwd: root, reject: false, detached: true, all: true, stdin: "ignore" });
}
