/* socketpair(AF_UNIX, SOCK_STREAM): two connected stream sockets, made as a
 * TCP connection over lwIP's loopback (a listener on an ephemeral port of
 * 127.0.0.1, connected to and closed again). The ends behave as a Unix
 * stream pair for read/write/poll/shutdown; getsockname shows AF_INET, and
 * no file descriptors travel (see module.json). */
#include "fs-abi.h"
#include "net.h"
#include "socket-impl.h"
#include "syscall.h"
#include "uaccess.h"

#define PAIR_WAIT_NS 2000000000L /* loopback needs a few polls, never seconds */

void sock_listen_attach(struct sock *s);
void sock_connect_attach(struct sock *s, const ip_addr_t *ip, u16_t port, err_t *e);
long sock_install(struct sock *s, int flags);
long sys_close(int fd);

static int connected(struct sock *s) { return s->state != S_CONNECTING; }
static int has_pending(struct sock *s) { return s->pending != NULL; }

/* The two ends, or -errno. */
static long make_pair(struct sock **a, struct sock **b) {
  ip_addr_t lo;
  ip_addr_set_loopback(0, &lo);
  struct sock *l = sock_new(), *c = sock_new();
  long e = -ENOBUFS;
  if (!l || !c) goto out;
  l->pcb = tcp_new_ip_type(IPADDR_TYPE_V4);
  c->pcb = tcp_new_ip_type(IPADDR_TYPE_V4);
  if (!l->pcb || !c->pcb || tcp_bind(l->pcb, &lo, 0) != ERR_OK) goto out;
  struct tcp_pcb *lp = tcp_listen_with_backlog(l->pcb, 1);
  if (!lp) goto out;
  l->pcb = lp;
  l->state = S_LISTEN;
  l->backlog = 1;
  sock_listen_attach(l);
  sock_attach(c);
  c->state = S_CONNECTING;
  err_t r;
  sock_connect_attach(c, &lo, lp->local_port, &r);
  if (r != ERR_OK || sock_wait(c, connected, PAIR_WAIT_NS) < 0 || c->state != S_CONNECTED) goto out;
  if (sock_wait(l, has_pending, PAIR_WAIT_NS) < 0) goto out;
  *a = c;
  *b = l->pending;
  l->pending = NULL;
  l->npending = 0;
  sock_free(l);
  return 0;
out:
  if (l) sock_free(l);
  if (c) sock_free(c);
  return e;
}

SYSCALL_DEFINE(socketpair, int domain, int type, int protocol, int *sv) {
  if (type & ~(SOCK_TYPE_MASK | O_NONBLOCK | O_CLOEXEC)) return -EINVAL;
  if (domain == AF_INET) return -EOPNOTSUPP; /* as Linux: only local families pair */
  if (domain != AF_UNIX) return -EAFNOSUPPORT;
  if ((type & SOCK_TYPE_MASK) != SOCK_STREAM || protocol != 0) return -EPROTONOSUPPORT; /* SOCK_DGRAM/SEQPACKET pairs are not there yet */
  if (user_bad(sv, 2 * sizeof(int))) return -EFAULT;
  struct sock *a, *b;
  long e = make_pair(&a, &b);
  if (e) return e;
  long fa = sock_install(a, type);
  if (fa < 0) { sock_free(a); sock_free(b); return fa; }
  long fb = sock_install(b, type);
  if (fb < 0) { sys_close((int)fa); sock_free(b); return fb; }
  sv[0] = (int)fa;
  sv[1] = (int)fb;
  return 0;
}
