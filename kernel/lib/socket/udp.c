/* UDP sockets as files: lwIP's receive callback queues whole datagrams with
 * their sender while the network is polled; reads take one datagram each
 * (a short buffer truncates it and the rest is dropped, as on Linux), and
 * every send is one datagram. The queue is bounded (bytes and count), and a
 * datagram that finds it full is dropped, as Linux drops on a full rcvbuf. */
#include "fs-abi.h"
#include "kstring.h"
#include "lwip/ip4_addr.h"
#include "lwip/netif.h"
#include "net.h"
#include "plat.h"
#include "syscall.h"
#include "uaccess.h"
#include "udp-impl.h"

#define MAX_UDP 128
#define MAX_DGRAMS 1024   /* queued datagrams, all sockets together */
#define MAX_QUEUE 256     /* per socket */

static struct udp_sock udps[MAX_UDP];
static struct dgram dgrams[MAX_DGRAMS], *free_dgrams;
static int dgrams_ready;

static struct dgram *dgram_get(void) {
  if (!dgrams_ready) {
    for (int i = 0; i < MAX_DGRAMS; i++) dgrams[i].next = i + 1 < MAX_DGRAMS ? &dgrams[i + 1] : NULL;
    free_dgrams = dgrams;
    dgrams_ready = 1;
  }
  struct dgram *d = free_dgrams;
  if (d) free_dgrams = d->next;
  return d;
}

static void dgram_put(struct dgram *d) {
  pbuf_free(d->p);
  d->next = free_dgrams;
  free_dgrams = d;
}

struct udp_sock *udp_of_fd(int fd, struct file **fp) {
  struct file *f = fd_get(fd);
  if (!f || f->ops != &udp_ops) return NULL;
  if (fp) *fp = f;
  return f->priv;
}

static size_t queue_limit(struct udp_sock *u) { return u->rcvbuf ? (size_t)u->rcvbuf : UDP_DEFAULT_BUF; }

static void on_recv(void *arg, struct udp_pcb *pcb, struct pbuf *p, const ip_addr_t *addr, u16_t port) {
  struct udp_sock *u = arg;
  struct dgram *d = NULL;
  if (!u || u->count >= MAX_QUEUE || u->bytes + p->tot_len > queue_limit(u) || !(d = dgram_get())) {
    pbuf_free(p);
    return;
  }
  d->p = p;
  d->from = *addr;
  d->port = port;
  d->next = NULL;
  if (u->tail) u->tail->next = d;
  else u->head = d;
  u->tail = d;
  u->count++;
  u->bytes += p->tot_len;
}

long udp_socket(int type) {
  struct udp_sock *u = NULL;
  for (int i = 0; i < MAX_UDP && !u; i++)
    if (!udps[i].used) u = &udps[i];
  if (!u) return -ENFILE;
  kmemset(u, 0, sizeof *u);
  u->pcb = udp_new_ip_type(IPADDR_TYPE_V4);
  if (!u->pcb) return -ENOBUFS;
  u->used = 1;
  udp_recv(u->pcb, on_recv, u);
  struct file *f = file_alloc(&udp_ops, u, O_RDWR | (type & O_NONBLOCK));
  int fd = f ? fd_install(f, 0, !!(type & O_CLOEXEC)) : -ENFILE;
  if (fd < 0) {
    if (f) file_put(f); /* releases u */
    else { udp_remove(u->pcb); u->used = 0; }
  }
  return fd;
}

/* Whether only this process could ever send to u: no NIC, or a peer on this machine. */
static int only_us(struct udp_sock *u) {
  if (!net_has_nic()) return 1;
  return u->connected && (ip4_addr_isloopback(ip_2_ip4(&u->pcb->remote_ip)) || ip_addr_cmp(&u->pcb->remote_ip, &u->pcb->local_ip));
}

/* As sock_wait: poll the network until a datagram (or shutdown) or the
 * timeout (-EAGAIN); -EDEADLK after 5 quiet seconds when only this process
 * could send one. */
#define STUCK_NS 5000000000ull
static int wait_readable(struct udp_sock *u, long timeout_ns) {
  uint64_t now = clock_monotonic_ns();
  uint64_t deadline = timeout_ns > 0 ? now + (uint64_t)timeout_ns : 0, moved = now;
  for (;;) {
    if (net_poll()) moved = clock_monotonic_ns();
    if (u->head || u->rd_shut) return 0;
    now = clock_monotonic_ns();
    if (deadline && now >= deadline) return -EAGAIN;
    if (now - moved > STUCK_NS && only_us(u)) return -EDEADLK;
    uint64_t next = now + 1000000;
    plat_idle_until(deadline && deadline < next ? deadline : next);
  }
}

long udp_recv_iov(struct udp_sock *u, const struct iovec_k *iov, size_t cnt, int flags, int nonblock, ip_addr_t *from,
                  u16_t *port, size_t *len) {
  net_poll();
  if (!u->head) {
    if (u->rd_shut) return 0;
    if (nonblock || (flags & MSG_DONTWAIT)) return -EAGAIN;
    int w = wait_readable(u, u->rcvtimeo_ns);
    if (w < 0) return w;
    if (!u->head) return 0;
  }
  struct dgram *d = u->head;
  size_t size = d->p->tot_len, done = 0;
  for (size_t i = 0; i < cnt && done < size; i++) {
    size_t take = size - done < iov[i].len ? size - done : iov[i].len;
    if (!take) continue;
    if (user_bad(iov[i].base, take)) return -EFAULT;
    pbuf_copy_partial(d->p, iov[i].base, (u16_t)take, (u16_t)done);
    done += take;
  }
  if (from) *from = d->from;
  if (port) *port = d->port;
  if (len) *len = size;
  if (!(flags & MSG_PEEK)) {
    u->head = d->next;
    if (!u->head) u->tail = NULL;
    u->count--;
    u->bytes -= size;
    dgram_put(d);
  }
  return (long)done;
}

void udp_source_for(const ip_addr_t *peer, ip_addr_t *src) {
  if (ip4_addr_isloopback(ip_2_ip4(peer))) { ip_addr_set_loopback(0, src); return; }
  struct netif *n = ip4_route(ip_2_ip4(peer));
  if (n) ip_addr_copy_from_ip4(*src, *netif_ip4_addr(n));
  else ip_addr_set_zero(src);
}

static long errno_of(err_t r) {
  switch (r) {
  case ERR_OK: return 0;
  case ERR_RTE: return -ENETUNREACH;
  case ERR_MEM: case ERR_BUF: return -ENOBUFS;
  case ERR_USE: return -EADDRINUSE;
  default: return -EINVAL;
  }
}

/* 255.255.255.255 or an interface's subnet broadcast (127.255.255.255 too, as Linux's lo). */
static int is_broadcast(const ip_addr_t *a) {
  u32_t v = ip4_addr_get_u32(ip_2_ip4(a));
  if (v == IPADDR_BROADCAST) return 1;
  for (struct netif *n = netif_list; n; n = n->next)
    if (ip4_addr_isbroadcast_u32(v, n)) return 1;
  return 0;
}

long udp_send_iov(struct udp_sock *u, const struct iovec_k *iov, size_t cnt, const ip_addr_t *ip, u16_t port) {
  size_t n = 0;
  for (size_t i = 0; i < cnt; i++) {
    if (iov[i].len && user_bad(iov[i].base, iov[i].len)) return -EFAULT;
    n += iov[i].len;
  }
  /* the checks in the order Linux's udp_sendmsg makes them */
  if (n > 0xffff) return -EMSGSIZE;
  ip_addr_t dst;
  if (ip) {
    dst = *ip;
    if (!port) return -EINVAL;
  } else if (u->connected) {
    dst = u->pcb->remote_ip, port = u->pcb->remote_port;
  } else {
    return -EDESTADDRREQ;
  }
  if (n > UDP_MAX_PAYLOAD) return -EMSGSIZE;
  if (ip_addr_isany(&dst)) ip_addr_set_loopback(0, &dst); /* Linux: 0.0.0.0 reaches this host */
  if (is_broadcast(&dst) && !u->broadcast) return -EACCES;
  if (u->wr_shut) return -EPIPE;
  struct pbuf *p = pbuf_alloc(PBUF_TRANSPORT, (u16_t)n, PBUF_RAM);
  if (!p) { net_poll(); p = pbuf_alloc(PBUF_TRANSPORT, (u16_t)n, PBUF_RAM); }
  if (!p) return -ENOBUFS;
  size_t off = 0;
  for (size_t i = 0; i < cnt; i++) {
    if (iov[i].len) pbuf_take_at(p, iov[i].base, (u16_t)iov[i].len, (u16_t)off);
    off += iov[i].len;
  }
  err_t r = udp_sendto(u->pcb, p, &dst, port);
  pbuf_free(p);
  net_poll(); /* loopback: the datagram reaches its socket (or is dropped) now */
  return r == ERR_OK ? (long)n : errno_of(r);
}

static long u_read(struct file *f, void *buf, size_t n, uint64_t *pos) {
  struct iovec_k v = {buf, n};
  return udp_recv_iov(f->priv, &v, 1, 0, f->flags & O_NONBLOCK, NULL, NULL, NULL);
}

static long u_write(struct file *f, const void *buf, size_t n, uint64_t *pos) {
  struct iovec_k v = {(void *)buf, n};
  return udp_send_iov(f->priv, &v, 1, NULL, 0);
}

/* readv/writev: one datagram scattered into, or gathered from, the iovecs
 * (struct iovec and iovec_k have one layout) */
static long u_readv(struct file *f, const struct iovec *iov, int cnt) {
  return udp_recv_iov(f->priv, (const struct iovec_k *)iov, (size_t)cnt, 0, f->flags & O_NONBLOCK, NULL, NULL, NULL);
}

static long u_writev(struct file *f, const struct iovec *iov, int cnt) {
  return udp_send_iov(f->priv, (const struct iovec_k *)iov, (size_t)cnt, NULL, 0);
}

static short u_poll(struct file *f, short events) {
  struct udp_sock *u = f->priv;
  net_poll();
  short r = POLLOUT | POLLWRNORM | 0x200; /* POLLWRBAND: sends never wait, as Linux's datagram_poll says */
  if (u->head) r |= POLLIN | POLLRDNORM;
  if (u->rd_shut) r |= POLLIN | POLLRDNORM | POLLRDHUP;
  if (u->rd_shut && u->wr_shut) r |= POLLHUP;
  return r;
}

static long u_ioctl(struct file *f, unsigned long req, unsigned long arg) {
  struct udp_sock *u = f->priv;
  if (req == 0x541b) { /* FIONREAD: the next datagram's size, as Linux */
    if (user_bad((void *)arg, sizeof(int))) return -EFAULT;
    net_poll();
    *(int *)arg = u->head ? u->head->p->tot_len : 0;
    return 0;
  }
  return -ENOTTY;
}

static long u_stat(struct file *f, struct kstat_lite *st) {
  st->mode = S_IFSOCK | 0777;
  st->blksize = 4096;
  st->ino = 0x10000 + (uint64_t)((struct udp_sock *)f->priv - udps);
  return 0;
}

static void u_release(struct file *f) {
  struct udp_sock *u = f->priv;
  if (u->pcb) udp_remove(u->pcb);
  u->pcb = NULL;
  while (u->head) {
    struct dgram *d = u->head;
    u->head = d->next;
    dgram_put(d);
  }
  u->tail = NULL;
  u->used = 0;
}

const struct file_ops udp_ops = {
  .read = u_read, .write = u_write, .poll = u_poll, .ioctl = u_ioctl, .stat = u_stat, .release = u_release,
  .datagram = 1, .readv = u_readv, .writev = u_writev,
};
