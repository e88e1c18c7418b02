/* The network stack (kernel/lib/net): lwIP's raw API, run without threads.
 * Users include lwIP's headers (the net module puts them on the include
 * path) and call net_poll before looking at a connection's state; the
 * kernel's waits run it too (plat_add_poller). */
#pragma once

/* Receives frames, delivers loopback packets, runs lwIP's timers. 1 if
 * anything arrived. */
int net_poll(void);
/* 1 if a virtio-net device is up as 10.0.2.15/24. */
int net_has_nic(void);
