/* 9P message encoding: little-endian integers, strings as len[2] + bytes,
 * every message framed as size[4] type[1] tag[2]. */
#include "9p.h"
#include "kstring.h"

void p9_begin(struct p9buf *b, uint8_t *mem, size_t cap, uint8_t type, uint16_t tag) {
  b->data = mem;
  b->cap = cap;
  b->len = 0;
  b->pos = 0;
  b->err = 0;
  p9_put32(b, 0);
  p9_put8(b, type);
  p9_put16(b, tag);
}

static uint8_t *room(struct p9buf *b, size_t n) {
  if (b->err || b->len + n > b->cap) {
    b->err = 1;
    return NULL;
  }
  uint8_t *p = b->data + b->len;
  b->len += n;
  return p;
}

static void put_le(struct p9buf *b, uint64_t v, int n) {
  uint8_t *p = room(b, (size_t)n);
  if (p)
    for (int i = 0; i < n; i++) p[i] = (uint8_t)(v >> (8 * i));
}

void p9_put8(struct p9buf *b, uint8_t v) { put_le(b, v, 1); }
void p9_put16(struct p9buf *b, uint16_t v) { put_le(b, v, 2); }
void p9_put32(struct p9buf *b, uint32_t v) { put_le(b, v, 4); }
void p9_put64(struct p9buf *b, uint64_t v) { put_le(b, v, 8); }

void p9_putbytes(struct p9buf *b, const void *src, size_t len) {
  uint8_t *p = room(b, len);
  if (p && len) kmemcpy(p, src, len);
}

void p9_putstr(struct p9buf *b, const char *s, size_t len) {
  if (len > 0xffff) { b->err = 1; return; }
  p9_put16(b, (uint16_t)len);
  p9_putbytes(b, s, len);
}

size_t p9_finish(struct p9buf *b) {
  for (int i = 0; i < 4; i++) b->data[i] = (uint8_t)(b->len >> (8 * i));
  return b->len;
}

static uint64_t get_le(struct p9buf *b, int n) {
  if (b->err || b->pos + (size_t)n > b->len) {
    b->err = 1;
    return 0;
  }
  uint64_t v = 0;
  for (int i = 0; i < n; i++) v |= (uint64_t)b->data[b->pos + (size_t)i] << (8 * i);
  b->pos += (size_t)n;
  return v;
}

uint8_t p9_get8(struct p9buf *b) { return (uint8_t)get_le(b, 1); }
uint16_t p9_get16(struct p9buf *b) { return (uint16_t)get_le(b, 2); }
uint32_t p9_get32(struct p9buf *b) { return (uint32_t)get_le(b, 4); }
uint64_t p9_get64(struct p9buf *b) { return get_le(b, 8); }

const uint8_t *p9_getbytes(struct p9buf *b, size_t len) {
  if (b->err || b->pos + len > b->len) {
    b->err = 1;
    return NULL;
  }
  const uint8_t *p = b->data + b->pos;
  b->pos += len;
  return p;
}

void p9_getstr(struct p9buf *b, const char **s, size_t *len) {
  *len = p9_get16(b);
  *s = (const char *)p9_getbytes(b, *len);
  if (!*s) *len = 0;
}

void p9_getqid(struct p9buf *b, struct p9qid *q) {
  q->type = p9_get8(b);
  q->version = p9_get32(b);
  q->path = p9_get64(b);
}

int p9_open_reply(struct p9buf *b, uint8_t *mem, size_t len, uint16_t *tag) {
  b->data = mem;
  b->cap = b->len = len;
  b->pos = 0;
  b->err = 0;
  uint32_t size = p9_get32(b);
  if (size < P9_HDR || size > len) {
    b->err = 1;
    return -1;
  }
  b->len = size;
  int type = p9_get8(b);
  *tag = p9_get16(b);
  return type;
}
