// The same batch on a BullMQ queue: a local redis-server and two `autoport
// worker` processes give the same summary as the local pool, also when one
// worker is killed in the middle of a job.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { execa, type ResultPromise } from "execa";
import { autoport, bin, fixture, tempDir } from "../helpers/cli.js";
import { freePort } from "../helpers/net.js";

const APPS = ["hello", "forker", "echo-server", "no-sources"].map((a) => fixture("batch", a));

/** summary.json without what differs from run to run: times, memory, which worker */
function comparable(dir: string): any {
  const s = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
  delete s.generated;
  for (const a of s.apps) {
    delete a.ms;
    delete a.peakRssMb;
    delete a.worker;
  }
  return s;
}

async function startRedis(): Promise<{ url: string; proc: ResultPromise }> {
  const port = await freePort();
  const proc = execa("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { reject: false });
  await new Promise<void>((resolve, reject) => {
    proc.stdout!.on("data", (d: Buffer) => /Ready to accept connections/.test(d.toString()) && resolve());
    setTimeout(() => reject(new Error("redis-server did not start")), 10_000);
  });
  return { url: `redis://127.0.0.1:${port}`, proc };
}

function startWorker(url: string, env: Record<string, string> = {}): { proc: ResultPromise; log: () => string } {
  let log = "";
  const proc = execa("node", [bin, "worker", "--queue", url], { reject: false, env });
  proc.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  return { proc, log: () => log };
}

async function until(cond: () => boolean, ms: number): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("autoport batch --queue with autoport worker", () => {
  const local = join(tempDir(), "local");
  let redis: Awaited<ReturnType<typeof startRedis>>;
  const procs: ResultPromise[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    const r = await autoport(["batch", ...APPS, "-o", local]);
    expect(r.exitCode).toBe(0);
  });

  // each test's workers end with it, even when it fails: a leftover worker
  // would take the next test's jobs
  afterEach(async () => {
    for (const p of procs) p.kill("SIGKILL");
    await Promise.all(procs.splice(0));
  });

  afterAll(async () => {
    redis.proc.kill("SIGTERM");
    await redis.proc;
  });

  it("gives the same summary as the local pool", async () => {
    const workers = [startWorker(redis.url), startWorker(redis.url)];
    procs.push(...workers.map((w) => w.proc));
    const out = join(tempDir(), "queued");
    const r = await autoport(["batch", ...APPS, "-o", out, "--queue", redis.url]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.exitCode).toBe(0);
    expect(comparable(out)).toEqual(comparable(local));
    const done = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")).apps.map((a: any) => a.worker);
    expect(done.every((w: string) => /:\d+$/.test(w))).toBe(true);
  });

  it("re-queues the job of a worker killed mid-job and still gives the same summary", async () => {
    const slow = { AUTOPORT_BATCH_TEST_DELAY_MS: "2500" };
    const victim = startWorker(redis.url, slow);
    const survivor = startWorker(redis.url, slow);
    procs.push(victim.proc, survivor.proc);
    await until(() => /waiting for jobs/.test(victim.log()) && /waiting for jobs/.test(survivor.log()), 10_000);
    const out = join(tempDir(), "killed");
    const batch = autoport(["batch", ...APPS, "-o", out, "--queue", redis.url]);
    await until(() => /: started/.test(victim.log()), 20_000);
    const lost = victim.log().match(/: (\S+): started/)![1]!;
    victim.proc.kill("SIGKILL");
    const r = await batch;
    expect(r.exitCode).toBe(0);
    expect(comparable(out).apps).toEqual(comparable(local).apps);
    expect(comparable(out)).toEqual(comparable(local));
    // the lost app was done again, by the worker that lived
    const row = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")).apps.find((a: any) => a.name === lost);
    expect(row.worker).toMatch(new RegExp(`:${survivor.proc.pid}$`));
    expect(survivor.log()).toContain(`${lost}: started`);
  }, 120_000);
});
