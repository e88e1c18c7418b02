/** The diagnostics channel (debugcon): human text plus `@` records (ARCHITECTURE.md). */
import type { Outcome } from "./types.js";

const FIELD = /(\w+)=(\S+)/g;

function fields(line: string): Record<string, string> {
  return Object.fromEntries([...line.matchAll(FIELD)].map((m) => [m[1]!, m[2]!]));
}

export function parseDiagnostics(transcript: string): Outcome {
  const out: Outcome = { unsupported: [], sawMain: false, text: [] };
  for (const line of transcript.split("\n")) {
    if (line === "") continue;
    if (line.startsWith("@exit ")) {
      const n = Number(line.slice(6).trim());
      if (Number.isInteger(n)) out.exit = n & 255;
    } else if (line.startsWith("@fault ")) {
      const s = Number(fields(line).signal);
      out.fault = { signal: Number.isInteger(s) ? s : 11, line };
    } else if (line.startsWith("@unsupported ")) {
      const f = fields(line);
      out.unsupported.push({ name: f.name ?? "?", nr: Number(f.nr ?? -1), line });
    } else if (line.startsWith("@main")) {
      out.sawMain = true;
    } else if (!line.startsWith("@")) {
      out.text.push(line);
    }
  }
  return out;
}

/**
 * autoport run's exit status: the app's own, 128+signal on a fault, 124 on
 * --timeout, undefined when the VM ended without saying (a failure of the VM).
 */
export function statusOf(o: Outcome, timedOut: boolean): number | undefined {
  if (timedOut) return 124;
  if (o.fault) return 128 + o.fault.signal;
  return o.exit;
}

/** Lines for autoport's stderr about what the guest reported, without the boot log. */
export function reportLines(o: Outcome): string[] {
  const lines = o.unsupported.map((u) => `autoport: the app called ${u.name} (syscall ${u.nr}), which this image lacks; it returned ENOSYS`);
  if (o.fault) {
    // the fault record plus the human lines the kernel printed about it (registers, backtrace)
    const i = o.text.findIndex((l) => /fault|exception|panic/i.test(l));
    lines.push(`autoport: the app crashed: ${o.fault.line.slice(1)}`, ...(i >= 0 ? o.text.slice(i) : []));
  }
  return lines;
}
