/**
 * Runs parse tasks on worker threads, one file per message, biggest first.
 * A watchdog ends a worker that overruns a file (tree-sitter's own timeout
 * covers parsing; the watchdog covers everything else) and starts a new one.
 */
import { Worker } from "node:worker_threads";
import type { FileOutcome } from "./parse-file.js";
import type { Task } from "./worker.js";

type Reply = { id: number } & (FileOutcome | { error: string });

const fromSource = import.meta.url.endsWith(".ts");

// V8's heap sizes: Node refuses them in a worker's execArgv (a batch job runs
// with --max-old-space-size), so they pass as the worker's resourceLimits.
const HEAP_FLAG = /^--max-old-space-size=(\d+)$/;

// Workers inherit node's flags, but not those of a `node -e` script (they would apply to the worker's file).
function workerFlags(): string[] {
  const out: string[] = [];
  const flags = process.execArgv;
  for (let i = 0; i < flags.length; i++) {
    if (/^(-e|--eval|-p|--print)$/.test(flags[i])) i++;
    else if (!/^(--input-type|--eval=|--print=|--max-old-space-size=|--max-semi-space-size=)/.test(flags[i])) out.push(flags[i]);
  }
  return out;
}

function heapLimit(): { maxOldGenerationSizeMb: number } | undefined {
  const mb = process.execArgv.map((f) => HEAP_FLAG.exec(f)?.[1]).find(Boolean);
  return mb ? { maxOldGenerationSizeMb: Number(mb) } : undefined;
}

function spawn(keep: ReadonlySet<string> | undefined): Worker {
  const workerData = { keep };
  const resourceLimits = heapLimit();
  if (!fromSource) return new Worker(new URL("./worker.js", import.meta.url), { workerData, execArgv: workerFlags(), resourceLimits });
  // Under vitest the sources are TypeScript: load the worker through esbuild's hook.
  const entry = new URL("./worker.ts", import.meta.url).href;
  const loader = new URL("./ts-loader.mjs", import.meta.url).href;
  const code = `require("node:module").register(${JSON.stringify(loader)}); import(${JSON.stringify(entry)});`;
  return new Worker(code, { eval: true, workerData, resourceLimits });
}

export async function runPool(tasks: Task[], jobs: number, keep: ReadonlySet<string> | undefined, watchdogMs: number): Promise<Map<number, FileOutcome>> {
  const results = new Map<number, FileOutcome>();
  const queue = [...tasks];
  let failure: Error | undefined;

  const lane = async (): Promise<void> => {
    let worker = spawn(keep);
    let answered = false; // a worker that dies before its first answer cannot start: that is a bug, not a file
    try {
      for (let t = queue.shift(); t && !failure; t = queue.shift()) {
        const task = t;
        const outcome = await new Promise<FileOutcome | "timeout">((resolve, reject) => {
          const timer = setTimeout(() => resolve("timeout"), watchdogMs);
          const done = () => {
            clearTimeout(timer);
            worker.off("message", onMessage);
            worker.off("error", onError);
          };
          const onMessage = (r: Reply) => {
            if (r.id !== task.id) return;
            done();
            answered = true;
            if ("error" in r) {
              if (r.error.startsWith("query ")) reject(new Error(r.error));
              else resolve({ skipped: `parser error: ${r.error}` });
            } else resolve(r);
          };
          // A worker that dies (out of memory, say) costs only its file.
          const onError = (e: Error) => {
            done();
            if (answered) resolve({ skipped: `the parse worker died: ${e.message}` });
            else reject(e);
          };
          worker.on("message", onMessage);
          worker.on("error", onError);
          worker.postMessage(task);
        });
        if (outcome === "timeout" || ("skipped" in outcome && outcome.skipped.startsWith("the parse worker died"))) {
          await worker.terminate();
          worker = spawn(keep);
          answered = false;
        }
        results.set(task.id, outcome === "timeout" ? { skipped: `analysis took over ${watchdogMs} ms` } : outcome);
      }
    } catch (e) {
      failure ??= e as Error;
    } finally {
      await worker.terminate();
    }
  };

  await Promise.all(Array.from({ length: jobs }, lane));
  if (failure) throw failure;
  return results;
}
