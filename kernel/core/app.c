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

extern const char __ehdr_start[];
extern char _start[];
void enter_app(uint64_t sp, void *entry) __attribute__((noreturn));

/* A fw_cfg file of NUL-terminated strings, read into pages of its own. */
struct strings { char *buf; long size; size_t pages; int count; };

static struct strings load_strings(const char *file) {
  struct strings s = {0, fwcfg_file_size(file), 0, 0};
  if (s.size <= 0) return (struct strings){0};
  s.pages = PAGE_ALIGN_UP((uint64_t)s.size + 1) / PAGE_SIZE;
  s.buf = pages_alloc(s.pages);
  if (!s.buf) kpanic("no memory for %s", file);
  fwcfg_read_file(file, s.buf, (size_t)s.size);
  s.buf[s.size] = 0;
  for (char *p = s.buf; p < s.buf + s.size; p += kstrlen(p) + 1) s.count++;
  return s;
}

static char *push_bytes(char **sp, const void *src, size_t n) {
  *sp -= n;
  kmemcpy(*sp, src, n);
  return *sp;
}

/* Copies the strings to the stack, last first; the copies lie in order
 * from *sp up, each after the previous one's NUL. */
static char *push_strings(char **sp, const struct strings *s) {
  if (s->count) push_bytes(sp, s->buf, (size_t)s->size + (s->buf[s->size - 1] != 0));
  return *sp;
}

/* Fills out[0..count) with the strings that start at first, then a NULL. */
static uint64_t *put_pointers(uint64_t *out, char *first, int count) {
  for (int i = 0; i < count; i++, first += kstrlen(first) + 1) *out++ = (uint64_t)first;
  *out++ = 0;
  return out;
}

void app_start(void) {
  struct strings argv = load_strings("opt/autoport/argv"), env = load_strings("opt/autoport/env");
  /* the stack is mapped on first touch, from its top down (arch/x86_64/paging.c);
   * its first pages are mapped here, without the fault that nearly every
   * app would take (under TCG an exception costs more than the mapping) */
  for (uint64_t a = APP_STACK_TOP - 2 * PAGE_SIZE; a < APP_STACK_TOP; a += PAGE_SIZE) paging_stack_fault(a);
  char *sp = (char *)APP_STACK_TOP;
  char *envs = push_strings(&sp, &env);
  char *args = argv.count ? push_strings(&sp, &argv) : push_bytes(&sp, "app", 4);
  int argc = argv.count ? argv.count : 1, envc = env.count;
  if (argv.buf) pages_free(argv.buf, argv.pages);
  if (env.buf) pages_free(env.buf, env.pages);
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
  p = put_pointers(p, args, argc);
  p = put_pointers(p, envs, envc);
  kmemcpy(p, auxv, sizeof auxv);
  klog("entering _start: argc %d envc %d, random from %s\n", argc, envc, random_source());
  enter_app((uint64_t)top, _start);
}
