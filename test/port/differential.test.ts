// Differential: the same program run natively (musl-gcc -static) and in the
// unikernel through the CLI, with the same shell redirections, writes the
// same bytes to stdout and to stderr and exits with the same status.
import { beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bin, fixture, tempDir } from "../helpers/cli.js";
import { buildFixture } from "./images.js";

const out = tempDir("autoport-diff-");
const dirs: Record<string, string> = {};
const natives: Record<string, string> = {};

beforeAll(async () => {
  for (const f of ["streams", "conformance"]) {
    dirs[f] = await buildFixture(f, out);
    natives[f] = join(out, `${f}-native`);
    execFileSync("musl-gcc", ["-static", "-O2", "-o", natives[f]!, fixture(f, `${f}.c`)]);
  }
}, 300_000);

/** `CMD > o 2> e < in` in a shell; returns the bytes and the status. */
function redirected(cmd: string[], input: Buffer, tag: string) {
  const inFile = join(out, `${tag}.in`);
  writeFileSync(inFile, input);
  const o = join(out, `${tag}.out`), e = join(out, `${tag}.err`);
  const quoted = cmd.map((c) => `'${c}'`).join(" ");
  const r = spawnSync("sh", ["-c", `${quoted} > '${o}' 2> '${e}' < '${inFile}'`]);
  return { status: r.status, stdout: readFileSync(o), stderr: readFileSync(e) };
}

describe("streams: autoport run DIR > o 2> e < in equals the native run", () => {
  const input = Buffer.concat([Buffer.from("first line\nsecond\n\nfourth has\ttabs\n"), Buffer.from([0, 1, 0xfe, 0x0a]), Buffer.from("no newline at end")]);

  it("same stdout bytes, same stderr bytes, same exit status", () => {
    const native = redirected([natives.streams!], input, "native");
    const guest = redirected(["node", bin, "run", dirs.streams!], input, "guest");
    expect(guest.stdout).toEqual(native.stdout);
    expect(guest.stderr.toString("latin1")).toBe(native.stderr.toString("latin1"));
    expect(guest.status).toBe(native.status);
    expect(native.stderr.toString()).toContain("isatty: in=0 out=0 err=0");
  });

  it("an empty stdin ends at once", () => {
    const native = redirected([natives.streams!], Buffer.alloc(0), "native-empty");
    const guest = redirected(["node", bin, "run", dirs.streams!], Buffer.alloc(0), "guest-empty");
    expect(guest.stdout).toEqual(native.stdout);
    expect(guest.status).toBe(native.status);
  });
});

/** `printf IN | CMD | cat` : the conformance program expects pipes on fds 0 and 1. */
function piped(cmd: string[], input: string) {
  const r = spawnSync("sh", ["-c", `printf '%s' "$IN" | "$@" | cat`, "sh", ...cmd], { env: { ...process.env, IN: input } });
  return { status: r.status, stdout: r.stdout };
}

describe("conformance through the CLI", () => {
  it("prints the same lines natively and in the unikernel", () => {
    const stdin = "conformance-stdin\n";
    const native = piped([natives.conformance!], stdin);
    const guest = piped(["node", bin, "run", dirs.conformance!], stdin);
    expect(native.stdout.toString().split("\n").length).toBeGreaterThan(100);
    expect(guest.stdout.toString()).toBe(native.stdout.toString());
    expect(guest.status).toBe(native.status);
  });
});
