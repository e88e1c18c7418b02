import { runImage, guestReportLines } from "../../run/index.js";
import { errors, isAutoportError } from "../../errors.js";
import { bool, list, num, str } from "../args.js";
import type { Command } from "../command.js";
import type { AccelChoice, Machine } from "../../run/types.js";

const MACHINES = ["microvm", "pc"];
const ACCELS = ["kvm", "tcg", "auto"];

export const run: Command = {
  name: "run",
  usage: "autoport run <DIR|image.elf> [--mem MiB] [--machine microvm|pc] [--accel kvm|tcg|auto] [--timeout S] [--share HOST:GUEST]... [-- ARGS...]",
  failureCode: 125,
  options: {
    mem: { type: "string", arg: "MiB", help: "guest memory (default 128)" },
    machine: { type: "string", arg: "NAME", help: "microvm (default) or pc" },
    accel: { type: "string", arg: "NAME", help: "kvm, tcg or auto (default: KVM only where it is hardware virtualization)" },
    timeout: { type: "string", arg: "S", help: "stop the VM after S seconds and exit 124" },
    share: { type: "string", multiple: true, arg: "HOST:GUEST", help: "share a host folder at GUEST over 9p (repeatable)" },
    env: { type: "string", multiple: true, arg: "KEY=VALUE", help: "an environment variable for the app (repeatable)" },
    verbose: { type: "boolean", short: "v", help: "show the accelerator, the QEMU command and the kernel's boot log on stderr" },
  },
  async run(args) {
    const [image, ...extra] = args.positionals;
    if (!image) throw errors.badArgs("run needs an image: the folder `autoport build` wrote, or its image.elf");
    if (extra.length) throw errors.badArgs(`run takes one image; put the app's arguments after --: autoport run ${image} -- ${extra.join(" ")}`);
    const machine = str(args, "machine") ?? "microvm";
    if (!MACHINES.includes(machine)) throw errors.badArgs(`--machine takes microvm or pc, not "${machine}"`);
    const accel = str(args, "accel") ?? "auto";
    if (!ACCELS.includes(accel)) throw errors.badArgs(`--accel takes kvm, tcg or auto, not "${accel}"`);
    const verbose = bool(args, "verbose");
    const say = (line: string) => process.stderr.write(`${line}\n`);
    try {
      const r = await runImage(
        {
          image,
          args: args.rest,
          env: list(args, "env"),
          memMiB: num(args, "mem", 128),
          machine: machine as Machine,
          accel: accel as AccelChoice,
          timeout: num(args, "timeout", 0),
          verbose,
          shares: list(args, "share"),
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
  },
};
