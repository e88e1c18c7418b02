// redis from Debian's source (ports/redis): its background threads run on the
// thread module and its clients come through the socket module. The same
// redis-cli session gets the same replies from the natively built server on
// the host's loopback and from the guest behind `autoport run --publish`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execa, type ResultPromise } from "execa";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "../helpers/cli.js";
import { portOnce, type Ported } from "../port/ported.js";
import { useLwip } from "./net-lwip.js";
import { freePort, runPublished, stopGroup } from "../helpers/net.js";

let p: Ported;
let tmp = "";
const started: ResultPromise[] = [];

// Replies that do not depend on time or on the machine.
const session = [
  "PING",
  "SET greeting hello",
  "GET greeting",
  "APPEND greeting ', world'",
  "GET greeting",
  "INCR visits",
  "INCRBY visits 41",
  "RPUSH queue a b c d",
  "LRANGE queue 0 -1",
  "LPOP queue",
  "HSET user name ada lang c",
  "HGET user lang",
  "SADD tags x",
  "SCARD tags",
  "EXISTS greeting nothing",
  "DEL greeting",
  "GET greeting",
  "DBSIZE",
  "NOSUCHCOMMAND",
].join("\n");


/** Waits until the server answers PING (QEMU's forward accepts before the guest does). */
async function ready(port: number, seconds: number): Promise<void> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const r = await execa("redis-cli", ["-p", String(port), "PING"], { reject: false, timeout: 5000 });
    if (r.stdout.trim() === "PONG") return;
    if (Date.now() > end) throw new Error(`redis on 127.0.0.1:${port} did not answer PING within ${seconds} s`);
    await new Promise((ok) => setTimeout(ok, 300));
  }
}

async function transcript(port: number): Promise<string> {
  return (await execa("redis-cli", ["-p", String(port)], { input: session, timeout: 30_000 })).stdout;
}

beforeAll(async () => {
  await useLwip();
  p = await portOnce("debian:redis", "redis");
  if (p.seconds) console.log(`autoport port debian:redis: ${p.seconds.toFixed(0)} s`);
  tmp = await mkdtemp(join(tmpdir(), "autoport-redis-"));
}, 900_000);

afterAll(async () => {
  for (const r of started) stopGroup(r);
  await rm(tmp, { recursive: true, force: true });
});

describe("redis ported from Debian", () => {
  it("answers the same redis-cli session natively and from the guest", async () => {
    const nativePort = await freePort();
    // the image's configuration, with the host's loopback, a free port and a scratch folder
    const conf = (await readFile(join(root, "ports", "redis", "rootfs", "etc", "redis", "redis.conf"), "utf8"))
      .replace("port 6379", `port ${nativePort}`)
      .replace("bind 0.0.0.0", "bind 127.0.0.1")
      .replace("dir /data", `dir ${tmp}`);
    await writeFile(join(tmp, "redis.conf"), conf);
    const native = execa(p.native, [join(tmp, "redis.conf")], { reject: false, detached: true, timeout: 120_000 });
    started.push(native);
    await ready(nativePort, 30);
    const want = await transcript(nativePort);
    stopGroup(native);
    expect(want).toContain("hello, world");
    expect(want).toContain("ERR unknown command");

    const host = await freePort();
    const guest = runPublished(p.dir, host, 6379, 200, ["/etc/redis/redis.conf"]);
    started.push(guest);
    await ready(host, 120);
    const got = await transcript(host);
    stopGroup(guest);
    const out = await guest;
    expect(got).toBe(want);
    expect(out.all ?? "").toContain("Ready to accept connections");
  }, 400_000);
});
