/** Finding what to boot: an image.elf, or an output folder of `autoport build`. */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { errors } from "../errors.js";

export interface BootFiles {
  image: string;
  initrd?: string;
  /** the build's report.json, when it sits next to the image */
  report?: { build?: { target?: string; modules?: string[] } };
}

export function findBootFiles(path: string): BootFiles {
  if (!existsSync(path)) throw errors.imageNotFound(path, "does not exist");
  const isDir = statSync(path).isDirectory();
  const dir = isDir ? path : dirname(path);
  const image = isDir ? join(path, "image.elf") : path;
  if (isDir && !existsSync(join(dir, "report.json"))) {
    throw errors.imageNotFound(path, "is not a finished build (no report.json; read its build.log)");
  }
  if (!existsSync(image)) throw errors.imageNotFound(path, "holds no image.elf");
  const head = readFileSync(image).subarray(0, 4);
  if (head.toString("latin1") !== "\x7fELF") throw errors.imageNotFound(image, "is not an ELF image");
  const initrd = join(dir, "initrd.cpio");
  const reportFile = join(dir, "report.json");
  let report: BootFiles["report"];
  try {
    report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, "utf8")) : undefined;
  } catch {
    report = undefined;
  }
  return { image, initrd: existsSync(initrd) ? initrd : undefined, report };
}

/**
 * Whether the image carries a driver: its build report lists a module named
 * for it, or the image holds the marker string `autoport.driver=NAME`
 * (ARCHITECTURE.md, "Drivers in an image").
 */
export function hasDriver(files: BootFiles, driver: string): boolean {
  if (files.report?.build?.modules?.some((m) => m === driver || m.includes(driver))) return true;
  return readFileSync(files.image).includes(`autoport.driver=${driver}\0`);
}
