/* TCP sockets as files: lwIP's raw-API callbacks fill each socket's state
 * (received data, FIN, errors, accepted connections) while the network is
 * polled, and the file ops and syscalls read that state. Nothing raises
 * interrupts, so a blocking call polls the network until its condition holds. */
#include "diag.h"
#include "fs-abi.h"
#include "kstring.h"
#include "net.h"
#include "plat.h"
#include "socket-impl.h"
#include "syscall.h"
#include "uaccess.h"

#define MAX_SOCKS 512
static struct sock socks[MAX_SOCKS];

struct sock *sock_new(void) {
  for (int i = 0; i < MAX_SOCKS; i++)
    if (!socks[i].used) {
      kmemset(&socks[i], 0, sizeof socks[i]);
      socks[i].used = 1;
      return &socks[i];
    }
  return NULL;
}

struct sock *sock_of_fd(int fd, struct file **fp, long *err) {
  struct file *f = fd_get(fd);
  if (!f) { *err = -EBADF; return NULL; }
  if (f->ops != &sock_ops) { *err = -ENOTSOCK; return NULL; }
  if (fp) *fp = f;
  return f->priv;
}

static int errno_of(err_t e, int connecting) {
  switch (e) {
  case ERR_RST: return connecting ? ECONNREFUSED : ECONNRESET;
  case ERR_ABRT: return ECONNABORTED;
  case ERR_TIMEOUT: return ETIMEDOUT;
  case ERR_RTE: return ENETUNREACH;
  default: return connecting ? ECONNREFUSED : ECONNRESET;
  }
}

/* lwIP has freed the pcb (reset, timeout, abort). */
static void on_err(void *arg, err_t e) {
  struct sock *s = arg;
  if (!s) return;
  s->pcb = NULL;
  s->err = errno_of(e, s->state == S_CONNECTING);
  s->state = S_DEAD;
}

static err_t on_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t e) {
  struct sock *s = arg;
  if (!s) { /* closed by the app: drop it */
    if (p) { tcp_recved(pcb, p->tot_len); pbuf_free(p); }
    return ERR_OK;
  }
  if (!p) { s->rd_eof = 1; return ERR_OK; }
  if (s->rd_shut) { tcp_recved(pcb, p->tot_len); pbuf_free(p); return ERR_OK; }
  if (s->rx) pbuf_cat(s->rx, p);
  else s->rx = p;
  return ERR_OK;
}

static err_t on_connected(void *arg, struct tcp_pcb *pcb, err_t e) {
  struct sock *s = arg;
  if (s) s->state = S_CONNECTED, s->was_connected = 1;
  return ERR_OK;
}

void sock_attach(struct sock *s) {
  tcp_arg(s->pcb, s);
  if (s->state == S_LISTEN) return; /* a listen pcb takes only accept */
  tcp_err(s->pcb, on_err);
  tcp_recv(s->pcb, on_recv);
}

/* A new established connection on a listener: queued until accept. */
static err_t on_accept(void *arg, struct tcp_pcb *npcb, err_t e) {
  struct sock *l = arg;
  if (e != ERR_OK || !npcb) return ERR_VAL;
  if (!l || l->npending >= l->backlog) return ERR_MEM; /* lwIP resets it */
  struct sock *s = sock_new();
  if (!s) return ERR_MEM;
  s->pcb = npcb;
  s->state = S_CONNECTED;
  s->was_connected = 1;
  sock_attach(s);
  struct sock **tail = &l->pending;
  while (*tail) tail = &(*tail)->next;
  *tail = s;
  l->npending++;
  return ERR_OK;
}

void sock_listen_attach(struct sock *s) {
  sock_attach(s);
  tcp_accept(s->pcb, on_accept);
}

void sock_connect_attach(struct sock *s, const ip_addr_t *ip, u16_t port, err_t *e) {
  sock_attach(s);
  *e = tcp_connect(s->pcb, ip, port, on_connected);
}

/* Detaches and closes the pcb; RST if unread data or if lingering with 0. */
static void drop_pcb(struct sock *s) {
  struct tcp_pcb *pcb = s->pcb;
  if (!pcb) return;
  s->pcb = NULL;
  tcp_arg(pcb, NULL);
  if (s->state == S_LISTEN) {
    tcp_close(pcb);
    return;
  }
  tcp_err(pcb, NULL);
  tcp_recv(pcb, NULL);
  tcp_sent(pcb, NULL);
  if ((s->linger_on && s->linger_secs == 0) || tcp_close(pcb) != ERR_OK) tcp_abort(pcb);
}

void sock_free(struct sock *s) {
  drop_pcb(s);
  while (s->pending) {
    struct sock *c = s->pending;
    s->pending = c->next;
    c->linger_on = 1; /* unaccepted: reset, as Linux does */
    sock_free(c);
  }
  if (s->rx) pbuf_free(s->rx);
  s->rx = NULL;
  s->used = 0;
}

/* Whether only this process could ever satisfy a wait on s: no NIC, or a
 * connection whose peer is this machine (loopback or our own address). */
static int peer_is_us(struct sock *s) {
  if (!net_has_nic()) return 1;
  if (s->state == S_LISTEN || !s->pcb) return 0;
  return ip4_addr_isloopback(ip_2_ip4(&s->pcb->remote_ip)) || ip_addr_cmp(&s->pcb->remote_ip, &s->pcb->local_ip);
}

/* A wait only this process could end, with nothing arriving for this long
 * (longer than lwIP's first retransmission timeout, 3 s), can never end:
 * EDEADLK, as pipes answer. */
#define STUCK_NS 5000000000ull

int sock_wait(struct sock *s, int (*ready)(struct sock *), long timeout_ns) {
  uint64_t now = clock_monotonic_ns();
  uint64_t deadline = timeout_ns > 0 ? now + (uint64_t)timeout_ns : 0, moved = now;
  for (;;) {
    if (net_poll()) moved = clock_monotonic_ns();
    if (ready(s)) return 0;
    now = clock_monotonic_ns();
    if (deadline && now >= deadline) return -EAGAIN;
    if (now - moved > STUCK_NS && peer_is_us(s)) return -EDEADLK;
    uint64_t next = now + 1000000;
    plat_idle_until(deadline && deadline < next ? deadline : next);
  }
}

static int readable(struct sock *s) { return s->rx || s->rd_eof || s->rd_shut || s->err || !s->pcb; }

long sock_recv(struct sock *s, void *buf, size_t n, int flags, int nonblock) {
  if (s->state == S_LISTEN || (s->state == S_NEW) || (s->state == S_CONNECTING && !s->err)) return -ENOTCONN;
  if (n && user_bad(buf, n)) return -EFAULT;
  size_t done = 0;
  for (;;) {
    net_poll();
    if (s->rx && done < n) {
      size_t avail = s->rx->tot_len, take = n - done < avail ? n - done : avail;
      pbuf_copy_partial(s->rx, (uint8_t *)buf + done, (u16_t)take, 0);
      if (!(flags & MSG_PEEK)) {
        s->rx = pbuf_free_header(s->rx, (u16_t)take);
        if (s->pcb) tcp_recved(s->pcb, (u16_t)take);
      }
      done += take;
      if (flags & MSG_PEEK) return (long)done;
    }
    if (done == n || (done && !(flags & MSG_WAITALL))) return (long)done;
    if (!s->rx && (s->rd_eof || s->rd_shut)) return (long)done;
    if (s->err) {
      if (done) return (long)done;
      int e = s->err;
      s->err = 0;
      return -e;
    }
    if (!s->pcb) return (long)done; /* closed under us with no error left to report */
    if (nonblock || (flags & MSG_DONTWAIT)) return done ? (long)done : -EAGAIN;
    int w = sock_wait(s, readable, s->rcvtimeo_ns);
    if (w < 0) return done ? (long)done : w;
  }
}

static int writable(struct sock *s) {
  return !s->pcb || s->err || (tcp_sndbuf(s->pcb) > 0 && tcp_sndqueuelen(s->pcb) < TCP_SND_QUEUELEN);
}

long sock_send(struct sock *s, const void *buf, size_t n, int flags, int nonblock) {
  if (s->err && s->state == S_DEAD) {
    int e = s->err;
    s->err = 0;
    return -e;
  }
  if (s->state != S_CONNECTED || s->wr_shut || !s->pcb) return s->state == S_CONNECTING && !nonblock ? -EAGAIN : -EPIPE; /* no SIGPIPE: signals are not delivered */
  if (n && user_bad(buf, n)) return -EFAULT;
  size_t done = 0;
  while (done < n) {
    if (!s->pcb || s->err) {
      if (done) break;
      int e = s->err ? s->err : EPIPE;
      s->err = 0;
      return -e;
    }
    size_t room = tcp_sndbuf(s->pcb);
    if (tcp_sndqueuelen(s->pcb) >= TCP_SND_QUEUELEN) room = 0;
    size_t chunk = n - done < room ? n - done : room;
    if (chunk > 0xffff) chunk = 0xffff;
    if (chunk && tcp_write(s->pcb, (const uint8_t *)buf + done, (u16_t)chunk, TCP_WRITE_FLAG_COPY) == ERR_OK) {
      done += chunk;
      continue;
    }
    tcp_output(s->pcb);
    if (nonblock || (flags & MSG_DONTWAIT)) break;
    int w = sock_wait(s, writable, s->sndtimeo_ns);
    if (w < 0) {
      if (!done) return w;
      break;
    }
  }
  if (s->pcb) tcp_output(s->pcb);
  net_poll();
  if (!done && n) return -EAGAIN;
  return (long)done;
}

static long s_read(struct file *f, void *buf, size_t n, uint64_t *pos) { return sock_recv(f->priv, buf, n, 0, f->flags & O_NONBLOCK); }
static long s_write(struct file *f, const void *buf, size_t n, uint64_t *pos) { return sock_send(f->priv, buf, n, 0, f->flags & O_NONBLOCK); }

static short s_poll(struct file *f, short events) {
  struct sock *s = f->priv;
  net_poll();
  short r = 0;
  switch (s->state) {
  case S_NEW: return POLLOUT | POLLWRNORM | POLLHUP;
  case S_LISTEN: return s->pending ? POLLIN | POLLRDNORM : 0;
  case S_CONNECTING: return 0;
  case S_CONNECTED:
  case S_DEAD:
    if (s->rx || s->rd_eof || s->rd_shut) r |= POLLIN | POLLRDNORM;
    if (s->rd_eof) r |= POLLRDHUP;
    if (s->pcb && !s->wr_shut && writable(s)) r |= POLLOUT | POLLWRNORM;
    if (!s->pcb || (s->rd_eof && s->wr_shut)) r |= POLLHUP | POLLIN | POLLRDNORM;
    if (s->err) r |= POLLERR | (s->was_connected ? 0 : POLLOUT);
    return r;
  }
  return r;
}

static long s_ioctl(struct file *f, unsigned long req, unsigned long arg) {
  struct sock *s = f->priv;
  if (req == 0x541b) { /* FIONREAD */
    if (user_bad((void *)arg, sizeof(int))) return -EFAULT;
    if (s->state == S_LISTEN) return -EINVAL;
    net_poll();
    *(int *)arg = s->rx ? s->rx->tot_len : 0;
    return 0;
  }
  return -ENOTTY;
}

static long s_stat(struct file *f, struct kstat_lite *st) {
  st->mode = S_IFSOCK | 0777;
  st->blksize = 4096;
  st->ino = (uint64_t)((struct sock *)f->priv - socks) + 1;
  return 0;
}

static void s_release(struct file *f) {
  sock_free(f->priv);
  net_poll();
}

const struct file_ops sock_ops = {
  .read = s_read, .write = s_write, .poll = s_poll, .ioctl = s_ioctl, .stat = s_stat, .release = s_release,
};
