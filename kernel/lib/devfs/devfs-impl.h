/* devfs internals. */
#pragma once
#include "fd.h"
#include "fs-abi.h"
#include "kheap.h"
#include "kstring.h"
#include "syscall.h"
#include "vfs.h"

/* /dev/fd (fdlink.c) */
int fd_dir_lookup(struct vnode *dir, const char *name, size_t len, struct vnode **out);
int fd_dir_readdir(struct vnode *v, void *h, uint64_t *cookie, struct dirent_sink *sink);
