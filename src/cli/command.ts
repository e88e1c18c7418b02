/** One CLI command: its flags (node's util.parseArgs format), help, and what it does. */
export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  /** shown in help; "FILE", "DIR", ... */
  arg?: string;
  help: string;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  /** everything after a bare `--` */
  rest: string[];
}

export interface Command {
  name: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /** exit code to use when it fails with an AutoportError (2, or 125 for run) */
  failureCode?: number;
  run(args: ParsedArgs): Promise<number>;
}
