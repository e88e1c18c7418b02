/* The socket syscalls for a UDP socket: syscalls.c, msg.c and opts.c hand
 * an fd that udp_of_fd knows to these. Linux's datagram semantics: connect
 * only sets (or with AF_UNSPEC clears) the default peer, the first send
 * binds an ephemeral port, every recv returns one datagram and its sender. */
#include "fs-abi.h"
#include "net.h"
#include "syscall.h"
#include "uaccess.h"
#include "udp-impl.h"


long udp_sys_bind(struct udp_sock *u, const void *addr, unsigned len) {
  ip_addr_t ip;
  u16_t port;
  long e = sock_get_addr(addr, len, &ip, &port, 1);
  if (e) return e;
  if (u->pcb->local_port) return -EINVAL; /* bound already, by bind, connect or a send */
  if (!sock_local_addr(&ip)) return -EADDRNOTAVAIL;
  err_t r = udp_bind(u->pcb, &ip, port);
  if (r != ERR_OK) return r == ERR_USE ? -EADDRINUSE : -EINVAL;
  u->addr_locked = !ip_addr_isany(&ip);
  u->port_locked = port != 0;
  return 0;
}

/* connect(AF_UNSPEC): forget the peer, and what connect chose for us. */
static long disconnect(struct udp_sock *u) {
  udp_disconnect(u->pcb);
  u->connected = 0;
  if (!u->addr_locked) ip_addr_set_zero(&u->pcb->local_ip);
  if (!u->port_locked) u->pcb->local_port = 0; /* lwIP binds it again at the next send */
  return 0;
}

long udp_sys_connect(struct udp_sock *u, const void *addr, unsigned len) {
  if (len < sizeof(uint16_t)) return -EINVAL;
  if (user_bad(addr, sizeof(uint16_t))) return -EFAULT;
  if (*(const uint16_t *)addr == AF_UNSPEC) return disconnect(u);
  ip_addr_t ip;
  u16_t port;
  long e = sock_get_addr(addr, len, &ip, &port, 0);
  if (e) return e;
  if (ip_addr_isany(&ip)) ip_addr_set_loopback(0, &ip); /* Linux: 0.0.0.0 is this host */
  ip_addr_t src;
  udp_source_for(&ip, &src);
  if (ip_addr_isany(&src)) return -ENETUNREACH;
  err_t r = udp_connect(u->pcb, &ip, port);
  if (r != ERR_OK) return r == ERR_USE ? -EADDRINUSE : -ENOBUFS;
  if (ip_addr_isany(&u->pcb->local_ip)) u->pcb->local_ip = src; /* as Linux, the route's source becomes ours */
  u->connected = 1;
  return 0;
}

long udp_sys_getsockname(struct udp_sock *u, void *addr, unsigned *lenp) {
  if (!addr || user_bad(lenp, sizeof *lenp)) return -EFAULT;
  return sock_put_addr(addr, lenp, &u->pcb->local_ip, u->pcb->local_port);
}

long udp_sys_getpeername(struct udp_sock *u, void *addr, unsigned *lenp) {
  if (!u->connected) return -ENOTCONN;
  if (!addr || user_bad(lenp, sizeof *lenp)) return -EFAULT;
  return sock_put_addr(addr, lenp, &u->pcb->remote_ip, u->pcb->remote_port);
}

long udp_sys_shutdown(struct udp_sock *u, int how) {
  if (how < 0 || how > 2) return -EINVAL;
  if (how != 1) u->rd_shut = 1; /* recv returns 0 when the queue is empty; datagrams still arrive, as Linux */
  if (how != 0) u->wr_shut = 1;
  return u->connected ? 0 : -ENOTCONN; /* Linux shuts an unconnected one too, and says so */
}

/* The destination of a sendto/sendmsg: *has = 0 when the app named none. */
static long dest_of(const void *addr, unsigned len, ip_addr_t *ip, u16_t *port, int *has) {
  *has = 0;
  if (!addr) return 0;
  if (len < 16) return -EINVAL;
  if (user_bad(addr, len)) return -EFAULT;
  if (*(const uint16_t *)addr == AF_UNSPEC) { /* Linux takes AF_UNSPEC as AF_INET here */
    const uint8_t *a = addr;
    *port = (u16_t)(a[2] << 8 | a[3]);
    ip_addr_set_ip4_u32(ip, *(const uint32_t *)(a + 4));
    *has = 1;
    return 0;
  }
  long e = sock_get_addr(addr, len, ip, port, 0);
  *has = !e;
  return e;
}

long udp_sys_sendto(struct file *f, struct udp_sock *u, const void *buf, size_t n, const void *addr, unsigned alen) {
  ip_addr_t ip;
  u16_t port = 0;
  int has;
  long e = dest_of(addr, alen, &ip, &port, &has);
  if (e) return e;
  struct iovec_k v = {(void *)buf, n};
  return udp_send_iov(u, &v, 1, has ? &ip : NULL, port);
}

/* MSG_TRUNC asks for the datagram's real size rather than what was copied. */
static long result(long r, size_t len, int flags) { return r >= 0 && (flags & MSG_TRUNC) ? (long)len : r; }

long udp_sys_recvfrom(struct file *f, struct udp_sock *u, void *buf, size_t n, int flags, void *addr, unsigned *alen) {
  if (addr && user_bad(alen, sizeof *alen)) return -EFAULT;
  ip_addr_t from;
  u16_t port;
  size_t len = 0;
  struct iovec_k v = {buf, n};
  long r = udp_recv_iov(u, &v, 1, flags, f->flags & O_NONBLOCK, &from, &port, &len);
  if (r < 0) return file_drained(f, r, 1, 0);
  if (addr) {
    long e = sock_put_addr(addr, alen, &from, port);
    if (e) return e;
  }
  return result(r, len, flags);
}

long udp_sys_sendmsg(struct udp_sock *u, struct msghdr_k *m) {
  ip_addr_t ip;
  u16_t port = 0;
  int has;
  long e = dest_of(m->name, m->namelen, &ip, &port, &has);
  if (e) return e;
  return udp_send_iov(u, m->iov, m->iovlen, has ? &ip : NULL, port);
}

long udp_sys_recvmsg(struct file *f, struct udp_sock *u, struct msghdr_k *m, int flags) {
  ip_addr_t from;
  u16_t port;
  size_t len = 0;
  long r = udp_recv_iov(u, m->iov, m->iovlen, flags, f->flags & O_NONBLOCK, &from, &port, &len);
  if (r < 0) return file_drained(f, r, 1, 0);
  if (m->name) {
    long e = sock_put_addr(m->name, &m->namelen, &from, port);
    if (e) return e;
  } else {
    m->namelen = 0;
  }
  m->controllen = 0; /* no IP_PKTINFO or other ancillary data */
  m->flags = (size_t)r < len ? MSG_TRUNC : 0;
  return result(r, len, flags);
}

struct timeval_k { long sec, usec; };

/* SO_RCVBUF/SO_SNDBUF as Linux keeps them: twice the value, capped at
 * twice the default rmem_max/wmem_max (212992), at least Linux's minimum. */
static int buf_size(int v, int min) {
  unsigned x = (unsigned)v > UDP_DEFAULT_BUF ? UDP_DEFAULT_BUF : (unsigned)v;
  return 2 * x < (unsigned)min ? min : (int)(2 * x);
}

long udp_sys_setsockopt(struct udp_sock *u, int level, int name, const void *val, unsigned len) {
  if (len < sizeof(int)) return -EINVAL;
  if (user_bad(val, len)) return -EFAULT;
  int v = *(const int *)val;
  if (level == SOL_SOCKET) {
    switch (name) {
    case SO_REUSEADDR:
      u->reuseaddr = !!v;
      if (v) ip_set_option(u->pcb, SOF_REUSEADDR); else ip_reset_option(u->pcb, SOF_REUSEADDR);
      return 0;
    case SO_BROADCAST: u->broadcast = !!v; return 0;
    case SO_KEEPALIVE: u->keepalive = !!v; return 0; /* kept, no effect on UDP (as Linux) */
    case SO_SNDBUF: u->sndbuf = buf_size(v, 4608); return 0;
    case SO_RCVBUF: u->rcvbuf = buf_size(v, 2304); return 0; /* bounds the receive queue */
    case SO_RCVTIMEO:
    case SO_SNDTIMEO: {
      if (len < sizeof(struct timeval_k)) return -EINVAL;
      const struct timeval_k *tv = val;
      if (tv->usec < 0 || tv->usec >= 1000000) return -EDOM;
      long ns = tv->sec < 0 ? 0 : tv->sec * 1000000000L + tv->usec * 1000L;
      if (name == SO_RCVTIMEO) u->rcvtimeo_ns = ns; else u->sndtimeo_ns = ns;
      return 0;
    }
    case SO_DEBUG: case SO_DONTROUTE: case SO_OOBINLINE: case SO_REUSEPORT: case SO_RCVLOWAT: case SO_SNDLOWAT:
      return 0;
    }
    return -ENOPROTOOPT;
  }
  if (level == IPPROTO_IP) return 0; /* IP_TOS, IP_PKTINFO ...: accepted, not applied */
  return -ENOPROTOOPT;                 /* UDP_CORK, UDP_SEGMENT, and TCP's options on a UDP socket */
}

long udp_sys_getsockopt(struct udp_sock *u, int level, int name, void *val, unsigned *lenp) {
  if (user_bad(lenp, sizeof *lenp)) return -EFAULT;
  if ((int)*lenp < 0) return -EINVAL;
  if (level != SOL_SOCKET) return -ENOPROTOOPT;
  int v;
  switch (name) {
  case SO_TYPE: v = 2; break; /* SOCK_DGRAM */
  case SO_ERROR: v = 0; break;
  case SO_REUSEADDR: v = u->reuseaddr; break;
  case SO_BROADCAST: v = u->broadcast; break;
  case SO_KEEPALIVE: v = u->keepalive; break;
  case SO_SNDBUF: v = u->sndbuf ? u->sndbuf : UDP_DEFAULT_BUF; break;
  case SO_RCVBUF: v = u->rcvbuf ? u->rcvbuf : UDP_DEFAULT_BUF; break;
  case SO_ACCEPTCONN: v = 0; break;
  case SO_PROTOCOL: v = IPPROTO_UDP; break;
  case SO_DOMAIN: v = 2; break;
  default: return -ENOPROTOOPT;
  }
  unsigned n = *lenp < sizeof v ? *lenp : sizeof v;
  if (user_bad(val, n)) return -EFAULT;
  for (unsigned i = 0; i < n; i++) ((char *)val)[i] = ((char *)&v)[i];
  *lenp = n;
  return 0;
}
