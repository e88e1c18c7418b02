/* The socket syscalls for AF_INET SOCK_STREAM (TCP) over lwIP; a UDP
 * socket's fd goes to its half in udp-calls.c. Other
 * families and types fail with the errno Linux gives for an unsupported one,
 * so an app can tell instead of waiting. */
#include "diag.h"
#include "fs-abi.h"
#include "kstring.h"
#include "lwip/ip4_addr.h"
#include "lwip/netif.h"
#include "net.h"
#include "udp-impl.h"
#include "syscall.h"
#include "uaccess.h"

#define SOCK_NONBLOCK O_NONBLOCK
#define SOCK_CLOEXEC O_CLOEXEC
#define SHUT_RD 0
#define SHUT_WR 1
#define SHUT_RDWR 2
#define MAX_BACKLOG 255 /* lwIP keeps the backlog in a byte */

/* `autoport run --publish` looks for this string in a bare image.elf */
static const char driver_tag[] = "autoport.driver=socket";

struct sockaddr_in_k { uint16_t family, port; uint32_t addr; uint8_t zero[8]; };

void sock_listen_attach(struct sock *s);
void sock_connect_attach(struct sock *s, const ip_addr_t *ip, u16_t port, err_t *e);

long sock_install(struct sock *s, int flags) {
  struct file *f = file_alloc(&sock_ops, s, O_RDWR | (flags & SOCK_NONBLOCK ? O_NONBLOCK : 0));
  if (!f) return -ENFILE;
  int fd = fd_install(f, 0, !!(flags & SOCK_CLOEXEC));
  if (fd < 0) file_put(f);
  return fd;
}

SYSCALL_DEFINE(socket, int domain, int type, int protocol) {
  if (type & ~(SOCK_TYPE_MASK | SOCK_NONBLOCK | SOCK_CLOEXEC)) return -EINVAL;
  if (domain != AF_INET) return -EAFNOSUPPORT;
  static int first = 1;
  if ((type & SOCK_TYPE_MASK) == SOCK_DGRAM) {
    if (protocol != 0 && protocol != IPPROTO_UDP) return -EPROTONOSUPPORT;
    if (first) first = 0, klog("socket: first socket, UDP (%s)\n", driver_tag);
    return udp_socket(type);
  }
  if ((type & SOCK_TYPE_MASK) != SOCK_STREAM) return -EPROTONOSUPPORT; /* raw sockets are not there */
  if (protocol != 0 && protocol != IPPROTO_TCP) return -EPROTONOSUPPORT;
  if (first) first = 0, klog("socket: first TCP socket (%s)\n", driver_tag);
  struct sock *s = sock_new();
  if (!s) return -ENFILE;
  s->pcb = tcp_new_ip_type(IPADDR_TYPE_V4);
  if (!s->pcb) { s->used = 0; return -ENOBUFS; }
  sock_attach(s);
  long fd = sock_install(s, type);
  if (fd < 0) { tcp_abort(s->pcb); s->used = 0; }
  return fd;
}

/* Copies the app's sockaddr_in; 0 or -errno. */
long sock_get_addr(const void *addr, unsigned len, ip_addr_t *ip, u16_t *port, int for_bind) {
  if (len < sizeof(struct sockaddr_in_k)) return -EINVAL;
  if (user_bad(addr, len)) return -EFAULT;
  const struct sockaddr_in_k *a = addr;
  /* Linux accepts AF_UNSPEC with INADDR_ANY in bind, for old programs */
  if (a->family != AF_INET && !(for_bind && a->family == AF_UNSPEC && a->addr == 0)) return -EAFNOSUPPORT;
  ip_addr_set_ip4_u32(ip, a->addr);
  *port = lwip_ntohs(a->port);
  return 0;
}

/* Writes a sockaddr_in, truncated to the app's length; the full length goes back. */
long sock_put_addr(void *addr, unsigned *lenp, const ip_addr_t *ip, u16_t port) {
  if (!addr) return 0;
  if (user_bad(lenp, sizeof *lenp)) return -EFAULT;
  if ((int)*lenp < 0) return -EINVAL;
  struct sockaddr_in_k a = {AF_INET, lwip_htons(port), ip ? ip4_addr_get_u32(ip_2_ip4(ip)) : 0, {0}};
  unsigned n = *lenp < sizeof a ? *lenp : sizeof a;
  if (n && user_bad(addr, n)) return -EFAULT;
  kmemcpy(addr, &a, n);
  *lenp = sizeof a;
  return 0;
}

/* An address bind may take: any, loopback, or one of the interfaces'. */
int sock_local_addr(const ip_addr_t *ip) {
  if (ip_addr_isany(ip) || ip4_addr_isloopback(ip_2_ip4(ip))) return 1;
  for (struct netif *n = netif_list; n; n = n->next)
    if (ip4_addr_cmp(ip_2_ip4(ip), netif_ip4_addr(n))) return 1;
  return 0;
}

SYSCALL_DEFINE(bind, int fd, const void *addr, unsigned len) {
  struct udp_sock *u = udp_of_fd(fd, NULL);
  if (u) return udp_sys_bind(u, addr, len);
  long e;
  struct sock *s = sock_of_fd(fd, NULL, &e);
  if (!s) return e;
  ip_addr_t ip;
  u16_t port;
  if ((e = sock_get_addr(addr, len, &ip, &port, 1))) return e;
  if (s->state != S_NEW || !s->pcb || s->pcb->local_port) return -EINVAL;
  if (!sock_local_addr(&ip)) return -EADDRNOTAVAIL;
  err_t r = tcp_bind(s->pcb, &ip, port);
  return r == ERR_OK ? 0 : r == ERR_USE ? -EADDRINUSE : -EINVAL;
}

SYSCALL_DEFINE(listen, int fd, int backlog) {
  struct udp_sock *u = udp_of_fd(fd, NULL);
  if (u) return -EOPNOTSUPP;
  long e;
  struct sock *s = sock_of_fd(fd, NULL, &e);
  if (!s) return e;
  int b = backlog < 1 ? 1 : backlog > MAX_BACKLOG ? MAX_BACKLOG : backlog;
  if (s->state == S_LISTEN) { s->backlog = b; return 0; }
  if (s->state != S_NEW || !s->pcb) return -EINVAL;
  if (!s->pcb->local_port && tcp_bind(s->pcb, IP_ANY_TYPE, 0) != ERR_OK) return -EADDRINUSE;
  err_t r;
  struct tcp_pcb *l = tcp_listen_with_backlog_and_err(s->pcb, (u8_t)b, &r);
  if (!l) return r == ERR_USE ? -EADDRINUSE : -ENOBUFS;
  s->pcb = l; /* lwIP freed the old pcb */
  s->state = S_LISTEN;
  s->backlog = b;
  sock_listen_attach(s);
  return 0;
}

static int has_pending(struct sock *s) { return s->pending != NULL; }

static long do_accept(int fd, void *addr, unsigned *lenp, int flags) {
  if (udp_of_fd(fd, NULL)) return -EOPNOTSUPP;
  long e;
  struct file *f;
  struct sock *l = sock_of_fd(fd, &f, &e);
  if (!l) return e;
  if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)) return -EINVAL;
  if (l->state != S_LISTEN) return -EINVAL;
  if (addr && user_bad(lenp, sizeof *lenp)) return -EFAULT;
  net_poll();
  if (!l->pending) {
    if (f->flags & O_NONBLOCK) return file_drained(f, -EAGAIN, 0, 0);
    int w = sock_wait(l, has_pending, l->rcvtimeo_ns);
    if (w < 0) return w;
  }
  struct sock *s = l->pending;
  ip_addr_t peer = s->pcb ? s->pcb->remote_ip : *IP_ADDR_ANY;
  u16_t port = s->pcb ? s->pcb->remote_port : 0;
  if ((e = sock_put_addr(addr, lenp, &peer, port))) return e;
  long nfd = sock_install(s, flags);
  if (nfd < 0) return nfd;
  l->pending = s->next;
  s->next = NULL;
  l->npending--;
  return nfd;
}

SYSCALL_DEFINE(accept, int fd, void *addr, unsigned *lenp) { return do_accept(fd, addr, lenp, 0); }
SYSCALL_DEFINE(accept4, int fd, void *addr, unsigned *lenp, int flags) { return do_accept(fd, addr, lenp, flags); }

static int connect_done(struct sock *s) { return s->state != S_CONNECTING; }

SYSCALL_DEFINE(connect, int fd, const void *addr, unsigned len) {
  struct udp_sock *u = udp_of_fd(fd, NULL);
  if (u) return udp_sys_connect(u, addr, len);
  long e;
  struct file *f;
  struct sock *s = sock_of_fd(fd, &f, &e);
  if (!s) return e;
  ip_addr_t ip;
  u16_t port;
  if ((e = sock_get_addr(addr, len, &ip, &port, 0))) return e;
  if (s->state == S_CONNECTED || s->state == S_LISTEN) return -EISCONN;
  if (s->state == S_CONNECTING) return -EALREADY;
  if (s->state == S_DEAD && s->was_connected) return -EISCONN;
  if (s->state == S_DEAD) { /* a failed connect may be tried again, as on Linux */
    s->pcb = tcp_new_ip_type(IPADDR_TYPE_V4);
    if (!s->pcb) return -ENOBUFS;
    s->state = S_NEW;
    s->err = 0;
    s->rd_eof = 0;
  }
  if (ip_addr_isany(&ip)) ip_addr_set_loopback(0, &ip); /* Linux: connecting to 0.0.0.0 reaches this host */
  s->state = S_CONNECTING;
  err_t r;
  sock_connect_attach(s, &ip, port, &r);
  if (r != ERR_OK) { s->state = S_NEW; return r == ERR_USE ? -EADDRINUSE : r == ERR_RTE ? -ENETUNREACH : -ENOBUFS; }
  net_poll();
  if (f->flags & O_NONBLOCK) {
    if (s->state == S_CONNECTED) return 0;
    return -EINPROGRESS;
  }
  sock_wait(s, connect_done, 0);
  if (s->state == S_CONNECTED) return 0;
  int err = s->err ? s->err : ECONNREFUSED;
  s->err = 0;
  return -err;
}

SYSCALL_DEFINE(getsockname, int fd, void *addr, unsigned *lenp) {
  struct udp_sock *u = udp_of_fd(fd, NULL);
  if (u) return udp_sys_getsockname(u, addr, lenp);
  long e;
  struct sock *s = sock_of_fd(fd, NULL, &e);
  if (!s) return e;
  if (!addr || user_bad(lenp, sizeof *lenp)) return -EFAULT;
  return sock_put_addr(addr, lenp, s->pcb ? &s->pcb->local_ip : NULL, s->pcb ? s->pcb->local_port : 0);
}

SYSCALL_DEFINE(getpeername, int fd, void *addr, unsigned *lenp) {
  struct udp_sock *u = udp_of_fd(fd, NULL);
  if (u) return udp_sys_getpeername(u, addr, lenp);
  long e;
  struct sock *s = sock_of_fd(fd, NULL, &e);
  if (!s) return e;
  if (s->state != S_CONNECTED || !s->pcb) return -ENOTCONN;
  if (!addr || user_bad(lenp, sizeof *lenp)) return -EFAULT;
  return sock_put_addr(addr, lenp, &s->pcb->remote_ip, s->pcb->remote_port);
}

SYSCALL_DEFINE(shutdown, int fd, int how) {
  struct udp_sock *u = udp_of_fd(fd, NULL);
  if (u) return udp_sys_shutdown(u, how);
  long e;
  struct sock *s = sock_of_fd(fd, NULL, &e);
  if (!s) return e;
  if (how < SHUT_RD || how > SHUT_RDWR) return -EINVAL;
  if (s->state == S_LISTEN && how != SHUT_WR) return 0; /* Linux stops a listener; nothing waits here */
  if (s->state != S_CONNECTED && s->state != S_DEAD) return -ENOTCONN;
  if (how != SHUT_WR) s->rd_shut = 1;
  if (how != SHUT_RD && !s->wr_shut) {
    s->wr_shut = 1;
    if (s->pcb) tcp_shutdown(s->pcb, 0, 1);
  }
  net_poll();
  return 0;
}

SYSCALL_DEFINE(sendto, int fd, const void *buf, size_t n, int flags, const void *addr, unsigned alen) {
  long e;
  struct file *f;
  struct udp_sock *u = udp_of_fd(fd, &f);
  if (u) return udp_sys_sendto(f, u, buf, n, addr, alen);
  struct sock *s = sock_of_fd(fd, &f, &e);
  if (!s) return e;
  /* a stream socket ignores the address once connected, as Linux does */
  return file_drained(f, sock_send(s, buf, n, flags, f->flags & O_NONBLOCK), n, 1);
}

SYSCALL_DEFINE(recvfrom, int fd, void *buf, size_t n, int flags, void *addr, unsigned *alen) {
  long e;
  struct file *f;
  struct udp_sock *u = udp_of_fd(fd, &f);
  if (u) return udp_sys_recvfrom(f, u, buf, n, flags, addr, alen);
  struct sock *s = sock_of_fd(fd, &f, &e);
  if (!s) return e;
  long r = file_drained(f, sock_recv(s, buf, n, flags, f->flags & O_NONBLOCK), (flags & MSG_PEEK) ? 0 : n, 0);
  if (r >= 0 && addr && alen && !user_bad(alen, sizeof *alen)) *alen = 0; /* TCP names no sender */
  return r;
}
