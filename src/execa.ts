/**
 * execa, imported on first use: the import alone costs about 0.1 s, which
 * `autoport analyze` of a folder (no apt, no tar, no nm) never needs to pay.
 */
import type { Options, Result } from "execa";

export async function execa<O extends Options = {}>(file: string, args: readonly string[], options?: O): Promise<Result<O>> {
  const { execa: run } = await import("execa");
  // TypeScript cannot unwrap execa's generic ResultPromise<O>; awaited, it is Result<O>.
  return (await run(file, args, options ?? ({} as O))) as unknown as Result<O>;
}
