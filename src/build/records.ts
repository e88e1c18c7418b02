/** Reads the wrapper's JSON-lines log and picks the program to link with the kernel. */
import { existsSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import type { BuildRecord, LinkRecord } from "./types.js";

/** musl's own archives: libm, libpthread, ... are all inside libc.a. */
export const MUSL_LIB_DIR = "/usr/lib/x86_64-linux-musl";

export function readRecords(logFile: string): BuildRecord[] {
  if (!existsSync(logFile)) return [];
  return readFileSync(logFile, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as BuildRecord];
      } catch {
        return []; // a line cut short by a killed compiler
      }
    });
}

/** Programs linked and still present, the last link of each output winning. */
export function programs(records: BuildRecord[]): LinkRecord[] {
  const byOutput = new Map<string, LinkRecord>();
  for (const r of records) {
    if (r.kind === "link" && r.type === "program" && existsSync(r.output)) {
      byOutput.delete(r.output);
      byOutput.set(r.output, r);
    }
  }
  return [...byOutput.values()];
}

export interface Choice {
  link: LinkRecord;
  from: string;
}

/**
 * The program to port: the one named (by --target or the port recipe, as a
 * basename or a path relative to the build root), else the only one, else the
 * one named like the app, else the last one linked.
 */
export function chooseProgram(links: LinkRecord[], buildRoot: string, app: string, wanted?: { name: string; from: string }): Choice | undefined {
  if (wanted) {
    const hit = links.find((l) => basename(l.output) === wanted.name || relative(buildRoot, l.output) === wanted.name);
    return hit && { link: hit, from: wanted.from };
  }
  if (links.length === 1) return { link: links[0]!, from: "the only program the build linked" };
  const named = links.find((l) => basename(l.output) === app);
  if (named) return { link: named, from: "named like the app" };
  const last = links.at(-1);
  return last && { link: last, from: "the last program the build linked" };
}

/** The link's inputs plus its -l archives found in its -L folders; musl's own are left to libc.a. */
export function linkInputs(link: LinkRecord): { objects: string[]; unresolved: string[] } {
  const objects = [...link.inputs];
  const unresolved: string[] = [];
  for (const lib of link.libs) {
    const found = link.libdirs
      .filter((d) => d.replace(/\/+$/, "") !== MUSL_LIB_DIR)
      .map((d) => join(d, `lib${lib}.a`)).find((p) => existsSync(p));
    if (found) objects.push(found);
    else if (!existsSync(join(MUSL_LIB_DIR, `lib${lib}.a`))) unresolved.push(lib);
  }
  return { objects, unresolved };
}
