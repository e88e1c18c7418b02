/* File descriptors and the device interface behind them.
 *
 * The fd module owns the descriptor table and the fd syscalls (read, write,
 * close, dup*, fcntl, ioctl, poll, lseek, fstat, ...). Anything that can sit
 * behind a descriptor (the console, later files, pipes, 9p, sockets) is a
 * `struct file` with a `struct file_ops`; a module creates one with
 * file_alloc() and installs it with fd_install(). Missing ops get Linux's
 * default answers (EINVAL, ESPIPE, ENOTTY, ...), so a device fills in only
 * what it supports. */
#pragma once
#include <linux/uio.h>
#include <stddef.h>
#include <stdint.h>
#include <asm-generic/errno-base.h>

struct file;
struct kstat_lite {
  uint32_t mode;  /* S_IF* | permissions */
  uint64_t size;
  uint64_t ino;
  uint64_t rdev;
  uint32_t blksize;
  /* Optional (vfs fills them; 0 = fstat's defaults: dev 1, nlink 1, blocks from size). */
  uint64_t dev, nlink, blocks;
  uint32_t uid, gid;
  int64_t atime, atime_ns, mtime, mtime_ns, ctime, ctime_ns;
};

struct file_ops {
  /* Reads at *pos (files) or from the stream; returns bytes, 0 at end, -errno. */
  long (*read)(struct file *f, void *buf, size_t n, uint64_t *pos);
  long (*write)(struct file *f, const void *buf, size_t n, uint64_t *pos);
  /* Returns the new position or -errno; absent = not seekable (ESPIPE). */
  long (*lseek)(struct file *f, int64_t off, int whence);
  long (*ioctl)(struct file *f, unsigned long req, unsigned long arg);
  /* Current readiness: POLLIN/POLLOUT/... bits among `events`. Absent = always ready. */
  short (*poll)(struct file *f, short events);
  long (*stat)(struct file *f, struct kstat_lite *st);
  /* Last reference gone. */
  void (*release)(struct file *f);
  /* Datagram files (UDP): every call is one message, so readv/writev go to
   * these (scattered from, or gathered into, one message) and a zero-length
   * write sends an empty one (a zero-length read takes one). */
  int datagram;
  long (*readv)(struct file *f, const struct iovec *iov, int cnt);
  long (*writev)(struct file *f, const struct iovec *iov, int cnt);
};

struct file {
  const struct file_ops *ops;
  void *priv;          /* the device's own state */
  uint64_t pos;        /* shared by dup'ed descriptors, as on Linux */
  int flags;           /* O_ACCMODE | O_APPEND | O_NONBLOCK ... (status flags) */
  int refs;            /* descriptors pointing here */
  uint32_t gen;        /* bumped each time the slot is reused, so stale pointers can tell */
  /* Bumped each time a read-side (in) or write-side (out) call left the file
   * drained: EAGAIN, or fewer bytes than asked (the buffer is empty, or full).
   * An app may then wait for the next edge (nginx counts a short read as
   * drained), so edge-triggered epoll reports that side's next readiness as
   * new, as Linux signals an edge on every arrival. */
  uint32_t drained_in, drained_out;
};

/* Returns r, the result of a read-side (out = 0) or write-side call on f for
 * n bytes, noting when it left that side drained. */
static inline long file_drained(struct file *f, long r, unsigned long n, int out) {
  if (r == -EAGAIN || (r >= 0 && (unsigned long)r < n)) {
    if (out) f->drained_out++;
    else f->drained_in++;
  }
  return r;
}

#define FD_MAX 1024

/* A new file with one reference, or NULL when the pool is exhausted. */
struct file *file_alloc(const struct file_ops *ops, void *priv, int flags);
/* Lowest free descriptor >= minfd now refers to f (takes the reference); -EMFILE if none. */
int fd_install(struct file *f, int minfd, int cloexec);
/* The file behind fd (borrowed, no new reference) or NULL. */
struct file *fd_get(int fd);
void file_put(struct file *f);
/* For mmap of a file: copies up to n bytes at off into buf (the rest is left
 * alone). -EBADF (no such fd), -EACCES (not readable), -ENODEV (not seekable:
 * pipes, the console), or the bytes read. */
long fd_read_at(int fd, void *buf, size_t n, uint64_t off);
