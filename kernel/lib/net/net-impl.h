/* Private to the net module: the virtio-net netif. */
#pragma once
#include "lwip/netif.h"

/* Adds the first virtio-net device as the default netif; 0 if there is none. */
int vnet_start(struct netif *nif, const ip4_addr_t *ip, const ip4_addr_t *mask, const ip4_addr_t *gw);
/* Hands received frames to lwIP; 1 if there were any. */
int vnet_poll(struct netif *nif);
/* 1 while the device has not yet taken every frame posted to it. */
int vnet_tx_pending(void);
