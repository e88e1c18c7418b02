/**
 * A job process: runs one app (run-app.ts) and sends the outcome to its parent
 * over the IPC channel. A separate process so that a timeout can kill it, its
 * memory goes when it ends, and its peak memory can be measured.
 * Messages out: {type: "stage", stage} while working, then {type: "result", result, report}.
 */
import { runApp, type RunAppOptions } from "./run-app.js";
import type { AppSpec } from "./types.js";

// the parent is gone (a killed worker): stop rather than work for no one
process.on("disconnect", () => process.exit(1));

const send = (m: unknown) => new Promise<void>((res) => process.send!(m, () => res()));

process.once("message", async (msg: { app: AppSpec; opts: RunAppOptions }) => {
  const { result, report } = await runApp(msg.app, { ...msg.opts, onStage: (stage) => void send({ type: "stage", stage }) });
  result.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  await send({ type: "result", result, report });
  process.disconnect();
});
