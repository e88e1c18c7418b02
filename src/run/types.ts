/** The run stage: boot an image under QEMU as if it were the app run natively. */

export type Machine = "microvm" | "pc";
export type AccelChoice = "kvm" | "tcg" | "auto";

export interface RunOptions {
  /** image.elf, or an output folder holding one */
  image: string;
  /** argv after argv[0] */
  args: string[];
  /** argv[0]; default: the program name from the report, else "app" */
  argv0?: string;
  env?: string[];
  memMiB?: number;
  machine?: Machine;
  accel?: AccelChoice;
  /** seconds; 0 or undefined: none */
  timeout?: number;
  verbose?: boolean;
  /** HOST:GUEST folder shares over 9p */
  shares?: string[];
  /** HOSTPORT:GUESTPORT TCP forwards from the host's 127.0.0.1 to the guest */
  publish?: string[];
}

/** What each of the app's fds 0/1/2 is on the host. */
export type FdKind = "tty" | "file" | "fifo" | "socket" | "chardev" | "closed";

export interface HostFds {
  stdin: FdKind;
  stdout: FdKind;
  stderr: FdKind;
  /** whether our fds 1 and 2 are open write-only (then QEMU gets them through an fd set) */
  writeOnly?: [boolean, boolean];
  /** for TIOCGWINSZ, when any fd is a terminal */
  winsize?: { rows: number; cols: number };
}

/** What the diagnostics channel said. */
export interface Outcome {
  exit?: number;
  fault?: { signal: number; line: string };
  unsupported: Array<{ name: string; nr: number; line: string }>;
  sawMain: boolean;
  /** every line that is not an `@` record */
  text: string[];
}

export interface RunResult {
  /** the exit status autoport returns (design.md §7) */
  status: number;
  outcome: Outcome;
  accel: "kvm" | "tcg";
  accelReason: string;
  timedOut: boolean;
  /** QEMU's own stderr */
  qemuStderr: string;
}
