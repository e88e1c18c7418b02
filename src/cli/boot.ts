/** Booting an image from the CLI: the flags `run` and `port --run` share, and what they print. */
import { runImage, guestReportLines } from "../run/index.js";
import { errors, isAutoportError } from "../errors.js";
import { bool, list, num, str } from "./args.js";
import type { ParsedArgs } from "./command.js";
import type { AccelChoice, Machine } from "../run/types.js";

const MACHINES = ["microvm", "pc"];
const ACCELS = ["kvm", "tcg", "auto"];

export const runOptions = {
  mem: { type: "string", arg: "MiB", help: "guest memory (default 128)" },
  machine: { type: "string", arg: "NAME", help: "microvm (default) or pc" },
  accel: { type: "string", arg: "NAME", help: "kvm, tcg or auto (default: KVM only where it is hardware virtualization)" },
  timeout: { type: "string", arg: "S", help: "stop the VM after S seconds and exit 124" },
  share: { type: "string", multiple: true, arg: "HOST:GUEST", help: "share a host folder at GUEST over 9p (repeatable)" },
  publish: { type: "string", multiple: true, arg: "[udp:]HOSTPORT:PORT", help: "forward the host's 127.0.0.1:HOSTPORT to the app's TCP PORT, or UDP PORT with udp: (repeatable; the guest reaches no other network, unless a udp: forward needs QEMU's unrestricted user network)" },
  env: { type: "string", multiple: true, arg: "KEY=VALUE", help: "an environment variable for the app (repeatable)" },
  verbose: { type: "boolean", short: "v", help: "show the accelerator, the QEMU command and the kernel's boot log on stderr" },
} as const;

const say = (line: string) => process.stderr.write(`${line}\n`);

/** Boots image with the run flags in args; returns the app's exit status. */
export async function bootFromArgs(args: ParsedArgs, image: string, appArgs: string[]): Promise<number> {
  const machine = str(args, "machine") ?? "microvm";
  if (!MACHINES.includes(machine)) throw errors.badArgs(`--machine takes microvm or pc, not "${machine}"`);
  const accel = str(args, "accel") ?? "auto";
  if (!ACCELS.includes(accel)) throw errors.badArgs(`--accel takes kvm, tcg or auto, not "${accel}"`);
  const verbose = bool(args, "verbose");
  try {
    const r = await runImage(
      {
        image,
        args: appArgs,
        env: list(args, "env"),
        memMiB: num(args, "mem", 128),
        machine: machine as Machine,
        accel: accel as AccelChoice,
        timeout: num(args, "timeout", 0),
        verbose,
        shares: list(args, "share"),
        publish: list(args, "publish"),
      },
      verbose ? say : undefined,
    );
    // the boot log only when asked (or, in the catch below, when the VM failed);
    // faults and unsupported syscalls always, as one-line reports
    if (verbose) r.diagnostics.forEach(say);
    else guestReportLines(r.outcome).forEach(say);
    if (r.timedOut) say(`autoport: --timeout ${str(args, "timeout")} expired; the VM was stopped`);
    return r.status;
  } catch (e) {
    const diag = (e as { diagnostics?: string[] }).diagnostics;
    if (isAutoportError(e) && diag) diag.forEach(say);
    throw e;
  }
}
