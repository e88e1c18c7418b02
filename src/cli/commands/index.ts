/** The CLI's commands, in the order `autoport --help` lists them. */
import type { Command } from "../command.js";
import { analyze } from "./analyze.js";
import { syscalls } from "./syscalls.js";

export const commands: Command[] = [analyze, syscalls];
