/** The C and C++ files of a tree (dot folders such as Debian's .pc/ excluded). */
import fg from "fast-glob";
import { sourceExtensions } from "../parse/index.js";

export async function cFilesOf(root: string): Promise<string[]> {
  const files = await fg(`**/*.{${sourceExtensions.join(",")}}`, { cwd: root, onlyFiles: true, dot: false, followSymbolicLinks: false, suppressErrors: true });
  return files.sort();
}
