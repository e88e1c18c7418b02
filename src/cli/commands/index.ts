/** The CLI's commands, in the order `autoport --help` lists them. */
import type { Command } from "../command.js";
import { analyze } from "./analyze.js";
import { batch } from "./batch.js";
import { build } from "./build.js";
import { port } from "./port.js";
import { run } from "./run.js";
import { syscalls } from "./syscalls.js";
import { worker } from "./worker.js";

export const commands: Command[] = [analyze, build, run, port, syscalls, batch, worker];
