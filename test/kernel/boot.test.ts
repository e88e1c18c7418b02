// Boots the fixtures on QEMU (TCG) and checks what a user of the image sees:
// output on the right channel, the exit status, fault and unsupported reports.
import { beforeAll, describe, expect, it } from "vitest";
import { statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { execa } from "execa";
import { boot, buildImage, buildKernel, kernelDir } from "./boot.js";

const modules = "time random"; // plus the core modules
let kernel: string;
const images: Record<string, string> = {};

beforeAll(async () => {
  kernel = await buildKernel(modules);
  for (const name of ["hello", "exit3", "crash-null", "unsupported-syscall"]) images[name] = await buildImage(kernel, modules, name);
});

describe("kernel boot", () => {
  it("runs hello with argv and env, stdout and stderr apart", async () => {
    const r = await boot(images.hello, { args: ["hello", "world", "two words"], env: { GREETING: "Hi" } });
    expect(r.stdout).toBe("Hi, world! argc=3 tls=42\nargv[0]=hello\nargv[1]=world\nargv[2]=two words\n");
    expect(r.stderr).toBe("hello on stderr\n");
    expect(r.records).toEqual(["@main", "@exit 0"]);
    expect(r.qemuExit).toBe(1); // isa-debug-exit: (0 << 1) | 1
  });

  it("boots the same image on -M pc", async () => {
    const r = await boot(images.hello, { args: ["hello", "pc"], machine: "pc" });
    expect(r.stdout).toBe("hello, pc! argc=2 tls=42\nargv[0]=hello\nargv[1]=pc\n");
    expect(r.stderr).toBe("hello on stderr\n");
    expect(r.records).toEqual(["@main", "@exit 0"]);
  });

  it("passes exit(3) to the host", async () => {
    const r = await boot(images.exit3);
    expect(r.records.at(-1)).toBe("@exit 3");
    expect(r.qemuExit).toBe((3 << 1) | 1);
  });

  it("reports a NULL dereference as SIGSEGV in main", async () => {
    const r = await boot(images["crash-null"]);
    expect(r.stdout).toBe("about to crash\n");
    const fault = r.records.at(-1)!;
    expect(fault).toMatch(/^@fault signal=11 vector=14 addr=0x0 rip=0x[0-9a-f]+ sym=main\+0x[0-9a-f]+$/);
    expect(r.records.some((l) => l.startsWith("@exit"))).toBe(false);
  });

  it("reports an unsupported syscall once and returns ENOSYS", async () => {
    const r = await boot(images["unsupported-syscall"]);
    expect(r.records.filter((l) => l.startsWith("@unsupported"))).toEqual(["@unsupported name=acct nr=163"]);
    expect(r.stdout).toBe("acct ret=-1 errno=Function not implemented\n".repeat(2) + "still running\n");
    expect(r.records.at(-1)).toBe("@exit 0");
  });

  it("keeps the hello image under 100 KB stripped", () => {
    expect(statSync(images.hello).size).toBeLessThan(100 * 1024);
  });

  it("links apps whose own names match the kernel's internal ones", async () => {
    const src = join(kernel, "clash.c");
    await writeFile(src, [
      "#include <stdio.h>",
      "int fd_table[4] = {1, 2, 3, 4};",
      "int console_init(void) { return 7; }",
      "void kprintf(const char *s) { fputs(s, stdout); }",
      "int pages_alloc(int n) { return n * 2; }",
      'int main(void) { kprintf("mine "); printf("%d %d %d\\n", console_init(), fd_table[3], pages_alloc(21)); return 0; }',
    ].join("\n"));
    await execa("musl-gcc", ["-O1", "-c", src, "-o", `${src}.o`]);
    await execa("make", ["-s", "-C", kernelDir, `O=${kernel}`, `IMG=${kernel}/clash`, `MODULES=${modules}`, `APP=${src}.o`, "image"]);
    const r = await boot(join(kernel, "clash", "image.elf"));
    expect(r.stdout).toBe("mine 7 4 42\n");
    expect(r.records.at(-1)).toBe("@exit 0");
  });

  // small programs written here: each proves one way an app can end
  async function buildInline(name: string, code: string): Promise<string> {
    const src = join(kernel, `${name}.c`);
    await writeFile(src, code);
    await execa("musl-gcc", ["-O1", "-c", src, "-o", `${src}.o`]);
    await execa("make", ["-s", "-C", kernelDir, `O=${kernel}`, `IMG=${kernel}/${name}`, `MODULES=${modules}`, `APP=${src}.o`, "image"]);
    return join(kernel, name, "image.elf");
  }

  it("ends an app that calls abort() with signal 6", async () => {
    const image = await buildInline("abort", '#include <stdlib.h>\n#include <stdio.h>\nint main(void) { puts("before"); fflush(stdout); abort(); }\n');
    const r = await boot(image);
    expect(r.stdout).toBe("before\n");
    expect(r.records.at(-1)).toMatch(/^@fault signal=6 vector=-1 addr=0x0 rip=0x[0-9a-f]+ sym=\S+$/);
  });

  it("stops a runaway recursion at the stack guard with SIGSEGV", async () => {
    const image = await buildInline("overflow", [
      "#include <stdio.h>",
      "static int down(int n) { volatile char frame[8192]; frame[0] = (char)n; return down(n + 1) + frame[0]; }",
      'int main(void) { printf("%d\\n", down(0)); return 0; }',
    ].join("\n"));
    const r = await boot(image);
    expect(r.records.at(-1)).toMatch(/^@fault signal=11 vector=14 .* sym=down\+0x[0-9a-f]+$/);
  });
});
