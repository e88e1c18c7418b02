import { cacheDir } from "../../cache.js";
import { buildSource } from "../../pipeline.js";
import { errors, isAutoportError } from "../../errors.js";
import { bool, list, num, str } from "../args.js";
import { bootFromArgs, runOptions } from "../boot.js";
import type { Command } from "../command.js";
import { buildOptions, buildSummary } from "./build.js";

export const port: Command = {
  name: "port",
  usage: "autoport port <source> [-o DIR] [--target NAME] [--file HOST:GUEST]... [--run [--share HOST:GUEST]... [--mem MiB] [--timeout S]] [-- ARGS...]",
  options: {
    ...buildOptions,
    ...runOptions,
    out: { type: "string", short: "o", arg: "DIR", help: "output folder (default: ~/.cache/autoport/images/<app>)" },
    run: { type: "boolean", help: "boot the image afterwards; its stdout, stderr and exit status become autoport's" },
    verbose: { type: "boolean", short: "v", help: "progress, the QEMU command and the kernel's boot log on stderr" },
  },
  async run(args) {
    const [spec, ...extra] = args.positionals;
    if (!spec) throw errors.badArgs("port needs a source: a folder, a tarball, a C file or debian:NAME");
    if (extra.length) throw errors.badArgs(`port takes one source; put the app's arguments after --: autoport port ${spec} -- ${extra.join(" ")}`);
    const boot = bool(args, "run");
    const verbose = bool(args, "verbose");
    const say = (l: string) => process.stderr.write(`${l}\n`);
    const app = spec.replace(/\/+$/, "").split("/").at(-1)!.replace(/^debian:/, "").replace(/\.(c|tar\.\w+|tgz)$/, "");
    const out = str(args, "out") ?? cacheDir("images", app);
    const built = await buildSource(spec, {
      out,
      target: str(args, "target"),
      files: list(args, "file"),
      jobs: str(args, "jobs") ? num(args, "jobs", 0) : undefined,
      progress: verbose ? (l) => say(`autoport: ${l}`) : undefined,
    });
    const summary = buildSummary(out, built.report);
    if (!boot) {
      process.stdout.write(summary.join("\n") + "\n");
      return 0;
    }
    // the app owns stdout now: the summary goes to stderr, and only when asked
    if (verbose) summary.forEach((l) => say(`autoport: ${l}`));
    try {
      return await bootFromArgs(args, out, args.rest.length ? args.rest : built.recipe.args ?? []);
    } catch (e) {
      // a failed boot after a good build is a run failure: 125, as `autoport run` says
      if (isAutoportError(e)) {
        say(`autoport: ${e.message}; ${e.hint}`);
        return 125;
      }
      throw e;
    }
  },
};
