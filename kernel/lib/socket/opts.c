/* setsockopt/getsockopt: the options servers set. Those lwIP acts on
 * (SO_REUSEADDR, SO_KEEPALIVE, TCP_NODELAY, TCP_KEEP*) are applied; buffer
 * sizes are remembered and reported, not applied; the rest of the common ones
 * are accepted and ignored (see module.json). UDP sockets: udp-calls.c. */
#include "udp-impl.h"
#include "syscall.h"
#include "uaccess.h"

enum { TCP_NODELAY = 1, TCP_MAXSEG = 2, TCP_CORK = 3, TCP_KEEPIDLE = 4, TCP_KEEPINTVL = 5, TCP_KEEPCNT = 6,
       TCP_DEFER_ACCEPT = 9, TCP_QUICKACK = 12, TCP_FASTOPEN = 23 };
#define DEFAULT_BUF 65536

struct timeval_k { long sec, usec; };

static long timeo_ns(const struct timeval_k *tv) { return tv->sec * 1000000000L + tv->usec * 1000L; }

SYSCALL_DEFINE(setsockopt, int fd, int level, int name, const void *val, unsigned len) {
  long e;
  struct udp_sock *u = udp_of_fd(fd, NULL);
  if (u) return udp_sys_setsockopt(u, level, name, val, len);
  struct sock *s = sock_of_fd(fd, NULL, &e);
  if (!s) return e;
  if (len < sizeof(int)) return -EINVAL;
  if (user_bad(val, len)) return -EFAULT;
  int v = *(const int *)val;
  struct tcp_pcb *pcb = s->pcb;
  if (level == SOL_SOCKET) {
    switch (name) {
    case SO_REUSEADDR:
      s->reuseaddr = !!v;
      if (pcb) { if (v) ip_set_option(pcb, SOF_REUSEADDR); else ip_reset_option(pcb, SOF_REUSEADDR); }
      return 0;
    case SO_KEEPALIVE:
      s->keepalive = !!v;
      if (pcb && s->state != S_LISTEN) { if (v) ip_set_option(pcb, SOF_KEEPALIVE); else ip_reset_option(pcb, SOF_KEEPALIVE); }
      return 0;
    case SO_SNDBUF: s->sndbuf = v; return 0;
    case SO_RCVBUF: s->rcvbuf = v; return 0;
    case SO_LINGER: {
      if (len < 8) return -EINVAL;
      const int *l = val;
      s->linger_on = !!l[0], s->linger_secs = l[1];
      return 0;
    }
    case SO_RCVTIMEO:
    case SO_SNDTIMEO: {
      if (len < sizeof(struct timeval_k)) return -EINVAL;
      const struct timeval_k *tv = val;
      if (tv->usec < 0 || tv->usec >= 1000000) return -EDOM;
      long ns = tv->sec < 0 ? 0 : timeo_ns(tv);
      if (name == SO_RCVTIMEO) s->rcvtimeo_ns = ns; else s->sndtimeo_ns = ns;
      return 0;
    }
    case SO_DEBUG: case SO_DONTROUTE: case SO_BROADCAST: case SO_OOBINLINE: case SO_REUSEPORT:
    case SO_RCVLOWAT: case SO_SNDLOWAT:
      return 0;
    }
    return -ENOPROTOOPT;
  }
  if (level == IPPROTO_TCP) {
    switch (name) {
    case TCP_NODELAY:
      s->nodelay = !!v;
      if (pcb && s->state != S_LISTEN) { if (v) tcp_nagle_disable(pcb); else tcp_nagle_enable(pcb); }
      return 0;
    case TCP_KEEPIDLE: case TCP_KEEPINTVL: case TCP_KEEPCNT:
      if (v < 1) return -EINVAL;
      if (pcb && s->state != S_LISTEN) {
        if (name == TCP_KEEPIDLE) pcb->keep_idle = (u32_t)v * 1000;
        else if (name == TCP_KEEPINTVL) pcb->keep_intvl = (u32_t)v * 1000;
        else pcb->keep_cnt = (u32_t)v;
      }
      return 0;
    case TCP_MAXSEG: case TCP_CORK: case TCP_DEFER_ACCEPT: case TCP_QUICKACK: case TCP_FASTOPEN:
      return 0;
    }
    return -ENOPROTOOPT;
  }
  if (level == IPPROTO_IP) return 0; /* IP_TOS and friends: accepted, not applied */
  return -ENOPROTOOPT;
}

SYSCALL_DEFINE(getsockopt, int fd, int level, int name, void *val, unsigned *lenp) {
  long e;
  struct udp_sock *u = udp_of_fd(fd, NULL);
  if (u) return udp_sys_getsockopt(u, level, name, val, lenp);
  struct sock *s = sock_of_fd(fd, NULL, &e);
  if (!s) return e;
  if (user_bad(lenp, sizeof *lenp)) return -EFAULT;
  if ((int)*lenp < 0) return -EINVAL;
  int v;
  if (level == SOL_SOCKET) {
    switch (name) {
    case SO_TYPE: v = 1; break; /* SOCK_STREAM */
    case SO_ERROR: v = s->err; s->err = 0; break;
    case SO_REUSEADDR: v = s->reuseaddr; break;
    case SO_KEEPALIVE: v = s->keepalive; break;
    case SO_SNDBUF: v = s->sndbuf ? 2 * s->sndbuf : DEFAULT_BUF; break; /* Linux reports double what was set */
    case SO_RCVBUF: v = s->rcvbuf ? 2 * s->rcvbuf : DEFAULT_BUF; break;
    case SO_ACCEPTCONN: v = s->state == S_LISTEN; break;
    case SO_PROTOCOL: v = IPPROTO_TCP; break;
    case SO_DOMAIN: v = 2; break;
    case SO_LINGER: {
      int l[2] = {s->linger_on, s->linger_secs};
      unsigned n = *lenp < sizeof l ? *lenp : sizeof l;
      if (user_bad(val, n)) return -EFAULT;
      for (unsigned i = 0; i < n; i++) ((char *)val)[i] = ((char *)l)[i];
      *lenp = n;
      return 0;
    }
    default: return -ENOPROTOOPT;
    }
  } else if (level == IPPROTO_TCP) {
    switch (name) {
    case TCP_NODELAY: v = s->nodelay; break;
    case TCP_MAXSEG: v = TCP_MSS; break;
    default: return -ENOPROTOOPT;
    }
  } else {
    return -ENOPROTOOPT;
  }
  unsigned n = *lenp < sizeof v ? *lenp : sizeof v;
  if (user_bad(val, n)) return -EFAULT;
  for (unsigned i = 0; i < n; i++) ((char *)val)[i] = ((char *)&v)[i];
  *lenp = n;
  return 0;
}
