/* The Linux-like initial stack that musl's _start expects: argc, argv,
 * envp, auxv (16-byte aligned), with argv/env from fw_cfg. */
#include <stdint.h>
#include "diag.h"
#include "io.h"
#include "kstring.h"
#include "page.h"
#include "plat.h"
#include "random.h"
#include <asm-generic/mman-common.h>
#include <linux/auxvec.h>

#define STACK_PAGES 512 /* 2 MiB */
#define GUARD_PAGES 16  /* 64 KiB of PROT_NONE below: big frames must not skip it */
#define MAX_STRINGS 4096

extern const char __ehdr_start[];
extern char _start[];
void enter_app(uint64_t sp, void *entry) __attribute__((noreturn));

/* Loads a fw_cfg file of NUL-terminated strings; returns how many it holds. */
static int load_strings(const char *file, char **out, int max) {
  long size = fwcfg_file_size(file);
  if (size <= 0) return 0;
  char *buf = pages_alloc(PAGE_ALIGN_UP((uint64_t)size + 1) / PAGE_SIZE);
  if (!buf) kpanic("no memory for %s", file);
  fwcfg_read_file(file, buf, (size_t)size);
  buf[size] = 0;
  int n = 0;
  for (char *p = buf; p < buf + size && n < max; p += kstrlen(p) + 1) out[n++] = p;
  return n;
}

static char *push_bytes(char **sp, const void *src, size_t n) {
  *sp -= n;
  kmemcpy(*sp, src, n);
  return *sp;
}

void app_start(void) {
  static char *args[MAX_STRINGS], *envs[MAX_STRINGS];
  int argc = load_strings("opt/autoport/argv", args, MAX_STRINGS - 1);
  int envc = load_strings("opt/autoport/env", envs, MAX_STRINGS - 1);
  if (argc == 0) args[argc++] = "app";

  char *stack = pages_alloc(STACK_PAGES + GUARD_PAGES);
  if (!stack) kpanic("no memory for the app stack");
  paging_protect((uint64_t)stack, GUARD_PAGES * PAGE_SIZE, PROT_NONE);
  char *sp = stack + (STACK_PAGES + GUARD_PAGES) * PAGE_SIZE;

  for (int i = envc - 1; i >= 0; i--) envs[i] = push_bytes(&sp, envs[i], kstrlen(envs[i]) + 1);
  for (int i = argc - 1; i >= 0; i--) args[i] = push_bytes(&sp, args[i], kstrlen(args[i]) + 1);
  char *platform = push_bytes(&sp, "x86_64", 7);
  uint8_t rnd[16];
  random_fill(rnd, sizeof rnd);
  sp = (char *)((uint64_t)sp & ~15UL);
  char *at_random = push_bytes(&sp, rnd, sizeof rnd);

  uint32_t r[4];
  cpuid(1, 0, r);
  uint64_t phoff = *(const uint64_t *)(__ehdr_start + 32);
  uint16_t phentsize = *(const uint16_t *)(__ehdr_start + 54), phnum = *(const uint16_t *)(__ehdr_start + 56);
  uint64_t auxv[][2] = {
      {AT_PHDR, (uint64_t)__ehdr_start + phoff}, {AT_PHENT, phentsize}, {AT_PHNUM, phnum},
      {AT_PAGESZ, PAGE_SIZE}, {AT_ENTRY, (uint64_t)_start}, {AT_UID, 0}, {AT_EUID, 0}, {AT_GID, 0},
      {AT_EGID, 0}, {AT_SECURE, 0}, {AT_HWCAP, r[3]}, {AT_CLKTCK, 100}, {AT_RANDOM, (uint64_t)at_random},
      {AT_PLATFORM, (uint64_t)platform}, {AT_NULL, 0},
  };
  size_t words = 1 + (argc + 1) + (envc + 1) + sizeof auxv / 8;
  uint64_t *p = (uint64_t *)(sp - words * 8);
  p = (uint64_t *)((uint64_t)p & ~15UL);
  uint64_t *top = p;
  *p++ = argc;
  for (int i = 0; i < argc; i++) *p++ = (uint64_t)args[i];
  *p++ = 0;
  for (int i = 0; i < envc; i++) *p++ = (uint64_t)envs[i];
  *p++ = 0;
  kmemcpy(p, auxv, sizeof auxv);
  klog("entering _start: argc %d envc %d, random from %s\n", argc, envc, random_source());
  enter_app((uint64_t)top, _start);
}
