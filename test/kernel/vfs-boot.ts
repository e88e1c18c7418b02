/**
 * Boots an image with files: an initrd made from a host folder (newc cpio, as
 * autoport packs it) and 9p shares, on QEMU microvm under TCG. The raw QEMU
 * command is the guest side of ARCHITECTURE.md's contract, so the vfs and 9p
 * modules are tested without the `autoport run` host side.
 */
import { execa } from "execa";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Share { tag: string; host: string; guest: string }

export interface FilesBoot {
  stdout: string;
  stderr: string;
  records: string[];
}

/** Packs a folder as a newc cpio archive (relative names, like autoport's initrd). */
export async function packInitrd(folder: string, out: string): Promise<string> {
  const { stdout } = await execa("find", [".", "-mindepth", "1"], { cwd: folder });
  await execa("cpio", ["-o", "-H", "newc", "-O", out], { cwd: folder, input: stdout + "\n" });
  return out;
}

export async function bootWithFiles(image: string, o: { args: string[]; initrd?: string; shares?: Share[]; mem?: string }): Promise<FilesBoot> {
  const dir = await mkdtemp(join(tmpdir(), "autoport-vfs-boot-"));
  const argv = join(dir, "argv");
  await writeFile(argv, o.args.map((a) => `${a}\0`).join(""));
  const shares = o.shares ?? [];
  const args = [
    "-M", "microvm", "-accel", "tcg", "-cpu", "max", "-m", o.mem ?? "128M",
    "-nographic", "-no-reboot", "-nodefaults",
    "-serial", `file:${join(dir, "out")}`,
    "-chardev", `file,id=com2,path=${join(dir, "err")}`, "-device", "isa-serial,chardev=com2,iobase=0x2f8,irq=3",
    "-debugcon", `file:${join(dir, "diag")}`,
    "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
    "-fw_cfg", `name=opt/autoport/argv,file=${argv}`,
    ...shares.flatMap((s, i) => ["-fsdev", `local,id=fs${i},path=${s.host},security_model=none`, "-device", `virtio-9p-device,fsdev=fs${i},mount_tag=${s.tag}`]),
    "-kernel", image,
    ...(o.initrd ? ["-initrd", o.initrd] : []),
    "-append", shares.map((s) => `autoport.mount=${s.tag}:${s.guest}`).join(" "),
  ];
  await execa("qemu-system-x86_64", args, { reject: false, timeout: 60_000 });
  const read = async (f: string) => (existsSync(join(dir, f)) ? readFile(join(dir, f), "latin1") : "");
  const diag = await read("diag");
  return { stdout: await read("out"), stderr: await read("err"), records: diag.split("\n").filter((l) => l.startsWith("@")) };
}
