/**
 * The CLI: find the command, parse its flags, run it, map failures to exit
 * codes (design.md §7). `autoport <source>` alone means `port --run`.
 */
import { isAutoportError } from "../errors.js";
import { helpText, parseCommandArgs } from "./args.js";
import { normalizeOutputFlags } from "./output.js";
import type { Command } from "./command.js";
import { commands } from "./commands/index.js";

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "usage: autoport <command> [flags]   or   autoport <source> [-- ARGS]",
    "",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "autoport <command> --help shows a command's flags.",
    "",
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (!first || first === "--help" || first === "-h" || first === "help") {
    process.stdout.write(usage());
    return first ? 0 : 2;
  }
  if (first === "--version") {
    process.stdout.write("autoport 0.1.0\n");
    return 0;
  }
  const named = commands.find((c) => c.name === first);
  const port = commands.find((c) => c.name === "port");
  if (!named && first.startsWith("-")) return fail(`unknown flag ${first}; run \`autoport --help\``);
  if (!named && !port) return fail(`unknown command ${first}; run \`autoport --help\``);
  const entry = named ?? port!;
  const cmd: Command = await entry.load();
  const args = named ? rest : [first, "--run", ...rest];
  const debug = args.includes("--debug");
  try {
    const parsed = parseCommandArgs(cmd, normalizeOutputFlags(args, cmd.options));
    if (parsed.values.help) {
      process.stdout.write(helpText(cmd, entry.summary));
      return 0;
    }
    return await cmd.run(parsed);
  } catch (e) {
    const code = cmd.failureCode ?? 2;
    if (isAutoportError(e)) {
      const where = e.file && e.line ? ` (${e.file}:${e.line})` : "";
      process.stderr.write(`autoport: ${e.message}${where}; ${e.hint}\n`);
    } else {
      const msg = e instanceof Error ? e.message : String(e);
      process.stderr.write(`autoport: internal error: ${msg.split("\n")[0]}; rerun with --debug and report it\n`);
    }
    if (debug && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return code;
  }
}

function fail(msg: string): number {
  process.stderr.write(`autoport: ${msg}\n`);
  return 2;
}
