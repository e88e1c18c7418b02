/* sendmsg/recvmsg for stream sockets: the iovecs one after another through
 * the same data path as send/recv. TCP carries no address and no ancillary
 * data: msg_name and msg_control come back empty. A UDP socket's calls go
 * to udp-calls.c (one datagram per call, with its address). */
#include "fs-abi.h"
#include "udp-impl.h"
#include "syscall.h"
#include "uaccess.h"

#define IOV_MAX 1024

long sock_check_msg(struct msghdr_k *m) {
  if (user_bad(m, sizeof *m)) return -EFAULT;
  if (m->iovlen > IOV_MAX) return -EMSGSIZE;
  if (m->iovlen && user_bad(m->iov, m->iovlen * sizeof *m->iov)) return -EFAULT;
  return 0;
}

SYSCALL_DEFINE(sendmsg, int fd, struct msghdr_k *m, int flags) {
  long e;
  struct file *f;
  struct udp_sock *u = udp_of_fd(fd, &f);
  if (u) return (e = sock_check_msg(m)) ? e : udp_sys_sendmsg(u, m);
  struct sock *s = sock_of_fd(fd, &f, &e);
  if (!s) return e;
  if ((e = sock_check_msg(m))) return e;
  int nonblock = (f->flags & O_NONBLOCK) || (flags & MSG_DONTWAIT);
  long done = 0;
  size_t want = 0;
  for (size_t i = 0; i < m->iovlen; i++) want += m->iov[i].len;
  for (size_t i = 0; i < m->iovlen; i++) {
    if (!m->iov[i].len) continue;
    long r = sock_send(s, m->iov[i].base, m->iov[i].len, flags, nonblock);
    if (r < 0) return file_drained(f, done ? done : r, want, 1);
    done += r;
    if ((size_t)r < m->iov[i].len) break; /* the send buffer filled */
  }
  return file_drained(f, done, want, 1);
}

SYSCALL_DEFINE(recvmsg, int fd, struct msghdr_k *m, int flags) {
  long e;
  struct file *f;
  struct udp_sock *u = udp_of_fd(fd, &f);
  if (u) return (e = sock_check_msg(m)) ? e : udp_sys_recvmsg(f, u, m, flags);
  struct sock *s = sock_of_fd(fd, &f, &e);
  if (!s) return e;
  if ((e = sock_check_msg(m))) return e;
  int nonblock = f->flags & O_NONBLOCK;
  long done = 0;
  for (size_t i = 0; i < m->iovlen; i++) {
    if (!m->iov[i].len) continue;
    /* after the first bytes, take only what is already there */
    long r = sock_recv(s, m->iov[i].base, m->iov[i].len, done ? (flags | MSG_DONTWAIT) & ~MSG_WAITALL : flags, nonblock);
    if (r < 0) {
      if (done) break;
      return file_drained(f, r, 0, 0);
    }
    done += r;
    if (r == 0 || (size_t)r < m->iov[i].len || (flags & MSG_PEEK)) break;
  }
  m->namelen = 0;
  m->controllen = 0;
  m->flags = 0;
  size_t want = 0;
  for (size_t i = 0; i < m->iovlen; i++) want += m->iov[i].len;
  return (flags & MSG_PEEK) ? done : file_drained(f, done, want, 0);
}
