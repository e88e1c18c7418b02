import { analyzeSource } from "../../pipeline.js";
import { reporters, writeFileAtomic, type Format } from "../../report/index.js";
import { errors } from "../../errors.js";
import { bool, num, str } from "../args.js";
import type { Command } from "../command.js";

const FORMATS = ["json", "md", "html"] as const;

export const analyze: Command = {
  name: "analyze",
  usage: "autoport analyze <source> [--json [FILE]] [--md [FILE]] [--html [FILE]] [--strict]",
  options: {
    json: { type: "string", arg: "[FILE]", help: "write the JSON report (no FILE or -: stdout)" },
    md: { type: "string", arg: "[FILE]", help: "write the Markdown report" },
    html: { type: "string", arg: "[FILE]", help: "write the HTML report" },
    strict: { type: "boolean", help: "exit 1 when anything is missing or needs manual porting" },
    jobs: { type: "string", short: "j", arg: "N", help: "parallel parse workers (default: CPU count)" },
  },
  async run(args) {
    const [spec, ...extra] = args.positionals;
    if (!spec) throw errors.badArgs("analyze needs a source: a folder, a tarball, a C file or debian:NAME");
    if (extra.length) throw errors.badArgs(`analyze takes one source, got also ${extra.join(" ")}`);
    const jobs = str(args, "jobs") ? num(args, "jobs", 0) : undefined;
    const { report } = await analyzeSource(spec, { jobs });
    let toStdout = false;
    // render everything first: nothing is written unless all of it can be
    const outputs = FORMATS.flatMap((f) => {
      const dest = str(args, f);
      return dest === undefined ? [] : [{ dest, body: reporters[f as Format](report) }];
    });
    for (const { dest, body } of outputs) {
      if (dest === "-") {
        process.stdout.write(body);
        toStdout = true;
      } else await writeFileAtomic(dest, body);
    }
    if (!toStdout) process.stdout.write(reporters.text(report));
    const findings = report.manual.length > 0 || report.coverage.supported < report.coverage.required;
    return bool(args, "strict") && findings ? 1 : 0;
  },
};
