/* Private to the fd module. */
#pragma once
#include "fd.h"

struct fd_slot { struct file *file; int cloexec; };
extern struct fd_slot fd_table[FD_MAX];

/* The file behind fd if it is open for reading (or writing), else NULL. */
struct file *fd_readable(int fd);
struct file *fd_writable(int fd);
/* Closes fd; -EBADF if it was not open. */
long fd_close(int fd);
/* Sets up fds 0, 1, 2 (console.c). */
void console_init(void);
