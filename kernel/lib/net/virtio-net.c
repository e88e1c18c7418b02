/* A virtio-net NIC as an lwIP netif (virtio 1.x §5.1): queue 0 receives,
 * queue 1 transmits. Every RX descriptor holds one posted 2 KiB buffer
 * (header + frame); TX buffers are copies of lwIP's pbufs. Polled: vnet_poll
 * runs from the kernel's waits and hands received frames to lwIP. */
#include "lwip/etharp.h"
#include "lwip/netif.h"
#include "lwip/pbuf.h"
#include "netif/ethernet.h"
#include "diag.h"
#include "kstring.h"
#include "net-impl.h"
#include "page.h"
#include "syscall.h"
#include "virtio.h"

#define NET_F_MAC (1u << 5)
#define BUF_SIZE 2048
#define RX_BUFS 128
#define TX_BUFS 64

static struct virtio_dev *dev;
static struct virtq rxq, txq;
static size_t hdr_len; /* 10 (legacy) or 12 (VERSION_1: num_buffers is always there) */
static uint8_t *rx_buf[RX_BUFS], *tx_buf[TX_BUFS];
static int rx_count, tx_count;
static uint16_t tx_free[TX_BUFS];
static int tx_nfree;

static void rx_post(uint16_t i) {
  rxq.desc[i] = (struct vq_desc){(uintptr_t)rx_buf[i], BUF_SIZE, VQ_DESC_WRITE, 0};
  virtq_post(&rxq, i);
}

/* Returns the buffers the device has sent. */
static void tx_reclaim(void) {
  uint32_t id, len;
  while (virtq_take(&txq, &id, &len))
    if (id < (uint32_t)tx_count) tx_free[tx_nfree++] = (uint16_t)id;
}

int vnet_tx_pending(void) {
  if (!dev) return 0;
  tx_reclaim();
  return tx_nfree < tx_count;
}

static err_t vnet_output(struct netif *nif, struct pbuf *p) {
  if (p->tot_len + hdr_len > BUF_SIZE) return ERR_BUF;
  tx_reclaim();
  for (int spins = 0; tx_nfree == 0; spins++) {
    if (spins > 1000000) return ERR_MEM; /* the device stopped taking frames */
    __asm__ volatile("pause");
    tx_reclaim();
  }
  uint16_t i = tx_free[--tx_nfree];
  kmemset(tx_buf[i], 0, hdr_len); /* no checksum offload, no segmentation */
  pbuf_copy_partial(p, tx_buf[i] + hdr_len, p->tot_len, 0);
  txq.desc[i] = (struct vq_desc){(uintptr_t)tx_buf[i], (uint32_t)(hdr_len + p->tot_len), 0, 0};
  virtq_post(&txq, i);
  virtio_notify(dev, 1);
  return ERR_OK;
}

int vnet_poll(struct netif *nif) {
  if (!dev) return 0;
  int got = 0;
  uint32_t id, len;
  while (virtq_take(&rxq, &id, &len)) {
    if (id >= (uint32_t)rx_count) continue;
    if (len > hdr_len) {
      struct pbuf *p = pbuf_alloc(PBUF_RAW, (u16_t)(len - hdr_len), PBUF_POOL);
      if (p) {
        pbuf_take(p, rx_buf[id] + hdr_len, (u16_t)(len - hdr_len));
        if (nif->input(p, nif) != ERR_OK) pbuf_free(p);
      }
    }
    rx_post((uint16_t)id);
    got = 1;
  }
  if (got) virtio_notify(dev, 0);
  tx_reclaim();
  virtio_ack(dev);
  return got;
}

static uint64_t features;

static err_t vnet_netif_init(struct netif *nif) {
  /* QEMU's user network gives 52:54:00:12:34:56 when the device has no MAC feature */
  static const uint8_t fallback[6] = {0x52, 0x54, 0x00, 0x12, 0x34, 0x56};
  for (int i = 0; i < 6; i++) nif->hwaddr[i] = features & NET_F_MAC ? virtio_config8(dev, (unsigned)i) : fallback[i];
  nif->name[0] = 'e';
  nif->name[1] = 'n';
  nif->output = etharp_output;
  nif->linkoutput = vnet_output;
  nif->mtu = 1500;
  nif->hwaddr_len = 6;
  nif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET | NETIF_FLAG_LINK_UP;
  return ERR_OK;
}

static void *alloc_bufs(uint8_t **bufs, int n) {
  uint8_t *mem = pages_alloc((size_t)n * BUF_SIZE / PAGE_SIZE);
  if (!mem) return NULL;
  for (int i = 0; i < n; i++) bufs[i] = mem + (size_t)i * BUF_SIZE;
  return mem;
}

int vnet_start(struct netif *nif, const ip4_addr_t *ip, const ip4_addr_t *mask, const ip4_addr_t *gw) {
  struct virtio_dev *d = virtio_find(VIRTIO_ID_NET, 0);
  if (!d) return 0;
  int e = virtio_negotiate(d, NET_F_MAC, &features);
  if (!e) e = virtio_queue_init(d, 0, &rxq, 256);
  if (!e) e = virtio_queue_init(d, 1, &txq, 256);
  if (e || !alloc_bufs(rx_buf, RX_BUFS) || !alloc_bufs(tx_buf, TX_BUFS)) {
    kprintf("net: virtio-net setup failed (%d); no network\n", e ? e : -ENOMEM);
    return 0;
  }
  hdr_len = features & VIRTIO_F_VERSION_1 ? 12 : 10;
  rx_count = rxq.size < RX_BUFS ? rxq.size : RX_BUFS;
  tx_count = txq.size < TX_BUFS ? txq.size : TX_BUFS;
  for (int i = 0; i < tx_count; i++) tx_free[tx_nfree++] = (uint16_t)i;
  virtio_driver_ok(d);
  dev = d;
  for (int i = 0; i < rx_count; i++) rx_post((uint16_t)i);
  virtio_notify(d, 0);
  if (!netif_add(nif, ip, mask, gw, NULL, vnet_netif_init, ethernet_input)) return 0;
  netif_set_default(nif);
  netif_set_up(nif); /* announces the address (gratuitous ARP), so the host side knows the MAC */
  klog("net: virtio-net up, mac ..:%x, queues %u/%u, header %zu\n", nif->hwaddr[5], rxq.size, txq.size, hdr_len);
  return 1;
}
