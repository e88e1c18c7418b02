/* autoport.* keys of the kernel command line (ARCHITECTURE.md); unknown keys
 * (QEMU's virtio_mmio.device=..., a teammate's autoport.mount=...) are ignored here. */
#include "plat.h"
#include "kstring.h"

struct boot_options boot_options = {.rows = 24, .cols = 80, .stdin_src = STDIN_FWCFG};

static int key_is(const char *s, const char *key, const char **val) {
  size_t n = kstrlen(key);
  if (kstrncmp(s, key, n) || s[n] != '=') return 0;
  *val = s + n + 1;
  return 1;
}

void cmdline_parse(const char *s) {
  while (*s) {
    while (*s == ' ') s++;
    const char *v, *end;
    if (key_is(s, "autoport.tty", &v)) boot_options.tty = kstrtoul(v, &end);
    else if (key_is(s, "autoport.verbose", &v)) boot_options.verbose = kstrtoul(v, &end) != 0;
    else if (key_is(s, "autoport.winsize", &v)) {
      boot_options.rows = kstrtoul(v, &end);
      if (*end == 'x') boot_options.cols = kstrtoul(end + 1, &end);
    } else if (key_is(s, "autoport.stdin", &v)) {
      if (!kstrncmp(v, "serial", 6)) boot_options.stdin_src = STDIN_SERIAL;
      else if (!kstrncmp(v, "null", 4)) boot_options.stdin_src = STDIN_NULL;
      else boot_options.stdin_src = STDIN_FWCFG;
    }
    while (*s && *s != ' ') s++;
  }
}
