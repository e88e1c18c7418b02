/**
 * Finds Debian's musl source in the cache, fetching it with `apt-get source`
 * when missing. The version fetched is the installed musl-dev's, so the
 * source matches the libc.a whose exports the map lists.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { execa } from "../execa.js";
import { cacheDir } from "../cache.js";
import { errors } from "../errors.js";

export interface MuslSource {
  dir: string;
  /** upstream version, from the tree's VERSION file */
  version: string;
  /** Debian source version, e.g. "1.2.3-1" */
  debianVersion: string;
}

export const muslArchive = "/usr/lib/x86_64-linux-musl/libc.a";

export function muslCacheDir(): string {
  return cacheDir("debian", "musl");
}

async function installedVersion(): Promise<string> {
  try {
    const { stdout } = await execa("dpkg-query", ["-W", "-f=${Version}", "musl-dev"]);
    return stdout.trim();
  } catch {
    throw errors.missingTool("musl-dev", "musl-dev");
  }
}

async function findTree(cache: string, debianVersion: string): Promise<string | undefined> {
  if (!existsSync(join(cache, `musl_${debianVersion}.dsc`))) return undefined;
  const upstream = debianVersion.replace(/-[^-]*$/, "");
  const dir = join(cache, `musl-${upstream}`);
  return existsSync(join(dir, "VERSION")) ? dir : undefined;
}

export async function locateMuslSource(cache = muslCacheDir()): Promise<MuslSource> {
  const debianVersion = await installedVersion();
  let dir = await findTree(cache, debianVersion);
  if (!dir) {
    await mkdir(cache, { recursive: true });
    const r = await execa("apt-get", ["source", `musl=${debianVersion}`], { cwd: cache, reject: false });
    dir = await findTree(cache, debianVersion);
    if (!dir) {
      if (/deb-src|source URIs/i.test(r.stderr)) throw errors.debsrcDisabled();
      const listing = existsSync(cache) ? (await readdir(cache)).join(", ") : "nothing";
      throw new Error(`apt-get source musl=${debianVersion} did not unpack in ${cache} (found ${listing}): ${r.stderr.trim()}`);
    }
  }
  const version = (await readFile(join(dir, "VERSION"), "latin1")).trim();
  return { dir, version, debianVersion };
}
