// Builds of downloaded apps run in bubblewrap: no network, writes only to the
// work folder, as nobody when autoport runs as root.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:net";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { probeBwrap, sandboxFor } from "../../src/batch/sandbox.js";
import { root, tempDir } from "../helpers/cli.js";

describe("the build sandbox", async () => {
  const why = await probeBwrap();
  const work = join(tempDir(), "work");
  const outside = tempDir();
  let server: Server;
  let port = 0;

  beforeAll(async () => {
    server = createServer((c) => c.end("hello\n"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => server.close());

  const inBox = async (script: string) => {
    const box = await sandboxFor(work);
    const { cmd, args } = box.wrap("bash", ["-c", script]);
    return execa(cmd, args, { reject: false });
  };

  it.runIf(why !== null)("falls back with a reason when bwrap cannot run here", async () => {
    const box = await sandboxFor(work);
    expect(box.sandboxed).toBe(false);
    expect(box.describe).toMatch(/^no sandbox: /);
  });

  it.runIf(why === null)("lets the build write its work folder and nothing else", async () => {
    const project = join(root, "fixtures", "batch");
    const r = await inBox(`echo built > ${work}/out.o; echo x > ${outside}/escaped; echo x > ${project}/escaped; echo x > /tmp/private && echo tmp-ok`);
    expect(r.stdout).toContain("tmp-ok");
    expect(existsSync(join(work, "out.o"))).toBe(true);
    expect(existsSync(join(outside, "escaped"))).toBe(false);
    expect(existsSync(join(project, "escaped"))).toBe(false);
    expect(existsSync("/tmp/private")).toBe(false);
    // outside paths are read-only, or not there at all when they lie under the hidden /tmp
    expect(r.stderr).toMatch(/Read-only file system|Permission denied|No such file or directory/);
  });

  it.runIf(why === null)("has no network, not even the host's loopback", async () => {
    const host = await execa("bash", ["-c", `exec 3<>/dev/tcp/127.0.0.1/${port} && head -1 <&3`], { reject: false });
    expect(host.stdout).toBe("hello"); // the server is reachable from outside the sandbox
    const r = await inBox(`exec 3<>/dev/tcp/127.0.0.1/${port} && head -1 <&3`);
    expect(r.exitCode).not.toBe(0);
    expect(r.stdout).not.toContain("hello");
  });

  it.runIf(why === null && process.getuid?.() === 0)("runs as user nobody when autoport is root", async () => {
    const r = await inBox("id -u");
    expect(r.stdout.trim()).toBe("65534");
    expect((await sandboxFor(work)).describe).toContain("as user nobody");
  });
});
