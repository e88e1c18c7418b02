/** ports/<app>/port.json: what cannot be inferred about one app, each field explained in its README. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { errors } from "../errors.js";
import type { BuildRecipe } from "./types.js";

export interface ShimOverride {
  action: "stub" | "fake";
  /** for fake: the value returned (default 0) */
  value?: number;
  why: string;
}

export interface PortRecipe extends BuildRecipe {
  /** runtime files: a folder (relative to ports/<app>/) packed as the initrd root */
  rootfs?: string;
  /** default arguments after argv[0] when `port --run` gets none */
  args?: string[];
  shims?: Record<string, ShimOverride>;
  /** libc symbol → why a manual-porting item the report lists needs no porting in this app */
  manual?: Record<string, string>;
  /** the recipe's folder, absolute (set by the loader) */
  dir?: string;
}

export function loadPortRecipe(portsDir: string, app: string): PortRecipe {
  const dir = join(portsDir, app);
  const file = join(dir, "port.json");
  if (!existsSync(file)) return {};
  try {
    return { ...(JSON.parse(readFileSync(file, "utf8")) as PortRecipe), dir };
  } catch (e) {
    throw errors.badArgs(`ports/${app}/port.json is not valid JSON (${(e as Error).message})`);
  }
}
