/* sendmsg/recvmsg for stream sockets: the iovecs one after another through
 * the same data path as send/recv. TCP carries no address and no ancillary
 * data: msg_name and msg_control come back empty. */
#include "fs-abi.h"
#include "socket-impl.h"
#include "syscall.h"
#include "uaccess.h"

struct iovec_k { void *base; size_t len; };
struct msghdr_k {
  void *name;
  unsigned namelen;
  struct iovec_k *iov;
  size_t iovlen;
  void *control;
  size_t controllen;
  unsigned flags;
};
#define IOV_MAX 1024

static long check(struct msghdr_k *m) {
  if (user_bad(m, sizeof *m)) return -EFAULT;
  if (m->iovlen > IOV_MAX) return -EMSGSIZE;
  if (m->iovlen && user_bad(m->iov, m->iovlen * sizeof *m->iov)) return -EFAULT;
  return 0;
}

SYSCALL_DEFINE(sendmsg, int fd, struct msghdr_k *m, int flags) {
  long e;
  struct file *f;
  struct sock *s = sock_of_fd(fd, &f, &e);
  if (!s) return e;
  if ((e = check(m))) return e;
  int nonblock = (f->flags & O_NONBLOCK) || (flags & MSG_DONTWAIT);
  long done = 0;
  for (size_t i = 0; i < m->iovlen; i++) {
    if (!m->iov[i].len) continue;
    long r = sock_send(s, m->iov[i].base, m->iov[i].len, flags, nonblock);
    if (r < 0) return done ? done : r;
    done += r;
    if ((size_t)r < m->iov[i].len) break; /* the send buffer filled */
  }
  return done;
}

SYSCALL_DEFINE(recvmsg, int fd, struct msghdr_k *m, int flags) {
  long e;
  struct file *f;
  struct sock *s = sock_of_fd(fd, &f, &e);
  if (!s) return e;
  if ((e = check(m))) return e;
  int nonblock = f->flags & O_NONBLOCK;
  long done = 0;
  for (size_t i = 0; i < m->iovlen; i++) {
    if (!m->iov[i].len) continue;
    /* after the first bytes, take only what is already there */
    long r = sock_recv(s, m->iov[i].base, m->iov[i].len, done ? (flags | MSG_DONTWAIT) & ~MSG_WAITALL : flags, nonblock);
    if (r < 0) {
      if (done) break;
      return r;
    }
    done += r;
    if (r == 0 || (size_t)r < m->iov[i].len || (flags & MSG_PEEK)) break;
  }
  m->namelen = 0;
  m->controllen = 0;
  m->flags = 0;
  return done;
}
