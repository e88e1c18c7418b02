/* Private to the socket module: a TCP socket over an lwIP raw-API pcb. */
#pragma once
#include <stddef.h>
#include <stdint.h>
#include "fd.h"
#include "lwip/tcp.h"

enum sock_state { S_NEW, S_LISTEN, S_CONNECTING, S_CONNECTED, S_DEAD };

struct sock {
  int used;
  enum sock_state state;
  struct tcp_pcb *pcb;     /* NULL once lwIP has freed it (reset, abort) */
  struct pbuf *rx;         /* received and unread, one chain */
  int rd_eof;              /* the peer sent FIN */
  int rd_shut, wr_shut;    /* shutdown() */
  int err;                 /* pending error for SO_ERROR and the next call (positive errno) */
  int was_connected;
  struct sock *pending;    /* listener: established connections not yet accepted (FIFO) */
  struct sock *next;       /* link in the listener's list */
  int npending, backlog;
  int reuseaddr, keepalive, nodelay, rcvbuf, sndbuf;
  int linger_on, linger_secs;
  long rcvtimeo_ns, sndtimeo_ns; /* 0 = none */
};

#define POLLIN 0x001
#define POLLPRI 0x002
#define POLLOUT 0x004
#define POLLERR 0x008
#define POLLHUP 0x010
#define POLLRDNORM 0x040
#define POLLWRNORM 0x100
#define POLLRDHUP 0x2000

#define MSG_PEEK 0x2
#define MSG_TRUNC 0x20
#define MSG_DONTWAIT 0x40
#define MSG_WAITALL 0x100
#define MSG_NOSIGNAL 0x4000

/* Linux's numbers for families, types, levels and socket-level options. */
#define AF_UNSPEC 0
#define AF_UNIX 1
#define AF_INET 2
#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_TYPE_MASK 0xf
#define SOL_SOCKET 1
#define IPPROTO_IP 0
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17
enum {
  SO_DEBUG = 1, SO_REUSEADDR = 2, SO_TYPE = 3, SO_ERROR = 4, SO_DONTROUTE = 5, SO_BROADCAST = 6, SO_SNDBUF = 7,
  SO_RCVBUF = 8, SO_KEEPALIVE = 9, SO_OOBINLINE = 10, SO_LINGER = 13, SO_REUSEPORT = 15, SO_RCVLOWAT = 18,
  SO_SNDLOWAT = 19, SO_RCVTIMEO = 20, SO_SNDTIMEO = 21, SO_ACCEPTCONN = 30, SO_PROTOCOL = 38, SO_DOMAIN = 39,
};

extern const struct file_ops sock_ops;
struct sock *sock_new(void);
/* Closes the connection (reset if unread data or SO_LINGER 0) and frees s. */
void sock_free(struct sock *s);
/* The socket behind fd: -EBADF / -ENOTSOCK through *err when there is none. */
struct sock *sock_of_fd(int fd, struct file **fp, long *err);
/* Sets lwIP's callbacks on s->pcb. */
void sock_attach(struct sock *s);
long sock_recv(struct sock *s, void *buf, size_t n, int flags, int nonblock);
long sock_send(struct sock *s, const void *buf, size_t n, int flags, int nonblock);
/* Polls the network until ready(s) or the timeout (ns, 0 = none): 0, or -EAGAIN at the timeout. */
int sock_wait(struct sock *s, int (*ready)(struct sock *), long timeout_ns);

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
/* 0, or -EFAULT / -EMSGSIZE for a msghdr the app passed. */
long sock_check_msg(struct msghdr_k *m);

/* The app's sockaddr_in at addr (len bytes): 0 or -errno. for_bind lets
 * AF_UNSPEC with INADDR_ANY through, as Linux does. */
long sock_get_addr(const void *addr, unsigned len, ip_addr_t *ip, u16_t *port, int for_bind);
/* Writes a sockaddr_in (ip NULL = any) truncated to *lenp; the full length goes back. */
long sock_put_addr(void *addr, unsigned *lenp, const ip_addr_t *ip, u16_t port);
/* Whether bind may take ip: any, loopback, or an interface's address. */
int sock_local_addr(const ip_addr_t *ip);
long sock_install(struct sock *s, int flags);
