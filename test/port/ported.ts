/**
 * Ported apps for the differential tests: `autoport port <spec> -o DIR` once
 * per test run, kept across runs under $XDG_CACHE_HOME/autoport/test-ports/
 * while nothing that shapes the image changed (the key hashes ports/<app>,
 * src/, kernel/ and syscall-map/, plus the Debian source version when it is
 * already fetched). CI starts with an empty cache and ports for real.
 * AUTOPORT_TEST_FRESH=1 ignores the cache.
 */
import { execa, type Options } from "execa";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { cp, mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { bin, root } from "../helpers/cli.js";

export interface Ported {
  /** the output folder: image.elf, report.json, ... */
  dir: string;
  /** the program the same build linked natively (musl, static) */
  native: string;
  /** the program's name, argv[0] in both runs */
  target: string;
  report: { manual: Array<{ symbol: string; explained?: string }>; build?: { imageBytes: number; target: string } };
  /** seconds `autoport port` took; 0 when the cache answered */
  seconds: number;
}

const cacheBase = () => join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "autoport", "test-ports");

function hashTree(h: ReturnType<typeof createHash>, dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) hashTree(h, p);
    else if (st.isFile()) h.update(`${p.slice(root.length)}\0`).update(readFileSync(p));
  }
}

function cacheKey(spec: string, app: string): string {
  const h = createHash("sha256").update(spec);
  for (const d of [join("ports", app), "src", "kernel", "syscall-map"]) hashTree(h, join(root, d));
  const marker = join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "autoport", "debian", app, ".autoport-source.json");
  if (existsSync(marker)) h.update(readFileSync(marker));
  return h.digest("hex").slice(0, 16);
}

function finished(dir: string): Ported | undefined {
  const reportFile = join(dir, "report.json");
  if (!existsSync(reportFile)) return undefined;
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as Ported["report"];
  const target = report.build?.target ?? "";
  const native = join(dir, "native", target);
  if (!target || !existsSync(native)) throw new Error(`${dir} holds no native/${target}: the port output lacks the natively built program`);
  return { dir, native, target, report, seconds: 0 };
}

/** Ports `spec` (e.g. debian:sqlite3) for ports/<app>, or takes the cached result. */
export async function portOnce(spec: string, app: string): Promise<Ported> {
  const cached = join(cacheBase(), `${app}-${cacheKey(spec, app)}`);
  if (!process.env.AUTOPORT_TEST_FRESH) {
    const hit = finished(cached);
    if (hit) return hit;
  }
  const work = await mkdtemp(join(tmpdir(), `autoport-port-${app}-`));
  const out = join(work, "out");
  const start = Date.now();
  const r = await execa("node", [bin, "port", spec, "-o", out], { cwd: root, reject: false, all: true });
  if (r.exitCode !== 0) throw new Error(`autoport port ${spec} exited with ${r.exitCode}:\n${r.all}\n${tailOf(join(out, "build.log"))}`);
  const seconds = (Date.now() - start) / 1000;
  await mkdir(cacheBase(), { recursive: true });
  const staging = `${cached}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await cp(out, staging, { recursive: true });
  await rm(cached, { recursive: true, force: true });
  await rename(staging, cached);
  // older keys of this app are stale: keep one entry per app
  for (const old of readdirSync(cacheBase())) if (old.startsWith(`${app}-`) && join(cacheBase(), old) !== cached) await rm(join(cacheBase(), old), { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
  return { ...finished(cached)!, seconds };
}

function tailOf(file: string): string {
  return existsSync(file) ? readFileSync(file, "latin1").split("\n").slice(-30).join("\n") : "";
}

export interface Ran {
  exitCode: number;
  stdout: Buffer;
  stderr: Buffer;
}

type RunOpts = Pick<Options, "cwd" | "env" | "inputFile" | "input" | "timeout">;

/** The natively built program, with argv[0] as in the guest and only the environment given (plus PATH). */
export async function runNative(p: Ported, args: string[], opts: RunOpts = {}): Promise<Ran> {
  const r = await execa(p.native, args, {
    argv0: p.target, reject: false, encoding: "buffer", stripFinalNewline: false, extendEnv: false,
    ...withInput(opts), env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...(opts.env ?? {}) },
  });
  return { exitCode: r.exitCode ?? -1, stdout: Buffer.from(r.stdout), stderr: Buffer.from(r.stderr) };
}

/** `autoport run DIR [--share ...] [--env ...] -- ARGS` as a user types it; stdin from a file or bytes. */
export async function runGuest(p: Ported, args: string[], opts: RunOpts & { shares?: string[]; guestEnv?: string[]; mem?: number } = {}): Promise<Ran> {
  const flags = [
    ...(opts.shares ?? []).flatMap((s) => ["--share", s]),
    ...(opts.guestEnv ?? []).flatMap((e) => ["--env", e]),
    ...(opts.mem ? ["--mem", String(opts.mem)] : []),
  ];
  const { shares: _s, guestEnv: _e, mem: _m, ...rest } = opts;
  const r = await execa("node", [bin, "run", p.dir, ...flags, "--", ...args], {
    cwd: root, reject: false, encoding: "buffer", stripFinalNewline: false, ...withInput(rest),
  });
  return { exitCode: r.exitCode ?? -1, stdout: Buffer.from(r.stdout), stderr: Buffer.from(r.stderr) };
}

/** No input given: an empty stdin that ends at once (not an open pipe nobody writes). */
function withInput<T extends RunOpts>(o: T): T {
  return o.input === undefined && o.inputFile === undefined ? { ...o, input: "" } : o;
}

/** Text for a failed comparison: both sides, short. */
export function show(r: Ran): string {
  return `exit ${r.exitCode}\n--- stdout\n${r.stdout.toString("latin1").slice(0, 2000)}\n--- stderr\n${r.stderr.toString("latin1").slice(0, 2000)}`;
}
