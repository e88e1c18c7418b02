/* sendmsg/recvmsg for stream sockets: the iovecs one after another through
 * the same data path as send/recv. TCP carries no address and no ancillary
 * data: msg_name and msg_control come back empty. A UDP socket's calls go
 * to udp-calls.c (one datagram per call, with its address). sendmmsg and
 * recvmmsg are those calls in a loop. */
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

/* Linux's struct mmsghdr: a msghdr and the length the call moved. */
struct mmsghdr_k { struct msghdr_k hdr; unsigned len; };
#define MSG_WAITFORONE 0x10000
#define MMSG_MAX 1024 /* Linux caps vlen at UIO_MAXIOV */

/* The number of messages moved; an error only when it stopped at the first. */
static long mmsg_result(unsigned done, long r) { return done ? (long)done : r; }

SYSCALL_DEFINE(sendmmsg, int fd, struct mmsghdr_k *v, unsigned n, int flags) {
  if (n > MMSG_MAX) n = MMSG_MAX;
  if (n && user_bad(v, n * sizeof *v)) return -EFAULT;
  for (unsigned i = 0; i < n; i++) {
    long r = sys_sendmsg(fd, &v[i].hdr, flags);
    if (r < 0) return mmsg_result(i, r);
    v[i].len = (unsigned)r;
  }
  return n;
}

/* MSG_WAITFORONE: only the first message may wait. The timeout is checked
 * by Linux only between messages, so a wait for the first ignores it as
 * there; here it is only validated. */
SYSCALL_DEFINE(recvmmsg, int fd, struct mmsghdr_k *v, unsigned n, int flags, const void *timeout) {
  if (n > MMSG_MAX) n = MMSG_MAX;
  if ((n && user_bad(v, n * sizeof *v)) || (timeout && user_bad(timeout, 16))) return -EFAULT;
  for (unsigned i = 0; i < n; i++) {
    int f = flags & ~MSG_WAITFORONE;
    if (i && (flags & MSG_WAITFORONE)) f |= MSG_DONTWAIT;
    long r = sys_recvmsg(fd, &v[i].hdr, f);
    if (r < 0) return mmsg_result(i, r);
    v[i].len = (unsigned)r;
  }
  return n;
}
