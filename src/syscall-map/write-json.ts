/**
 * Deterministic JSON output: the data files are compared byte for byte, and
 * short arrays/objects stay on one line so a diff shows one function per line.
 */
import { writeFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";

const inlineWidth = 100;
/** a function's syscall list stays on its line even when long */
const inlineListWidth = 1000;

function format(value: unknown, indent: string): string {
  const flat = JSON.stringify(value);
  if (flat.length <= inlineWidth || value === null || typeof value !== "object") return flat;
  if (Array.isArray(value) && value.every((v) => typeof v !== "object") && flat.length <= inlineListWidth) return flat;
  const inner = indent + " ";
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + format(v, inner)).join(",\n")}\n${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`).join(",\n")}\n${indent}}`;
}

export function formatJson(value: unknown): string {
  return format(value, "") + "\n";
}

export async function writeJson(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, formatJson(value));
}
