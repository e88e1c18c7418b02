/**
 * The lwIP tree the net module compiles (Debian's `lwip` source package),
 * fetched once into the cache by kernel/tools/fetch-lwip.sh; the tests hand
 * it to make as LWIP_DIR through the environment.
 */
import { execa } from "execa";
import { join } from "node:path";
import { kernelDir } from "./boot.js";

export async function useLwip(): Promise<string> {
  const dir = (await execa(join(kernelDir, "tools", "fetch-lwip.sh"))).stdout.trim();
  process.env.LWIP_DIR = dir;
  return dir;
}
