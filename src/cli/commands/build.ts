import { buildSource } from "../../pipeline.js";
import { errors } from "../../errors.js";
import { list, num, str } from "../args.js";
import type { Command } from "../command.js";
import type { Report } from "../../report/types.js";

export const buildOptions = {
  out: { type: "string", short: "o", arg: "DIR", help: "output folder: image.elf, image.debug.elf, initrd.cpio, report.{json,md,html}, build.log" },
  target: { type: "string", arg: "NAME", help: "the program to take when the build links several" },
  file: { type: "string", multiple: true, arg: "HOST:GUEST", help: "put a host file or folder into the image's initrd (repeatable)" },
  jobs: { type: "string", short: "j", arg: "N", help: "parallel jobs for analysis and make (default: CPU count)" },
} as const;

/** One summary line per fact, for stdout (build) or stderr (port --run, whose stdout is the app's). */
export function buildSummary(dir: string, r: Report): string[] {
  const b = r.build!;
  const kb = (b.imageBytes / 1024).toFixed(1);
  const fakes = b.shims.filter((s) => s.action === "fake").map((s) => s.name);
  const stubs = b.shims.filter((s) => s.action === "stub").map((s) => s.name);
  return [
    `${dir}/image.elf: ${b.target} (${b.targetFrom ?? "chosen"}), ${kb} KB stripped`,
    `kernel modules: ${b.modules.join(" ")}`,
    `syscalls: ${r.coverage.supported} of ${r.coverage.required} supported; shims: ${fakes.length} fake${fakes.length ? ` (${fakes.join(" ")})` : ""}, ${stubs.length} stub${stubs.length ? ` (${stubs.join(" ")})` : ""}`,
    `report: ${dir}/report.md`,
  ];
}

export const build: Command = {
  name: "build",
  usage: "autoport build <source> -o DIR [--target NAME] [--file HOST:GUEST]...",
  options: buildOptions,
  async run(args) {
    const [spec, ...extra] = args.positionals;
    if (!spec) throw errors.badArgs("build needs a source: a folder, a tarball, a C file or debian:NAME");
    if (extra.length) throw errors.badArgs(`build takes one source, got also ${extra.join(" ")}`);
    const out = str(args, "out");
    if (!out) throw errors.badArgs("build needs -o DIR, the output folder");
    const built = await buildSource(spec, {
      out,
      target: str(args, "target"),
      files: list(args, "file"),
      jobs: str(args, "jobs") ? num(args, "jobs", 0) : undefined,
    });
    process.stdout.write(buildSummary(out, built.report).join("\n") + "\n");
    return 0;
  },
};
