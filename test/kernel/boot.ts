/**
 * Builds fixtures into kernel images with kernel/Makefile and boots them with
 * a raw QEMU command (the guest side of ARCHITECTURE.md's contract), so the
 * kernel is tested without the `autoport run` host side.
 */
import { execa } from "execa";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const kernelDir = join(root, "kernel");
export const fixture = (name: string) => join(root, "fixtures", name, `${name}.c`);

/** Builds kernel.a once for a module set; images then link against it. */
export async function buildKernel(modules: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "autoport-kernel-"));
  await execa("make", ["-s", "-C", kernelDir, `O=${dir}`, `MODULES=${modules}`, "-j2"]);
  return dir;
}

/** Compiles one fixture with musl and links it into DIR/<name>/image.elf. */
export async function buildImage(kernel: string, modules: string, name: string): Promise<string> {
  const out = join(kernel, name);
  const obj = join(kernel, `${name}.o`);
  await execa("musl-gcc", ["-O2", "-c", fixture(name), "-o", obj]);
  await execa("make", ["-s", "-C", kernelDir, `O=${kernel}`, `IMG=${out}`, `MODULES=${modules}`, `APP=${obj}`, "image"]);
  return join(out, "image.elf");
}

export interface Boot {
  stdout: string;
  stderr: string;
  diag: string;
  /** "@..." records on the diagnostics channel, in order */
  records: string[];
  qemuExit: number;
}

export interface BootOptions {
  args?: string[];
  env?: Record<string, string>;
  stdin?: string;
  append?: string;
  /** default microvm; on pc the second port comes from a second -serial */
  machine?: "microvm" | "pc";
  /** more QEMU arguments (a NIC: -netdev user,... -device virtio-net-device,...) */
  qemu?: string[];
  /** ms before QEMU is killed (default 60 s) */
  timeout?: number;
}

const nul = (xs: string[]) => xs.map((x) => `${x}\0`).join("");

export function qemuArgs(image: string, dir: string, o: BootOptions, files: { argv: string; env: string; stdin?: string }): string[] {
  return [
    "-M", o.machine ?? "microvm", "-accel", "tcg", "-cpu", "max", "-m", "128M",
    "-display", "none", "-no-reboot", "-nodefaults",
    "-serial", `file:${join(dir, "out")}`,
    ...(o.machine === "pc"
      ? ["-serial", `file:${join(dir, "err")}`]
      : ["-chardev", `file,id=com2,path=${join(dir, "err")}`, "-device", "isa-serial,chardev=com2,iobase=0x2f8,irq=3"]),
    "-debugcon", `file:${join(dir, "diag")}`,
    "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
    "-kernel", image,
    "-append", o.append ?? "",
    "-fw_cfg", `name=opt/autoport/argv,file=${files.argv}`,
    "-fw_cfg", `name=opt/autoport/env,file=${files.env}`,
    ...(files.stdin ? ["-fw_cfg", `name=opt/autoport/stdin,file=${files.stdin}`] : []),
    ...(o.qemu ?? []),
  ];
}

export async function boot(image: string, o: BootOptions = {}): Promise<Boot> {
  const dir = await mkdtemp(join(tmpdir(), "autoport-boot-"));
  const files = { argv: join(dir, "argv"), env: join(dir, "env"), stdin: o.stdin === undefined ? undefined : join(dir, "stdin") };
  await writeFile(files.argv, nul(o.args ?? ["app"]));
  await writeFile(files.env, nul(Object.entries(o.env ?? {}).map(([k, v]) => `${k}=${v}`)));
  if (files.stdin) await writeFile(files.stdin, o.stdin!);
  const r = await execa("qemu-system-x86_64", qemuArgs(image, dir, o, files), { reject: false, timeout: o.timeout ?? 60_000 });
  const read = async (f: string) => (existsSync(join(dir, f)) ? readFile(join(dir, f), "latin1") : "");
  const diag = await read("diag");
  return {
    stdout: await read("out"),
    stderr: await read("err"),
    diag,
    records: diag.split("\n").filter((l) => l.startsWith("@")),
    qemuExit: r.exitCode ?? -1,
  };
}
