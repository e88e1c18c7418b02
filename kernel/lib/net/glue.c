/* lwIP in the kernel: its clock and randomness, boot-time setup (loopback
 * always; 10.0.2.15/24 via 10.0.2.2, QEMU user networking's defaults, on the
 * first virtio-net device), and net_poll, which the kernel's waits run
 * through plat_add_poller and the socket module runs before it looks. */
#include "lwip/init.h"
#include "lwip/ip4_addr.h"
#include "lwip/netif.h"
#include "lwip/priv/tcp_priv.h"
#include "lwip/timeouts.h"
#include "net.h"
#include "net-impl.h"
#include "plat.h"
#include "random.h"

u32_t sys_now(void) { return (u32_t)(clock_monotonic_ns() / 1000000); }

unsigned kernel_lwip_rand(void) {
  unsigned r;
  random_fill(&r, sizeof r);
  return r;
}

static struct netif nic;
static int has_nic, polling;

int net_poll(void) {
  if (polling) return 0; /* lwIP is not reentrant */
  polling = 1;
  int progress = has_nic ? vnet_poll(&nic) : 0;
  for (struct netif *n = netif_list; n; n = n->next) progress |= n->loop_first != NULL;
  netif_poll_all();
  sys_check_timeouts();
  polling = 0;
  return progress;
}

int net_has_nic(void) { return has_nic; }

static int tcp_has_unsent(void) {
  for (struct tcp_pcb *p = tcp_active_pcbs; p; p = p->next)
    if (p->unsent || p->unacked) return 1;
  return 0;
}

/* The machine stops when the app exits, but on Linux the kernel would go on
 * sending what closed (or still open) connections hold, and frames already
 * handed to the NIC would leave: give both up to 2 s (QEMU sends a frame
 * from its main loop, after the guest posted it). */
#define DRAIN_NS 2000000000ull
static void drain(void) {
  if (polling) return; /* stopping from inside lwIP (a panic) */
  uint64_t end = clock_monotonic_ns() + DRAIN_NS;
  while ((tcp_has_unsent() || vnet_tx_pending()) && clock_monotonic_ns() < end) {
    if (!net_poll()) plat_idle_until(clock_monotonic_ns() + 1000000);
  }
}

void net_init(void) {
  lwip_init();
  ip4_addr_t ip, mask, gw;
  IP4_ADDR(&ip, 10, 0, 2, 15);
  IP4_ADDR(&mask, 255, 255, 255, 0);
  IP4_ADDR(&gw, 10, 0, 2, 2);
  has_nic = vnet_start(&nic, &ip, &mask, &gw);
  plat_add_poller(net_poll);
  plat_add_exit_hook(drain);
}
