/**
 * The lwIP tree the net module compiles (Debian's `lwip` source package),
 * fetched once into autoport's cache by the pipeline's own fetcher; the tests
 * hand it to make as LWIP_DIR through the environment.
 */
import { fetchDebianSource } from "../../src/source/debian.js";

export async function useLwip(): Promise<string> {
  const { root } = await fetchDebianSource("lwip");
  process.env.LWIP_DIR = root;
  return root;
}
