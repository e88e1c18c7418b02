/* Private to the virtio module: the legacy PCI transport (-M pc). */
#pragma once
#include "virtio.h"

/* Appends the virtio devices on PCI bus 0 to devs[*n .. max). */
void virtio_pci_scan(struct virtio_dev *devs, int *n, int max);
int virtio_pci_negotiate(struct virtio_dev *d, uint64_t wanted, uint64_t *features);
int virtio_pci_queue_init(struct virtio_dev *d, unsigned idx, struct virtq *q, uint16_t max_size);
void virtio_pci_driver_ok(struct virtio_dev *d);
uint8_t virtio_pci_config8(struct virtio_dev *d, unsigned off);
/* Tells the device queue idx has work; acknowledges its interrupt afterwards. */
void virtio_pci_notify(struct virtio_dev *d, unsigned idx);
void virtio_pci_ack(struct virtio_dev *d);
