/* Private to the socket module: a UDP socket over an lwIP raw-API udp_pcb.
 * lwIP's receive callback queues each datagram with its sender; the calls
 * in udp-calls.c and the file ops in udp.c take them off one at a time. */
#pragma once
#include "socket-impl.h"
#include "lwip/udp.h"

struct dgram {
  struct dgram *next;
  struct pbuf *p;
  ip_addr_t from;
  u16_t port;
};

struct udp_sock {
  int used;
  struct udp_pcb *pcb;
  struct dgram *head, *tail;   /* received, unread (FIFO) */
  int count;
  size_t bytes;
  int connected;
  int addr_locked, port_locked; /* bind named an address / a port: connect(AF_UNSPEC) keeps them */
  int rd_shut, wr_shut;
  int reuseaddr, broadcast, keepalive;
  int rcvbuf, sndbuf;           /* as getsockopt reports them (0 = the default); rcvbuf bounds the queue */
  long rcvtimeo_ns, sndtimeo_ns;
};

#define UDP_MAX_PAYLOAD 65507   /* 65535 - IP header - UDP header */
#define UDP_DEFAULT_BUF 212992  /* Linux's rmem_default / wmem_default */

extern const struct file_ops udp_ops;
/* The UDP socket behind fd, or NULL when fd is none (a bad fd is left for the TCP path to report). */
struct udp_sock *udp_of_fd(int fd, struct file **fp);
long udp_socket(int type);
/* Takes the next datagram into the iovecs (the rest of it is dropped unless
 * MSG_PEEK): bytes copied, *len = the datagram's size, sender in from/port. */
long udp_recv_iov(struct udp_sock *u, const struct iovec_k *iov, size_t cnt, int flags, int nonblock, ip_addr_t *from,
                  u16_t *port, size_t *len);
/* Sends the iovecs as one datagram to ip:port, or to the connected peer when ip is NULL. */
long udp_send_iov(struct udp_sock *u, const struct iovec_k *iov, size_t cnt, const ip_addr_t *ip, u16_t port);
/* connect's source address for a peer: 127.0.0.1 for loopback, else the NIC's. */
void udp_source_for(const ip_addr_t *peer, ip_addr_t *src);

/* udp-calls.c: the syscalls' UDP halves (arguments as the syscall got them). */
long udp_sys_bind(struct udp_sock *u, const void *addr, unsigned len);
long udp_sys_connect(struct udp_sock *u, const void *addr, unsigned len);
long udp_sys_getsockname(struct udp_sock *u, void *addr, unsigned *lenp);
long udp_sys_getpeername(struct udp_sock *u, void *addr, unsigned *lenp);
long udp_sys_shutdown(struct udp_sock *u, int how);
long udp_sys_sendto(struct file *f, struct udp_sock *u, const void *buf, size_t n, const void *addr, unsigned alen);
long udp_sys_recvfrom(struct file *f, struct udp_sock *u, void *buf, size_t n, int flags, void *addr, unsigned *alen);
long udp_sys_sendmsg(struct udp_sock *u, struct msghdr_k *m);
long udp_sys_recvmsg(struct file *f, struct udp_sock *u, struct msghdr_k *m, int flags);
long udp_sys_setsockopt(struct udp_sock *u, int level, int name, const void *val, unsigned len);
long udp_sys_getsockopt(struct udp_sock *u, int level, int name, void *val, unsigned *lenp);
