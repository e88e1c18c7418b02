import { runWorker } from "../../batch/index.js";
import { errors } from "../../errors.js";
import { num, str } from "../args.js";
import type { Command } from "../command.js";

export const worker: Command = {
  name: "worker",
  usage: "autoport worker --queue redis://HOST:PORT [--jobs N] [--max-jobs N]",
  options: {
    queue: { type: "string", arg: "URL", help: "the queue's Redis: redis://HOST:PORT" },
    jobs: { type: "string", short: "j", arg: "N", help: "jobs at a time (default 1)" },
    "max-jobs": { type: "string", arg: "N", help: "stop after N jobs (default: run until SIGINT/SIGTERM)" },
  },
  async run(args) {
    const url = str(args, "queue");
    if (!url) throw errors.badArgs("worker needs --queue redis://HOST:PORT");
    const jobs = num(args, "jobs", 1);
    if (jobs < 1 || !Number.isInteger(jobs)) throw errors.badArgs("--jobs takes a whole number of at least 1");
    await runWorker(url, { concurrency: jobs, maxJobs: num(args, "max-jobs", 0) });
    return 0;
  },
};
