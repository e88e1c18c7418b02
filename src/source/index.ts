/**
 * The source stage: whatever the user passed (a folder, a tarball, a single C
 * file, or debian:NAME) becomes a source tree on local disk.
 */
import { stat } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { errors } from "../errors.js";
import { fetchDebianSource } from "./debian.js";
import { listSources, looksLikeText } from "./files.js";
import { isTarball, tarballName, unpackTarball } from "./tarball.js";
import type { SourceTree } from "./types.js";

export type { SourceTree } from "./types.js";

const C_FILE = /\.(c|cc|cpp|cxx)$/i;

export async function resolveSource(spec: string): Promise<SourceTree> {
  if (spec.startsWith("debian:")) {
    const name = spec.slice("debian:".length);
    const d = await fetchDebianSource(name);
    return withSources({ app: name, spec, kind: "debian", root: d.root, debian: { package: d.package, version: d.version } });
  }
  const path = resolve(spec);
  const st = await stat(path).catch(() => undefined);
  if (!st) throw errors.sourceNotFound(spec);
  if (st.isDirectory()) return withSources({ app: basename(path), spec, kind: "folder", root: path });
  if (isTarball(path)) {
    const root = await unpackTarball(path);
    return withSources({ app: tarballName(path), spec, kind: "tarball", root });
  }
  if (C_FILE.test(path) && (await looksLikeText(path))) {
    return { app: basename(path).replace(C_FILE, ""), spec, kind: "file", root: dirname(path), only: basename(path), files: [basename(path)] };
  }
  throw errors.notText(spec);
}

async function withSources(tree: SourceTree): Promise<SourceTree> {
  const files = await listSources(tree.root);
  if (files.length === 0) throw errors.noCSources(tree.spec);
  return { ...tree, files };
}
