import { errors } from "../../errors.js";
import { bootFromArgs, runOptions } from "../boot.js";
import type { Command } from "../command.js";

export const run: Command = {
  name: "run",
  usage: "autoport run <DIR|image.elf> [--mem MiB] [--machine microvm|pc] [--accel kvm|tcg|auto] [--timeout S] [--share HOST:GUEST]... [--publish [udp:]HOSTPORT:PORT]... [-- ARGS...]",
  failureCode: 125,
  options: runOptions,
  async run(args) {
    const [image, ...extra] = args.positionals;
    if (!image) throw errors.badArgs("run needs an image: the folder `autoport build` wrote, or its image.elf");
    if (extra.length) throw errors.badArgs(`run takes one image; put the app's arguments after --: autoport run ${image} -- ${extra.join(" ")}`);
    return bootFromArgs(args, image, args.rest);
  },
};
