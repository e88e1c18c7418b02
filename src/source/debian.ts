import { mkdir, readdir, readFile, rename, rm, mkdtemp, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { execa } from "../execa.js";
import { errors } from "../errors.js";
import { cacheDir } from "../cache.js";

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
    await aptSource(name, tmp);
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

/** Why `apt-get source` failed, as the error a user can act on. */
function aptError(name: string, out: string, code?: string) {
  if (code === "ENOENT") return errors.missingTool("apt-get", "apt");
  if (/deb-src/.test(out)) return errors.debsrcDisabled();
  if (/Unable to find a source package|Unable to locate package/.test(out)) return errors.unknownPackage(name);
  const fetch = out.split("\n").find((l) => /Failed to fetch/.test(l));
  if (fetch) return errors.fetchFailed(name, fetch.replace(/^E:\s*/, "").replace(/\s*\[IP:[^\]]*\]/, "").trim());
  if (/dpkg-source/.test(out) && /not found/.test(out)) return errors.missingTool("dpkg-source", "dpkg-dev");
  return errors.fetchFailed(name, out.split("\n").find((l) => l.startsWith("E:")) ?? "apt-get source failed");
}

/**
 * `apt-get source NAME` into dir. When the newest version cannot be
 * downloaded (mirrors sometimes lack a security update's files), the other
 * versions apt knows are tried, newest first.
 */
async function aptSource(name: string, dir: string): Promise<void> {
  const attempt = async (arg: string) => {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const r = await execa("apt-get", ["source", "-q", arg], { cwd: dir, reject: false, env: { LC_ALL: "C" } });
    return r.exitCode === 0 ? undefined : aptError(name, `${r.stderr}\n${r.stdout}`, (r as { code?: string }).code);
  };
  const first = await attempt(name);
  if (!first) return;
  if (first.code !== "FETCH_FAILED") throw first;
  const shown = await execa("apt-cache", ["showsrc", name], { reject: false, env: { LC_ALL: "C" } });
  const versions = [...String(shown.stdout).matchAll(/^Version: (\S+)$/gm)].map((m) => m[1]!).reverse();
  for (const v of versions) if (!(await attempt(`${name}=${v}`))) return;
  throw first;
}
