/* Host tests of the wire formats: 9P2000.L messages and split-virtqueue ring
 * bookkeeping (with a simulated device consuming the avail ring). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "9p.h"
#include "virtio.h"

#include "check.h"

int failures;

static void encode(void) {
  uint8_t mem[64];
  struct p9buf b;
  p9_begin(&b, mem, sizeof mem, P9_TWALK, 1);
  p9_put32(&b, 5);
  p9_put32(&b, 6);
  p9_put16(&b, 1);
  p9_putstr(&b, "etc", 3);
  CHECK(p9_finish(&b), 22);
  static const uint8_t want[22] = {22, 0, 0, 0, 110, 1, 0, 5, 0, 0, 0, 6, 0, 0, 0, 1, 0, 3, 0, 'e', 't', 'c'};
  CHECK(memcmp(mem, want, sizeof want), 0);
  CHECK(b.err, 0);
  /* overflow is sticky and never writes past the buffer */
  uint8_t small[12];
  p9_begin(&b, small, sizeof small, P9_TWRITE, 1);
  p9_put32(&b, 1);
  p9_put64(&b, 2);
  CHECK(b.err, 1);
  CHECK(b.len, 11);
}

static void decode(void) {
  /* Rwalk with two qids, then Rlerror */
  uint8_t m[64] = {0};
  struct p9buf b;
  p9_begin(&b, m, sizeof m, 111, 1);
  p9_put16(&b, 2);
  p9_put8(&b, P9_QTDIR); p9_put32(&b, 9); p9_put64(&b, 0x1122334455667788ull);
  p9_put8(&b, 0); p9_put32(&b, 1); p9_put64(&b, 42);
  size_t n = p9_finish(&b);
  struct p9buf r;
  uint16_t tag;
  CHECK(p9_open_reply(&r, m, sizeof m, &tag), 111);
  CHECK(tag, 1);
  CHECK(r.len, n);
  CHECK(p9_get16(&r), 2);
  struct p9qid q;
  p9_getqid(&r, &q);
  CHECK(q.type, P9_QTDIR);
  CHECK(q.version, 9);
  CHECK(q.path == 0x1122334455667788ull, 1);
  p9_getqid(&r, &q);
  CHECK(q.path, 42);
  CHECK(r.err, 0);
  CHECK(p9_get8(&r), 0); /* past the end: zero and err */
  CHECK(r.err, 1);
  /* a string longer than the message */
  p9_begin(&b, m, sizeof m, 23, 1);
  p9_put16(&b, 200);
  p9_finish(&b);
  p9_open_reply(&r, m, sizeof m, &tag);
  const char *s;
  size_t len;
  p9_getstr(&r, &s, &len);
  CHECK(s == NULL && len == 0 && r.err, 1);
  /* a size field larger than what arrived */
  m[0] = 100;
  CHECK(p9_open_reply(&r, m, 20, &tag), -1);
}

/* The device side of a split virtqueue, enough to drive the driver's bookkeeping. */
struct fake_dev { struct virtq *q; uint16_t seen; };
static void device_serve(struct fake_dev *d) {
  struct virtq *q = d->q;
  uint16_t avail_idx = q->avail[1];
  while (d->seen != avail_idx) {
    uint16_t head = q->avail[2 + d->seen % q->size];
    uint32_t written = 0;
    for (uint16_t i = head;; i = q->desc[i].next) {
      if (q->desc[i].flags & VQ_DESC_WRITE) {
        memset((void *)(uintptr_t)q->desc[i].addr, 'R', q->desc[i].len);
        written += q->desc[i].len;
      }
      if (!(q->desc[i].flags & VQ_DESC_NEXT)) break;
    }
    volatile uint8_t *used = q->used;
    uint16_t uidx = *(volatile uint16_t *)(used + 2);
    volatile uint8_t *e = used + 4 + 8u * (uidx % q->size);
    *(volatile uint32_t *)e = head;
    *(volatile uint32_t *)(e + 4) = written;
    *(volatile uint16_t *)(used + 2) = (uint16_t)(uidx + 1);
    d->seen++;
  }
}

static void ring(void) {
  void *mem = aligned_alloc(4096, 8192);
  memset(mem, 0, 8192);
  struct virtq q;
  virtq_layout(&q, mem, 8);
  CHECK((uint8_t *)q.avail - (uint8_t *)mem, 128);
  CHECK((uint8_t *)q.used - (uint8_t *)mem, 4096);
  struct fake_dev dev = {&q, 0};
  char out[4] = "abc", in[16];
  uint32_t id, len;
  CHECK(virtq_take(&q, &id, &len), 0);
  /* 70,000 requests: the 16-bit indexes wrap and the rings keep working */
  int bad = 0;
  for (int i = 0; i < 70000; i++) {
    q.desc[0] = (struct vq_desc){(uintptr_t)out, 3, VQ_DESC_NEXT, 1};
    q.desc[1] = (struct vq_desc){(uintptr_t)in, (uint32_t)(1 + i % 16), VQ_DESC_WRITE, 0};
    virtq_post(&q, 0);
    device_serve(&dev);
    if (!virtq_take(&q, &id, &len) || id != 0 || len != (uint32_t)(1 + i % 16) || virtq_take(&q, &id, &len)) bad++;
  }
  CHECK(bad, 0);
  CHECK(q.avail_idx, (uint16_t)70000);
  CHECK(in[0], 'R');
  free(mem);
}

int main(void) {
  encode();
  decode();
  ring();
  printf("%s (%d failures)\n", failures ? "FAILED" : "ok", failures);
  return failures != 0;
}
