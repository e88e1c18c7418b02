import { open } from "node:fs/promises";
import fg from "fast-glob";

export const C_EXTENSIONS = ["c", "h"];
export const CPP_EXTENSIONS = ["cc", "cpp", "cxx", "hh", "hpp", "hxx"];

/** Relative paths of the C and C++ files under root, sorted. */
export async function listSources(root: string): Promise<string[]> {
  const exts = [...C_EXTENSIONS, ...CPP_EXTENSIONS].join(",");
  const files = await fg(`**/*.{${exts}}`, { cwd: root, onlyFiles: true, dot: false, followSymbolicLinks: false, suppressErrors: true });
  return files.sort();
}

/** True when the first 8 KiB hold no NUL byte: a cheap test for text. */
export async function looksLikeText(path: string): Promise<boolean> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(8192);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return !buf.subarray(0, bytesRead).includes(0);
  } finally {
    await fh.close();
  }
}
