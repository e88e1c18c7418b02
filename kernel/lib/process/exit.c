/* Ending the app: a normal exit or a fatal signal. */
#include "diag.h"
#include "ksyms.h"
#include "plat.h"
#include "process.h"

void process_exit(int status) {
  diag_puts("@exit ");
  diag_putu(status & 0xff);
  diag_puts("\n");
  plat_shutdown(status & 0xff);
}

void process_kill(int sig, int vector, unsigned long addr, unsigned long rip) {
  unsigned long off = 0;
  const char *sym = ksym_lookup(rip, &off);
  kprintf("@fault signal=%d vector=%d addr=0x%lx rip=0x%lx sym=", sig, vector, addr, rip);
  if (sym) kprintf("%s+0x%lx\n", sym, off);
  else kprintf("?\n");
  plat_shutdown(128 + sig);
}
