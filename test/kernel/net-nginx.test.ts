// nginx from Debian's source (ports/nginx), one process serving static files:
// natively on the host's loopback and in the guest behind
// `autoport run --publish`, the same requests get the same answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execa, type ResultPromise } from "execa";
import { request } from "node:http";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "../helpers/cli.js";
import { portOnce, type Ported } from "../port/ported.js";
import { useLwip } from "./net-lwip.js";
import { freePort, runPublished, stopGroup } from "../helpers/net.js";

const rootfs = join(root, "ports", "nginx", "rootfs");
let p: Ported;
let tmp = "";
const started: ResultPromise[] = [];

interface Answer { status: number; type: string; length: string; body: string }


function get(port: number, path: string): Promise<Answer | null> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path, agent: false, timeout: 10_000 }, (res) => {
      let body = "";
      res.setEncoding("latin1");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), length: String(res.headers["content-length"]), body }));
      res.on("error", () => resolve(null));
    });
    req.on("error", () => resolve(null));
    req.on("timeout", () => req.destroy());
    req.end();
  });
}

/** The first answer once the server listens (QEMU's forward accepts before the guest does). */
async function firstAnswer(port: number, path: string, seconds: number): Promise<Answer> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const a = await get(port, path);
    if (a) return a;
    if (Date.now() > end) throw new Error(`no HTTP answer on 127.0.0.1:${port} within ${seconds} s`);
    await new Promise((ok) => setTimeout(ok, 300));
  }
}

async function answers(port: number): Promise<Answer[]> {
  return [await firstAnswer(port, "/", 90), (await get(port, "/missing"))!, (await get(port, "/index.html"))!];
}

beforeAll(async () => {
  await useLwip();
  p = await portOnce("debian:nginx", "nginx");
  if (p.seconds) console.log(`autoport port debian:nginx: ${p.seconds.toFixed(0)} s`);
  tmp = await mkdtemp(join(tmpdir(), "autoport-nginx-"));
}, 900_000);

afterAll(async () => {
  for (const r of started) stopGroup(r);
  await rm(tmp, { recursive: true, force: true });
});

describe("nginx ported from Debian", () => {
  it("serves the same answers natively and from the guest", async () => {
    const nativePort = await freePort();
    // /tmp/ first: the checkout itself may live under /tmp (CI clones into mktemp -d)
    const conf = (await readFile(join(rootfs, "etc", "nginx", "nginx.conf"), "utf8"))
      .replaceAll("/tmp/", `${tmp}/`)
      .replace("listen 8080;", `listen 127.0.0.1:${nativePort};`)
      .replace("root /var/www;", `root ${join(rootfs, "var", "www")};`);
    await writeFile(join(tmp, "nginx.conf"), conf);
    const native = execa(p.native, ["-p", tmp, "-c", join(tmp, "nginx.conf"), "-e", "stderr"], { reject: false, detached: true, timeout: 120_000 });
    started.push(native);
    const want = await answers(nativePort);
    stopGroup(native);
    expect(want[0].status).toBe(200);
    expect(want[0].body).toContain("nginx in a unikernel");
    expect(want[1].status).toBe(404);

    const host = await freePort();
    const guest = runPublished(p.dir, host, 8080, 150);
    started.push(guest);
    const got = await answers(host);
    stopGroup(guest);
    const out = await guest;
    expect(got).toEqual(want);
    expect(out.all ?? "").not.toMatch(/\[emerg\]/);
  }, 300_000);
});
