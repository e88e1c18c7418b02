/**
 * Files not worth handing to tree-sitter: binaries, and data fragments such
 * as musl's gb18030.h (145 KB of numbers #included inside an initializer, not
 * one `;`): with no C structure around them, error recovery takes seconds.
 * Whole C tables (nginx's huff_decode.c) parse in milliseconds and are kept.
 */
export const maxDataFreeBytes = 4 * 1024 * 1024;
const dataCheckFrom = 64 * 1024;

/** Why to skip this file, or null to parse it. */
export function screen(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return "binary file (NUL bytes)";
  if (bytes.length < dataCheckFrom) return null;
  const share = dataShare(bytes);
  // A C table (`static const int t[] = {...};`) parses fast; a bare fragment does not.
  if (share > 0.7 && !bytes.includes(0x3b)) return `data fragment, not code (${Math.round(bytes.length / 1024)} KB, ${Math.round(share * 100)}% numbers and separators, no declaration or statement)`;
  if (bytes.length > maxDataFreeBytes && share > 0.5) return `over 4 MB and mostly data (${Math.round(share * 100)}% numbers and separators)`;
  return null;
}

/** The share of bytes that are digits, hex letters after 0x, commas, braces or spaces. */
function dataShare(bytes: Buffer): number {
  let data = 0;
  // A 256 KB sample is enough to tell a table from code.
  const n = Math.min(bytes.length, 256 * 1024);
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if ((b >= 0x30 && b <= 0x39) || b === 0x2c || b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d || b === 0x7b || b === 0x7d || b === 0x78 || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46)) data++;
  }
  return data / n;
}
