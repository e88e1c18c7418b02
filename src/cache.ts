import { homedir } from "node:os";
import { join } from "node:path";

/** autoport's cache, shared by every stage: $XDG_CACHE_HOME/autoport (or ~/.cache/autoport). */
export function cacheDir(...parts: string[]): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "autoport", ...parts);
}
