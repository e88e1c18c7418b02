/* Private to the epoll module. */
#pragma once
#include <stdint.h>
#include "fd.h"

#define EPOLL_PAGES 8
struct epoll_item {
  struct file *file; /* the item lives as long as this file (not the fd), as on Linux */
  uint32_t gen;      /* file->gen when added: a reused slot is another file */
  int fd;
  uint32_t events;   /* what the app asked for; 0 after a one-shot report */
  uint32_t last;     /* readiness seen at the last scan (edge-triggered items) */
  uint32_t drained_in, drained_out; /* the file's EAGAIN counts at that scan */
  uint64_t data;
};
#define EPOLL_MAX_ITEMS (EPOLL_PAGES * 4096 / sizeof(struct epoll_item))
struct epoll { struct epoll_item items[EPOLL_MAX_ITEMS]; };
