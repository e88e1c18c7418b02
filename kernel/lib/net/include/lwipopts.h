/* lwIP's build options for the kernel (lwIP opt.h lists them all): no OS
 * (NO_SYS), the raw callback API only, IPv4 + TCP + UDP + ARP + ICMP, a
 * loopback interface so 127.0.0.1 works inside the guest, and static pools
 * (lwIP's own heap over a static array), so lwIP never calls the kernel heap. */
#pragma once

#define NO_SYS 1
#define SYS_LIGHTWEIGHT_PROT 0
#define LWIP_NETCONN 0
#define LWIP_SOCKET 0
#define LWIP_IPV4 1
#define LWIP_IPV6 0
#define LWIP_ARP 1
#define LWIP_ETHERNET 1
#define LWIP_ICMP 1
#define LWIP_RAW 0
#define LWIP_UDP 1
#define LWIP_TCP 1
#define LWIP_DHCP 0
#define LWIP_AUTOIP 0
#define LWIP_IGMP 0
#define LWIP_DNS 0
#define LWIP_STATS 0
#define LWIP_NETIF_LOOPBACK 1
#define LWIP_HAVE_LOOPIF 1
#define LWIP_LOOPBACK_MAX_PBUFS 0
#define LWIP_NETIF_STATUS_CALLBACK 0
#define LWIP_NETIF_LINK_CALLBACK 0
#define LWIP_SINGLE_NETIF 0
#define IP_FORWARD 0
#define IP_REASSEMBLY 0
#define IP_FRAG 0
#define SO_REUSE 1
#define LWIP_TCP_KEEPALIVE 1
#define LWIP_CALLBACK_API 1
#define LWIP_EVENT_API 0
#define TCP_LISTEN_BACKLOG 1
#define LWIP_RAND() kernel_lwip_rand()

/* Memory: lwIP's heap is a static array; pools are static too. */
#define MEM_LIBC_MALLOC 0
#define MEMP_MEM_MALLOC 0
#define MEM_ALIGNMENT 8
#define MEM_SIZE (1024 * 1024)
#define MEMP_NUM_PBUF 256
#define MEMP_NUM_UDP_PCB 128 /* as many as the socket module has UDP sockets */
#define MEMP_NUM_TCP_PCB 128
#define MEMP_NUM_TCP_PCB_LISTEN 16
#define MEMP_NUM_TCP_SEG 512
#define MEMP_NUM_REASSDATA 8
#define MEMP_NUM_FRAG_PBUF 16
#define MEMP_NUM_ARP_QUEUE 32
#define MEMP_NUM_SYS_TIMEOUT 16
#define PBUF_POOL_SIZE 512 /* received frames held until the app reads: 64 KiB windows on several connections */
#define PBUF_POOL_BUFSIZE 1536

/* TCP: a 64 KiB window and send buffer, Ethernet's MSS. */
#define TCP_MSS 1460
#define TCP_WND (44 * TCP_MSS)
#define TCP_SND_BUF (44 * TCP_MSS)
#define TCP_SND_QUEUELEN (4 * TCP_SND_BUF / TCP_MSS)
#define TCP_SNDLOWAT (TCP_SND_BUF / 4)
#define TCP_QUEUE_OOSEQ 1
#define LWIP_WND_SCALE 0

#define CHECKSUM_GEN_IP 1
#define CHECKSUM_GEN_TCP 1
#define CHECKSUM_CHECK_IP 1
#define CHECKSUM_CHECK_TCP 1

#define LWIP_DEBUG 0
/* lwIP's internal asserts carry ~20 KB of messages into every image that
 * has the network; the raw-API use here is checked by the conformance tests. */
#define LWIP_NOASSERT 1
