import { resolve } from "node:path";
import { runBatch, resolveApps } from "../../batch/index.js";
import { STAGES, type BatchStage } from "../../batch/types.js";
import { errors } from "../../errors.js";
import { bool, num, str } from "../args.js";
import type { Command } from "../command.js";

export const batch: Command = {
  name: "batch",
  usage: "autoport batch [APPS...] [--set popcon|cli|FILE.json] [-o DIR] [--jobs N] [--stage analyze|build|boot] [--resume] [--timeout S] [--queue redis://HOST:PORT]",
  options: {
    set: { type: "string", arg: "NAME", help: "an app set from data/apps (popcon, cli) or a .json file; default popcon when no APPS" },
    out: { type: "string", short: "o", arg: "DIR", help: "output folder (default: batch-out)" },
    jobs: { type: "string", short: "j", arg: "N", help: "apps at a time on this machine (default 2)" },
    stage: { type: "string", arg: "STAGE", help: "how far to take each app: analyze (default), build, boot" },
    resume: { type: "boolean", help: "skip apps whose result file DIR/apps/NAME.json exists" },
    timeout: { type: "string", arg: "S", help: "seconds per app before its job is killed (default 900; 0: none)" },
    queue: { type: "string", arg: "URL", help: "run on a BullMQ queue at redis://HOST:PORT (workers: autoport worker)" },
  },
  async run(args) {
    const stage = (str(args, "stage") ?? "analyze") as BatchStage;
    if (!STAGES.includes(stage)) throw errors.badArgs(`--stage takes analyze, build or boot, not "${stage}"`);
    const jobs = num(args, "jobs", 2);
    if (jobs < 1 || !Number.isInteger(jobs)) throw errors.badArgs("--jobs takes a whole number of at least 1");
    const { apps, set } = await resolveApps(args.positionals, str(args, "set"));
    if (apps.length === 0) throw errors.badArgs("batch has no apps to process");
    const outDir = resolve(str(args, "out") ?? "batch-out");
    const { summary, pngNote } = await runBatch({
      apps,
      set,
      outDir,
      jobs,
      stage,
      resume: bool(args, "resume"),
      timeoutS: num(args, "timeout", 900),
      queue: str(args, "queue"),
    });
    const t = summary.totals;
    process.stdout.write(
      `autoport batch: ${t.apps} apps: ${t.ok} ok, ${t.failed} failed, ${t.skipped} skipped; ${t.fullyCovered.length} fully covered by ${t.kernelSyscalls} syscalls; ${t.distinctSyscalls} distinct syscalls\n`,
    );
    if (pngNote) process.stdout.write(`autoport batch: ${pngNote}; the SVG and HTML are written\n`);
    process.stdout.write(`autoport batch: wrote ${outDir}/summary.json, summary.md, index.html, heatmap.svg${pngNote ? "" : ", heatmap.png"}\n`);
    return 0;
  },
};
