import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { addImageLayer, addLinkLayer, analyzeTree } from "../../src/analyze/index.js";
import { syscallNumbers } from "../../src/analyze/image.js";
import type { Report } from "../../src/report/types.js";
import { smallKernel, smallMap } from "./small-map.js";

// getpid sits in a branch the build does not compile; gcc turns printf("hi\n") into puts.
const hello = `#include <stdio.h>
#include <unistd.h>
#ifdef NEVER
int f(void) { return getpid(); }
#endif
int main(void) { printf("hi\\n"); return write(1, "x", 1) == 1 ? 0 : 1; }
`;

describe("link and image layers (musl-gcc)", () => {
  const dir = mkdtempSync(join(tmpdir(), "autoport-layers-"));
  let source: Report;
  const opts = async () => ({ syscallMap: await smallMap(), kernel: smallKernel() });

  beforeAll(async () => {
    writeFileSync(join(dir, "hello.c"), hello);
    execFileSync("musl-gcc", ["-O2", "-c", "hello.c", "-o", "hello.o"], { cwd: dir });
    execFileSync("ar", ["rcs", "libhello.a", "hello.o"], { cwd: dir });
    execFileSync("musl-gcc", ["-static", "hello.o", "-o", "hello"], { cwd: dir });
    source = await analyzeTree({ app: "hello", spec: dir, kind: "folder", root: dir }, { jobs: 1, ...(await opts()) });
  });

  it("confirms source facts, flags the uncompiled ones and adds imports the source missed", async () => {
    expect(source.libc.map((u) => u.name)).toEqual(["getpid", "printf", "write"]);
    const linked = await addLinkLayer(source, [join(dir, "libhello.a")], await opts());
    expect(linked.layers).toEqual(["source", "link"]);
    expect(linked.libc.map((u) => [u.name, u.layer, u.linked, u.sites.length])).toEqual([
      ["getpid", "source", false, 1],
      ["printf", "source", true, 1],
      ["puts", "link", true, 0],
      ["write", "source", true, 1],
    ]);
    // syscalls now come from what was linked: getpid's is gone
    expect(linked.syscalls.map((s) => `${s.name}:${s.layer}`)).toEqual(["write:link", "writev:link", "arch_prctl:link", "set_tid_address:link", "exit_group:link"]);
    expect(linked.coverage).toEqual({ required: 5, supported: 5, ratio: 1 });
  });

  it("marks the syscalls the linked image issues, and adds those no function listed", async () => {
    const linked = await addLinkLayer(source, [join(dir, "hello.o")], await opts());
    const image = await addImageLayer(linked, join(dir, "hello"), await opts());
    expect(image.layers).toEqual(["source", "link", "image"]);
    const layer = (n: string) => image.syscalls.find((s) => s.name === n)?.layer;
    expect(layer("write")).toBe("image"); // through __syscall_cp, number in %edi
    expect(layer("writev")).toBe("image"); // number hoisted into a callee-saved register
    expect(layer("exit_group")).toBe("image"); // mov $0xe7,%eax; syscall
    expect(image.syscalls.find((s) => s.name === "exit")).toMatchObject({ via: ["image"], layer: "image", status: "missing" });
  });

  it("reads numbers from mov to %al, xor %eax,%eax, and moves between registers", () => {
    const text = [
      "0000000000401000 <a>:",
      "  401000:\tmov    $0x38,%al",
      "  401002:\tsyscall",
      "0000000000401010 <b>:",
      "  401010:\txor    %eax,%eax",
      "  401012:\tsyscall",
      "0000000000401020 <c>:",
      "  401020:\tmov    $0x3c,%edx",
      "  401025:\tmov    %rdx,%rax",
      "  401028:\tsyscall",
      "0000000000401030 <d>:",
      "  401030:\tmov    0x8(%rsp),%rax",
      "  401035:\tsyscall",
    ].join("\n");
    expect([...syscallNumbers(text)].sort((x, y) => x - y)).toEqual([0, 56, 60]);
  });
});
