/**
 * The CLI's commands, in the order `autoport --help` lists them. Each is
 * loaded only when used, so `autoport run` does not pay for BullMQ or
 * tree-sitter at start-up.
 */
import type { Command } from "../command.js";

export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

export const commands: CommandEntry[] = [
  { name: "analyze", summary: "find the libc functions and syscalls an app uses, and what needs manual porting", load: async () => (await import("./analyze.js")).analyze },
  { name: "build", summary: "build an app with its own build system and link it with the kernel into a bootable image", load: async () => (await import("./build.js")).build },
  { name: "run", summary: "boot an image under QEMU; its stdout, stderr and exit status become autoport's", load: async () => (await import("./run.js")).run },
  { name: "port", summary: "analyze, shim, build and link an app (and boot it with --run); `autoport <source>` is `port --run`", load: async () => (await import("./port.js")).port },
  { name: "syscalls", summary: "print the kernel core's syscall table: status and providing module", load: async () => (await import("./syscalls.js")).syscalls },
  { name: "batch", summary: "port many apps (Debian packages or folders) in one run: summary, coverage heatmap, ranking", load: async () => (await import("./batch.js")).batch },
  { name: "worker", summary: "take batch jobs from a BullMQ queue and run them (any number of machines)", load: async () => (await import("./worker.js")).worker },
];
