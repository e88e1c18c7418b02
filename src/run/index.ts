/**
 * The run stage: boots an image under QEMU wired as ARCHITECTURE.md's
 * guest/host contract says, and turns what the diagnostics channel reports
 * into the app's exit status.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { constants as osConstants, tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { errors } from "../errors.js";
import { chooseAccel } from "./accel.js";
import { hostFds, planConsole, ttyMask } from "./console.js";
import { parseDiagnostics, reportLines, statusOf } from "./diagnostics.js";
import { findBootFiles, hasDriver, type BootFiles } from "./image.js";
import { loadKernelTable } from "../manifests/index.js";
import { parsePublish } from "./publish.js";
import { qemuArgs, type QemuPlan } from "./qemu-args.js";
import type { RunOptions, RunResult } from "./types.js";

export type { RunOptions, RunResult, Outcome, HostFds } from "./types.js";
export { qemuArgs } from "./qemu-args.js";
export { parsePublish, type Publish } from "./publish.js";
export { parseDiagnostics, statusOf, reportLines } from "./diagnostics.js";
export { chooseAccel } from "./accel.js";

const QEMU = "qemu-system-x86_64";
const esc = (s: string) => s.replace(/,/g, ",,");

/** How long stdin may stay open before autoport says why the guest has not started. */
const STDIN_NOTICE_MS = 3000;

/** The whole of a non-terminal stdin: the guest reads it from fw_cfg and then sees its end. */
async function readAllStdin(): Promise<Buffer> {
  // A pipe that never ends (a server started with stdin open) would otherwise keep the guest from booting without a word.
  const notice = setTimeout(
    () => process.stderr.write("autoport: waiting for the end of stdin: the guest gets it whole before it boots (start a server with < /dev/null)\n"),
    STDIN_NOTICE_MS,
  );
  try {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  } finally {
    clearTimeout(notice);
  }
}

function nulList(items: string[]): Buffer {
  return Buffer.concat(items.map((s) => Buffer.from(`${s}\0`)));
}

/** Whether the image carries the module that provides socket() (by its build report, else the driver marker). */
async function hasNetwork(files: BootFiles): Promise<boolean> {
  const owner = (await loadKernelTable()).owner.get("socket")?.module;
  return owner ? hasDriver(files, owner) : false;
}

/** Runs the image; the app's fds 1 and 2 go straight to ours. Diagnostics come back in the result. */
export async function runImage(opts: RunOptions, log: (line: string) => void = () => {}): Promise<RunResult & { diagnostics: string[] }> {
  const files = findBootFiles(opts.image);
  const shares = (opts.shares ?? []).map((s, i) => {
    const at = s.indexOf(":");
    if (at <= 0 || !s.slice(at + 1).startsWith("/")) throw errors.badArgs(`--share takes HOST:/GUEST/PATH, not "${s}"`);
    const host = resolve(s.slice(0, at));
    if (!existsSync(host) || !statSync(host).isDirectory()) throw errors.badArgs(`--share: ${host} is not a folder`);
    return { tag: `share${i}`, host, guest: s.slice(at + 1) };
  });
  if (shares.length && !hasDriver(files, "9p")) {
    throw errors.imageLacksDriver(files.image, "9p (host folder shares)", "rebuild it with file support: `autoport build <source> -o DIR` for an app that opens files");
  }
  // The image is loaded at 1 MiB: below 2 MiB of RAM QEMU has nowhere to put it and the guest never starts.
  if (opts.memMiB !== undefined && opts.memMiB < 2) throw errors.badArgs(`--mem ${opts.memMiB} is too small: the image loads at 1 MiB, so the guest needs at least 2 MiB`);
  const publish = (opts.publish ?? []).map(parsePublish);
  if (publish.length && !(await hasNetwork(files))) {
    throw errors.imageLacksDriver(files.image, "network", "rebuild it from an app that uses sockets: `autoport build <source> -o DIR` adds the network modules when the app calls socket()");
  }

  const accel = chooseAccel(opts.accel);
  const fds = hostFds();
  const console = planConsole(fds);
  const tmp = mkdtempSync(join(tmpdir(), "autoport-run-"));
  try {
    const fwcfg: Record<string, string> = {};
    const put = (name: string, data: Buffer) => {
      if (data.length === 0) return; // absent means empty
      const file = join(tmp, basename(name));
      writeFileSync(file, data);
      fwcfg[name] = esc(file);
    };
    const argv0 = opts.argv0 ?? files.report?.build?.target ?? "app";
    put("opt/autoport/argv", nulList([argv0, ...opts.args]));
    put("opt/autoport/env", nulList(opts.env ?? []));
    if (console.stdinSource === "fwcfg") put("opt/autoport/stdin", await readAllStdin());

    const cmdline = [`autoport.tty=${ttyMask(fds)}`, `autoport.stdin=${console.stdinSource}`];
    if (fds.winsize) cmdline.push(`autoport.winsize=${fds.winsize.rows}x${fds.winsize.cols}`);
    for (const s of shares) cmdline.push(`autoport.mount=${s.tag}:${s.guest}`);
    if (opts.verbose) cmdline.push("autoport.verbose=1");

    const debugFile = join(tmp, "debugcon.log");
    const plan: QemuPlan = {
      image: files.image,
      initrd: files.initrd,
      machine: opts.machine ?? "microvm",
      accel: accel.accel,
      memMiB: opts.memMiB ?? 128,
      com1: console.com1,
      com2: console.com2,
      addFds: console.addFds,
      debugcon: `file:${debugFile}`,
      cmdline,
      fwcfg,
      shares: shares.map((s) => ({ tag: s.tag, host: esc(s.host) })),
      publish,
    };
    const args = qemuArgs(plan);
    log(`autoport: ${accel.reason}`);
    if (publish.some((f) => f.proto === "udp")) log("autoport: a udp: forward needs user networking without restrict=on (which drops the guest's UDP replies)");
    log(`autoport: ${QEMU} ${args.join(" ")}`);

    const { code, signal, stderr, timedOut, spawnError, stoppedBy } = await launch(args, console.stdio, opts.timeout);
    const transcript = existsSync(debugFile) ? readFileSync(debugFile, "latin1") : "";
    const outcome = parseDiagnostics(transcript);
    const diagnostics = transcript.split("\n").filter((l) => l !== "");
    const base = { outcome, accel: accel.accel, accelReason: accel.reason, timedOut, qemuStderr: stderr };
    if (spawnError) throw errors.missingTool(QEMU, "qemu-system-x86");
    // stopped from outside, like a native process killed by that signal
    if (stoppedBy) return { ...base, status: 128 + osConstants.signals[stoppedBy], diagnostics };
    const status = statusOf(outcome, timedOut);
    if (status !== undefined) return { ...base, status, diagnostics };
    const firstQemuLine = stderr.split("\n").find((l) => l.startsWith(QEMU) || /error|cannot|could not/i.test(l));
    if (diagnostics.length === 0) {
      throw errors.qemuFailed(firstQemuLine?.replace(/^qemu-system-x86_64: /, "") ?? `QEMU exited with ${signal ?? code} before the guest said anything`);
    }
    const err = errors.vmFailed(firstQemuLine ?? (code !== null && code % 2 === 1 ? "it stopped the VM without an @exit record" : `QEMU exited with ${signal ?? code}`));
    Object.assign(err, { diagnostics });
    throw err;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

interface Launched {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  timedOut: boolean;
  spawnError: boolean;
  /** the signal that stopped autoport (and so the VM) */
  stoppedBy?: NodeJS.Signals;
}

// Stopping autoport stops the VM: a server's QEMU must not outlive `kill` of its run.
const stopSignals: NodeJS.Signals[] = ["SIGTERM", "SIGINT", "SIGHUP"];

function launch(args: string[], stdio: Array<"pipe" | "ignore" | "inherit" | number>, timeoutS?: number): Promise<Launched> {
  return new Promise((done) => {
    const child = spawn(QEMU, args, { stdio });
    let stderr = "";
    let timedOut = false;
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString("latin1")));
    child.stdout?.on("data", (d: Buffer) => (stderr += d.toString("latin1")));
    const timer = timeoutS && timeoutS > 0
      ? setTimeout(() => {
          timedOut = true;
          child.kill("SIGKILL");
        }, timeoutS * 1000)
      : undefined;
    let stoppedBy: NodeJS.Signals | undefined;
    const stop = (sig: NodeJS.Signals) => {
      stoppedBy = sig;
      child.kill("SIGKILL");
    };
    for (const sig of stopSignals) process.on(sig, stop);
    const settle = (r: Launched) => {
      clearTimeout(timer);
      for (const sig of stopSignals) process.off(sig, stop);
      done(r);
    };
    child.on("error", () => settle({ code: null, signal: null, stderr, timedOut, spawnError: true }));
    child.on("close", (code, signal) => settle({ code, signal, stderr, timedOut, spawnError: false, stoppedBy }));
  });
}

export { reportLines as guestReportLines };
