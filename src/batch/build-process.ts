/**
 * The process that builds (and boots) one app inside the sandbox, through the
 * pipeline's buildSource and the run stage's runImage, as `autoport port --run`
 * does. Argument: {source, stage, outDir, jobs, bootS}. Writes one JSON line
 * {status, stage, reason, code?} to fd 3: the app's own output, when it boots,
 * owns stdout and stderr.
 */
import { writeSync } from "node:fs";
import { isAutoportError } from "../errors.js";
import { buildSource } from "../pipeline.js";
import { reasonOf } from "./run-app.js";

interface Args {
  source: string;
  stage: "build" | "boot";
  outDir: string;
  jobs?: number;
  bootS: number;
}

const { source, stage, outDir, jobs, bootS } = JSON.parse(process.argv[2] ?? "{}") as Args;
const say = (o: object) => writeSync(3, JSON.stringify(o) + "\n");

try {
  const built = await buildSource(source, { out: outDir, jobs });
  if (stage === "build") say({ status: "ok", stage, reason: null });
  else {
    const { runImage, guestReportLines } = await import("../run/index.js");
    // the smoke command is the port's own arguments (ports/<app>/port.json "args"), if any
    const args = built.recipe.args ?? [];
    const r = await runImage({ image: outDir, args, timeout: bootS });
    const smoke = args.length ? `\`${[built.recipe.target ?? "app", ...args].join(" ")}\`` : "the app without arguments";
    if (r.timedOut) say({ status: "ok", stage, reason: `${smoke} was still running after ${bootS} s and was stopped (a server?)` });
    else if (r.status === 0) say({ status: "ok", stage, reason: null });
    else {
      const why = guestReportLines(r.outcome).join("; ");
      say({ status: "failed", stage, reason: `${smoke} exited with ${r.status}${why ? `: ${why}` : ""}`.slice(0, 400) });
    }
  }
} catch (e) {
  const s = isAutoportError(e) && (e.stage === "run" || e.code === "QEMU_FAILED") ? "boot" : "build";
  say({ status: "failed", stage: s, reason: reasonOf(e), ...(isAutoportError(e) ? { code: e.code } : {}) });
}
