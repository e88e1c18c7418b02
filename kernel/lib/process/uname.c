#include <linux/utsname.h>
#include "kstring.h"
#include "syscall.h"
#include "uaccess.h"

static void set(char *dst, const char *src) { kmemcpy(dst, src, kstrlen(src) + 1); }

SYSCALL_DEFINE(uname, struct new_utsname *u) {
  if (user_bad(u, sizeof *u)) return -EFAULT;
  kmemset(u, 0, sizeof *u);
  set(u->sysname, "Linux"); /* apps and musl test for Linux, so say it */
  set(u->nodename, "autoport");
  set(u->release, "6.1.0-autoport");
  set(u->version, "#1 autoport unikernel");
  set(u->machine, "x86_64");
  set(u->domainname, "(none)");
  return 0;
}
