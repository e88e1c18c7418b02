/* Boot order: CPU tables, devices and boot info, pages, the selected
 * modules, then the app (musl's _start) on its own stack. */
#include <stdint.h>
#include "diag.h"
#include "page.h"
#include "plat.h"
#include "syscall.h"

#include "cpu.h"
void app_start(void) __attribute__((noreturn));

void __autoport_kmain(uint32_t start_info) {
  /* first: it turns on AVX, and TCG keys its translations by that state,
   * so code run before and after it would be translated twice */
  cpu_init();
  clock_mark_boot();
  serial_init();
  pvh_parse(start_info);
  cmdline_parse(pvh_cmdline());
  paging_unmap_null(); /* pvh_parse copied what lay there */
  klog("autoport kernel: cmdline \"%s\"\n", pvh_cmdline());
  pages_init();
  klog("memory: %lu KiB free\n", pages_free_count() * (PAGE_SIZE / 1024));
  modules_init();
  app_start();
}
