import { mkdir, readdir, readFile, rename, rm, mkdtemp, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { errors } from "../errors.js";
import { cacheDir } from "./cache.js";

const DONE = ".autoport-source.json";

export interface DebianSource {
  root: string;
  version: string;
  package: string;
}

/**
 * Fetches a Debian source package with `apt-get source` (which also applies
 * Debian's patches) into the cache, once. The cache entry appears only when
 * the fetch completed: it is built in a temporary folder and renamed.
 */
export async function fetchDebianSource(name: string): Promise<DebianSource> {
  if (!/^[a-z0-9][a-z0-9+.-]+$/.test(name)) throw errors.unknownPackage(name);
  const dest = cacheDir("debian", name);
  const marker = join(dest, DONE);
  if (existsSync(marker)) return JSON.parse(await readFile(marker, "utf8")) as DebianSource;

  await mkdir(cacheDir("debian"), { recursive: true });
  const tmp = await mkdtemp(join(cacheDir("debian"), `.${name}-`));
  try {
    const r = await execa("apt-get", ["source", "-q", name], { cwd: tmp, reject: false, env: { LC_ALL: "C" } });
    if (r.exitCode !== 0 || (r.failed && r.code === "ENOENT")) {
      const err = `${r.stderr}\n${r.stdout}`;
      if ((r as { code?: string }).code === "ENOENT") throw errors.missingTool("apt-get", "apt");
      if (/deb-src/.test(err)) throw errors.debsrcDisabled();
      if (/Unable to find a source package|Unable to locate package/.test(err)) throw errors.unknownPackage(name);
      const fetch = err.split("\n").find((l) => /Failed to fetch/.test(l));
      if (fetch) throw errors.fetchFailed(name, fetch.replace(/^E:\s*/, "").replace(/\s*\[IP:[^\]]*\]/, "").trim());
      if (/dpkg-source: not found|dpkg-source/.test(err) && /not found/.test(err)) throw errors.missingTool("dpkg-source", "dpkg-dev");
      throw errors.unknownPackage(`${name} (apt-get source failed: ${err.split("\n").find((l) => l.startsWith("E:")) ?? "see apt's output"})`);
    }
    const dirs = (await readdir(tmp, { withFileTypes: true })).filter((d) => d.isDirectory());
    if (dirs.length !== 1) throw errors.unknownPackage(`${name} (apt-get source left ${dirs.length} folders)`);
    const dsc = (await readdir(tmp)).find((f) => f.endsWith(".dsc")) ?? "";
    const srcPackage = dsc.split("_")[0] || name;
    const version = dsc.replace(/^[^_]+_/, "").replace(/\.dsc$/, "");
    await rm(dest, { recursive: true, force: true });
    await rename(tmp, dest);
    const info: DebianSource = { root: join(dest, dirs[0]!.name), version, package: srcPackage };
    await writeFile(marker, JSON.stringify(info, null, 2));
    return info;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
