/** Builds a stand-in guest (guests/script-guest.S) that writes fixed bytes to COM1, COM2 and debugcon. */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SRC = fileURLToPath(new URL("./guests/script-guest.S", import.meta.url));
export const PORT = { com1: 0x3f8, com2: 0x2f8, debugcon: 0xe9, spin: 0xffff } as const;

/** Each step writes its bytes to a port, in order; "spin" loops forever. Returns image.elf's path. */
export function scriptGuest(dir: string, steps: Array<[keyof typeof PORT, string | Buffer]>): string {
  const lines = [".section .rodata", ".globl script", "script:"];
  for (const [port, data] of steps) {
    const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data, "latin1");
    lines.push(`.word ${PORT[port]}`, `.long ${bytes.length}`);
    if (bytes.length) lines.push(`.byte ${[...bytes].join(",")}`);
  }
  lines.push(".word 0", ".long 0", "");
  writeFileSync(join(dir, "script.S"), lines.join("\n"));
  execFileSync("gcc", ["-c", "-o", join(dir, "guest.o"), SRC]);
  execFileSync("gcc", ["-c", "-o", join(dir, "script.o"), join(dir, "script.S")]);
  const image = join(dir, "image.elf");
  execFileSync("ld", ["-m", "elf_x86_64", "-static", "-Ttext=0x100000", "-e", "_start", "-o", image, join(dir, "guest.o"), join(dir, "script.o")]);
  return image;
}
