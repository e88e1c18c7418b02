/**
 * `--json [FILE]`-style flags: FILE is optional, so a bare flag means stdout.
 * parseArgs cannot express optional values; this rewrites argv first:
 * a value is taken only when it ends with the format's extension or is "-".
 */
const EXT: Record<string, RegExp> = { json: /\.json$/i, md: /\.(md|markdown)$/i, html: /\.html?$/i };

export function normalizeOutputFlags(argv: string[], options: Record<string, { type: string }>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const fmt = a.startsWith("--") ? a.slice(2) : "";
    if (fmt in EXT && options[fmt]?.type === "string") {
      const next = argv[i + 1];
      if (next !== undefined && (next === "-" || EXT[fmt]!.test(next))) {
        out.push(`--${fmt}=${next}`);
        i++;
      } else out.push(`--${fmt}=-`);
    } else out.push(a);
  }
  return out;
}
