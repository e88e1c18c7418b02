/** Which commands build an app: its recipe, ./configure && make, make, or cc on its C files. */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { BuildRecipe, BuildSystem } from "./types.js";
import type { Step } from "./exec.js";

const MAKEFILES = ["GNUmakefile", "makefile", "Makefile"];

export function planSteps(root: string, app: string, recipe: BuildRecipe, jobs: number, only?: string): { system: BuildSystem; steps: Step[] } {
  const make = (extra: string[]): Step => {
    const args = [`-j${jobs}`, "CC=cc", ...extra];
    return { title: `make ${args.join(" ")}`, cmd: "make", args };
  };
  if (recipe.build?.length) {
    return { system: "port", steps: recipe.build.map((c) => ({ title: c, cmd: "sh", args: ["-c", c] })) };
  }
  if (!only && isExecutable(join(root, "configure"))) {
    const args = ["CC=cc", ...(recipe.configure ?? [])];
    return {
      system: "configure",
      steps: [{ title: `./configure ${args.join(" ")}`, cmd: "./configure", args }, make(recipe.make ?? [])],
    };
  }
  if (!only && MAKEFILES.some((m) => existsSync(join(root, m)))) return { system: "make", steps: [make(recipe.make ?? [])] };
  const sources = only ? [only] : readdirSync(root).filter((f) => f.endsWith(".c")).sort();
  const args = ["-O2", "-o", app, ...sources];
  return { system: "plain", steps: [{ title: `cc ${args.join(" ")}`, cmd: "cc", args }] };
}

function isExecutable(p: string): boolean {
  try {
    return (statSync(p).mode & 0o111) !== 0;
  } catch {
    return false;
  }
}
