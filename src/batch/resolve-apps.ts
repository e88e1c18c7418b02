/**
 * Turns the command line's APPS and --set into the list of apps to process.
 * A name is, in order: an existing path; debian:PKG; an app of a known set
 * (apache → apache2); a Debian source package apt knows. Anything else stops
 * the run before it starts, since the user mistyped it.
 */
import { existsSync } from "node:fs";
import { basename, resolve } from "node:path";
import { execa } from "../execa.js";
import { errors } from "../errors.js";
import { findAppSet, loadAppSets, specOf } from "./app-sets.js";
import type { AppSpec } from "./types.js";

const PACKAGE = /^[a-z0-9][a-z0-9+.-]+$/;

export async function resolveApps(names: string[], setName?: string): Promise<{ apps: AppSpec[]; set?: string }> {
  const apps: AppSpec[] = [];
  let set: string | undefined;
  if (setName || names.length === 0) {
    const s = await findAppSet(setName ?? "popcon");
    set = s.name;
    apps.push(...s.apps.map(specOf));
  }
  const known = (await loadAppSets()).flatMap((s) => s.apps);
  for (const n of names) apps.push(await resolveOne(n, known));
  return { apps: uniqueNames(apps), set };
}

async function resolveOne(n: string, known: Awaited<ReturnType<typeof loadAppSets>>[number]["apps"]): Promise<AppSpec> {
  if (existsSync(n)) {
    const path = resolve(n);
    return { name: basename(path).replace(/\.(tar\.\w+|tgz|c)$/, ""), source: path };
  }
  if (n.startsWith("debian:")) return { name: n.slice(7), source: n };
  const entry = known.find((e) => e.name === n || e.package === n);
  if (entry) return specOf(entry);
  if (PACKAGE.test(n) && (await aptHasSource(n))) return { name: n, source: `debian:${n}` };
  throw errors.unknownApp(n);
}

async function aptHasSource(name: string): Promise<boolean> {
  const r = await execa("apt-cache", ["showsrc", "--only-source", name], { reject: false, env: { LC_ALL: "C" } });
  return r.exitCode === 0 && /^Package:/m.test(r.stdout);
}

/** Two folders both called "src" become src and src-2: result files are named by app. */
function uniqueNames(apps: AppSpec[]): AppSpec[] {
  const seen = new Map<string, number>();
  return apps.map((a) => {
    const n = (seen.get(a.name) ?? 0) + 1;
    seen.set(a.name, n);
    return n === 1 ? a : { ...a, name: `${a.name}-${n}` };
  });
}
