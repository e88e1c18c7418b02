// Module hooks: `./x.js` from a .ts file resolves to `./x.ts`, and .ts loads
// through esbuild's transform (type-stripping only).
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { transform } from "esbuild";

export async function resolve(spec, ctx, next) {
  if (ctx.parentURL?.endsWith(".ts") && /^\.\.?\//.test(spec) && spec.endsWith(".js")) {
    const ts = new URL(spec.slice(0, -3) + ".ts", ctx.parentURL);
    if (existsSync(fileURLToPath(ts))) return { url: ts.href, shortCircuit: true };
  }
  return next(spec, ctx);
}

export async function load(url, ctx, next) {
  if (!url.endsWith(".ts")) return next(url, ctx);
  const file = fileURLToPath(url);
  const { code } = await transform(await readFile(file, "utf8"), { loader: "ts", format: "esm", sourcefile: file });
  return { format: "module", source: code, shortCircuit: true };
}
