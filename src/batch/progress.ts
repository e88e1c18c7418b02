/**
 * Progress on stderr: on a terminal, a live block with each running job's app
 * and stage, done/total and an estimate of the time left, redrawn in place;
 * otherwise one plain line per app started and finished.
 */
import type { AppResult } from "./types.js";

export interface Progress {
  start(name: string, worker?: string): void;
  stage(name: string, stage: string): void;
  done(r: AppResult, note?: string): void;
  close(): void;
}

const secs = (ms: number) => (ms >= 60_000 ? `${Math.floor(ms / 60_000)}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, "0")}s` : `${(ms / 1000).toFixed(1)}s`);

export function lineOf(r: AppResult): string {
  if (r.status === "ok") return `${r.name}: ok, ${r.syscalls.covered}/${r.syscalls.required} syscalls covered, ${r.manual} manual (${secs(r.ms)})`;
  if (r.status === "skipped") return `${r.name}: skipped: ${r.reason}`;
  return `${r.name}: failed at ${r.stage}: ${r.reason}`;
}

export function makeProgress(total: number, out: NodeJS.WriteStream = process.stderr, live = Boolean(out.isTTY)): Progress {
  const active = new Map<string, { stage: string; since: number; worker?: string }>();
  let done = 0;
  let ran = 0;
  const t0 = Date.now();
  let drawn = 0;
  const eta = () => (ran === 0 ? "?" : secs(((Date.now() - t0) / ran) * (total - done)));
  const clear = () => {
    if (drawn) out.write(`\x1b[${drawn}A\x1b[J`);
    drawn = 0;
  };
  const draw = () => {
    if (!live) return;
    clear();
    const width = out.columns || 100;
    const lines = [`[${done}/${total}] ${active.size} running, about ${eta()} left`];
    for (const [name, a] of active) lines.push(`  ${name.padEnd(16)} ${a.stage.padEnd(8)} ${secs(Date.now() - a.since)}${a.worker ? `  (${a.worker})` : ""}`);
    out.write(lines.map((l) => l.slice(0, width - 1)).join("\n") + "\n");
    drawn = lines.length;
  };
  const timer = live ? setInterval(draw, 250) : undefined;
  timer?.unref();
  return {
    start(name, worker) {
      active.set(name, { stage: "source", since: Date.now(), worker });
      if (!live) out.write(`autoport batch: ${name}: started${worker ? ` on ${worker}` : ""}\n`);
      draw();
    },
    stage(name, stage) {
      const a = active.get(name);
      if (a) a.stage = stage;
    },
    done(r, note) {
      active.delete(r.name);
      done++;
      if (!note) ran++;
      clear();
      out.write(`autoport batch: [${done}/${total}] ${lineOf(r)}${note ? ` (${note})` : ""}\n`);
      draw();
    },
    close() {
      if (timer) clearInterval(timer);
      clear();
    },
  };
}
