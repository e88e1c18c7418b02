/** A parse worker: receives one file at a time, answers with its outcome. */
import { parentPort, workerData } from "node:worker_threads";
import { parseFile } from "./parse-file.js";
import type { Lang } from "./types.js";

export interface Task {
  id: number;
  abs: string;
  rel: string;
  lang: Lang;
  timeoutMs: number;
  forkNames?: Set<string>;
}

const keep = (workerData as { keep?: Set<string> } | undefined)?.keep;

parentPort!.on("message", (t: Task) => {
  try {
    parentPort!.postMessage({ id: t.id, ...parseFile(t.abs, t.rel, t.lang, t.timeoutMs, { keep, forkNames: t.forkNames }) });
  } catch (e) {
    parentPort!.postMessage({ id: t.id, error: (e as Error).message });
  }
});
