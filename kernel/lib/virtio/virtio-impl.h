/* Private to the virtio module: the legacy PCI transport (-M pc). */
#pragma once
#include "virtio.h"

/* Appends the virtio devices on PCI bus 0 to devs[*n .. max). */
void virtio_pci_scan(struct virtio_dev *devs, int *n, int max);
int virtio_pci_start(struct virtio_dev *d, uint64_t wanted, uint64_t *features);
uint8_t virtio_pci_config8(struct virtio_dev *d, unsigned off);
/* Tells the device queue 0 has work; acknowledges its interrupt afterwards. */
void virtio_pci_notify(struct virtio_dev *d);
void virtio_pci_ack(struct virtio_dev *d);
