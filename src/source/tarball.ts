import { createHash } from "node:crypto";
import { mkdir, readdir, rename, rm, stat, mkdtemp } from "node:fs/promises";
import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { execa } from "../execa.js";
import { errors } from "../errors.js";
import { cacheDir } from "../cache.js";

const TARBALL = /\.(tar\.gz|tgz|tar\.xz|txz|tar\.bz2|tbz2|tar)$/i;

export const isTarball = (path: string) => TARBALL.test(path);
export const tarballName = (path: string) => basename(path).replace(TARBALL, "");

/**
 * Unpacks a tarball once into the cache, keyed by its size and mtime, and
 * returns the tree's root (the single top folder when there is one).
 * Unpacks into a temporary folder and renames it, so a half-unpacked tree
 * is never taken for a complete one.
 */
export async function unpackTarball(path: string): Promise<string> {
  const st = await stat(path);
  const key = createHash("sha256").update(`${path}\0${st.size}\0${st.mtimeMs}`).digest("hex").slice(0, 12);
  const dest = cacheDir("tarballs", `${tarballName(path)}-${key}`);
  if (!existsSync(dest)) {
    await mkdir(cacheDir("tarballs"), { recursive: true });
    const tmp = await mkdtemp(`${dest}.tmp-`);
    const r = await execa("tar", ["-xf", path, "-C", tmp, "--no-same-owner"], { reject: false });
    if (r.exitCode !== 0) {
      await rm(tmp, { recursive: true, force: true });
      const why = r.stderr.split("\n").find((l) => l.trim()) ?? `tar exited ${r.exitCode}`;
      throw errors.corruptArchive(path, why.replace(/^tar: /, ""));
    }
    await rename(tmp, dest).catch(async (e) => {
      // another autoport unpacked it meanwhile
      await rm(tmp, { recursive: true, force: true });
      if (!existsSync(dest)) throw e;
    });
  }
  const entries = await readdir(dest, { withFileTypes: true });
  return entries.length === 1 && entries[0]!.isDirectory() ? join(dest, entries[0]!.name) : dest;
}
