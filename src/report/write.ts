import { mkdir, rename, writeFile, rm } from "node:fs/promises";
import { dirname, join, basename } from "node:path";
import { errors } from "../errors.js";
import { html } from "./formats/html.js";
import { json } from "./formats/json.js";
import { md } from "./formats/md.js";
import type { Report } from "./types.js";

/** Writes a file so that readers see the old content or the whole new one, never a part. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => {});
    const err = e as NodeJS.ErrnoException;
    throw errors.outputUnwritable(path, err.code ?? err.message);
  }
}

/** DIR/report.{json,md,html}, as the output folder contract says. */
export async function writeReports(dir: string, report: Report): Promise<void> {
  await writeFileAtomic(join(dir, "report.json"), json(report));
  await writeFileAtomic(join(dir, "report.md"), md(report));
  await writeFileAtomic(join(dir, "report.html"), html(report));
}
