/**
 * Calls the compiler may put in place of the ones the source wrote. The
 * source layer sees `printf("hi\n")` but the object file imports `puts`, so
 * the analysis counts both sides. Hand-kept: each entry names gcc's rewrite.
 */
export const equivalents: ReadonlyArray<readonly [string, readonly string[]]> = [
  // sin(x) and cos(x) of the same x become one sincos call (-O2)
  ["cos", ["sincos"]],
  ["cosf", ["sincosf"]],
  ["cosl", ["sincosl"]],
  // fprintf with a plain format becomes fputs/fputc/fwrite
  ["fprintf", ["fputc", "fputs", "fwrite"]],
  // fputs of a constant string becomes fwrite
  ["fputs", ["fwrite"]],
  // malloc followed by memset(.., 0, ..) of the same size becomes calloc
  ["malloc", ["calloc"]],
  // printf("x\n") becomes puts, printf("c") becomes putchar
  ["printf", ["putchar", "puts"]],
  // round/floor/ceil/trunc of a float argument narrowed back to float become the f variants
  ["round", ["roundf"]],
  ["floor", ["floorf"]],
  ["ceil", ["ceilf"]],
  ["trunc", ["truncf"]],
  ["sin", ["sincos"]],
  ["sinf", ["sincosf"]],
  ["sinl", ["sincosl"]],
  // sprintf(d, "%s", s) becomes strcpy
  ["sprintf", ["strcpy"]],
  // vfprintf with a plain format becomes fputs/fwrite
  ["vfprintf", ["fputc", "fputs", "fwrite"]],
  // vprintf likewise, through stdout
  ["vprintf", ["putchar", "puts"]],
];
