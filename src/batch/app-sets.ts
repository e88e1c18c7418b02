/**
 * App sets are data (data/apps/*.json): each names apps by the study's or the
 * user's name, maps them to a Debian bookworm source package, and says why an
 * app is skipped when it has no such package or is not C/C++.
 */
import { readFile, readdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../manifests/index.js";
import { errors } from "../errors.js";
import type { AppSpec } from "./types.js";

export const appSetsDir = join(projectRoot, "data", "apps");

interface SetEntry {
  name: string;
  package?: string;
  language?: string;
  skip?: string;
  note?: string;
}

export interface AppSet {
  name: string;
  title: string;
  apps: SetEntry[];
}

/** Every set in data/apps, by its short name (popcon, cli). */
export async function loadAppSets(dir = appSetsDir): Promise<AppSet[]> {
  if (!existsSync(dir)) return [];
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(join(dir, f), "utf8")) as AppSet));
}

export const specOf = (e: SetEntry): AppSpec => ({
  name: e.name,
  source: e.package ? `debian:${e.package}` : "",
  ...(e.skip ? { skip: e.skip } : {}),
  ...(e.note ? { note: e.note } : {}),
});

/** A set by short name, or a JSON file in the same shape. */
export async function findAppSet(name: string): Promise<AppSet> {
  if (name.endsWith(".json") && existsSync(name)) return JSON.parse(await readFile(name, "utf8")) as AppSet;
  const sets = await loadAppSets();
  const set = sets.find((s) => s.name === name);
  if (!set) throw errors.unknownAppSet(name, sets.map((s) => s.name));
  return set;
}
