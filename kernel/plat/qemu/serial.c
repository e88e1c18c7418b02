/* 16550 UARTs: COM1 (0x3f8) carries the app's stdout and a terminal stdin,
 * COM2 (0x2f8) its stderr. Polled; interrupts stay off. */
#include "io.h"
#include "plat.h"

static const uint16_t base[2] = {0x3f8, 0x2f8};
enum { THR = 0, RBR = 0, IER = 1, FCR = 2, LCR = 3, MCR = 4, LSR = 5 };

void serial_init(void) {
  for (int i = 0; i < 2; i++) {
    uint16_t b = base[i];
    outb(b + IER, 0);
    outb(b + LCR, 0x80); /* divisor latch: 115200 baud */
    outb(b + 0, 1);
    outb(b + 1, 0);
    outb(b + LCR, 0x03); /* 8N1 */
    outb(b + FCR, 0x07);
    outb(b + MCR, 0x03);
  }
}

void serial_write(int port, const void *buf, size_t n) {
  const uint8_t *p = buf;
  uint16_t b = base[port];
  /* THRE means the 16-byte transmit FIFO is empty: fill it without polling */
  for (size_t i = 0; i < n; i++) {
    if (i % 16 == 0)
      while (!(inb(b + LSR) & 0x20)) cpu_relax();
    outb(b + THR, p[i]);
  }
}

int serial_can_read(int port) { return inb(base[port] + LSR) & 1; }

uint8_t serial_read_byte(int port) {
  while (!serial_can_read(port)) cpu_relax();
  return inb(base[port] + RBR);
}
