import { parseArgs } from "node:util";
import { errors } from "../errors.js";
import type { Command, ParsedArgs } from "./command.js";

/** Options every command takes. */
export const commonOptions = {
  debug: { type: "boolean", help: "print the stack of an error" },
  help: { type: "boolean", short: "h", help: "show this help" },
} as const;

export function parseCommandArgs(cmd: Command, argv: string[]): ParsedArgs {
  const dash = argv.indexOf("--");
  const mine = dash < 0 ? argv : argv.slice(0, dash);
  const rest = dash < 0 ? [] : argv.slice(dash + 1);
  const options = Object.fromEntries(
    Object.entries({ ...commonOptions, ...cmd.options }).map(([k, o]) => [
      k,
      { type: o.type, ...("short" in o && o.short ? { short: o.short } : {}), ...("multiple" in o && o.multiple ? { multiple: true } : {}) },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({ args: mine, options, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs["values"], positionals, rest };
  } catch (e) {
    throw errors.badArgs(`${cmd.name}: ${(e as Error).message.split("\n")[0]}`);
  }
}

export const str = (a: ParsedArgs, k: string): string | undefined => {
  const v = a.values[k];
  return typeof v === "string" ? v : undefined;
};
export const bool = (a: ParsedArgs, k: string): boolean => a.values[k] === true;
export const list = (a: ParsedArgs, k: string): string[] => {
  const v = a.values[k];
  return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
};

/** A number flag, checked. */
export function num(a: ParsedArgs, k: string, fallback: number): number {
  const v = str(a, k);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw errors.badArgs(`--${k} takes a non-negative number, not "${v}"`);
  return n;
}

export function helpText(cmd: Command, summary: string): string {
  const lines = [`usage: ${cmd.usage}`, "", summary, ""];
  for (const [k, o] of Object.entries({ ...cmd.options, ...commonOptions })) {
    const flag = `${"short" in o && o.short ? `-${o.short}, ` : ""}--${k}${"arg" in o && o.arg ? ` ${o.arg}` : ""}`;
    lines.push(`  ${flag.padEnd(28)} ${o.help}`);
  }
  return lines.join("\n") + "\n";
}
