/** Ports and processes for the tests that serve on the host's loopback. */
import { createServer } from "node:net";
import type { ResultPromise } from "execa";

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
