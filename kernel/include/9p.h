/* 9P2000.L (kernel/lib/9p): the message codec, shared with the host tests,
 * and the client that mounts virtio-9p shares named by autoport.mount=TAG:/path. */
#pragma once
#include <stddef.h>
#include <stdint.h>

enum {
  P9_RLERROR = 7, P9_TSTATFS = 8, P9_TLOPEN = 12, P9_TLCREATE = 14, P9_TSYMLINK = 16, P9_TREADLINK = 22,
  P9_TGETATTR = 24, P9_TSETATTR = 26, P9_TREADDIR = 40, P9_TFSYNC = 50, P9_TLINK = 70, P9_TMKDIR = 72,
  P9_TRENAMEAT = 74, P9_TUNLINKAT = 76, P9_TVERSION = 100, P9_TATTACH = 104, P9_TWALK = 110,
  P9_TREAD = 116, P9_TWRITE = 118, P9_TCLUNK = 120,
};
#define P9_NOFID 0xffffffffu
#define P9_NOTAG 0xffffu
#define P9_HDR 7      /* size[4] type[1] tag[2] */
#define P9_IOHDR 24   /* room for a Tread/Twrite/Rread header */
#define P9_QTDIR 0x80
#define P9_QTSYMLINK 0x02

struct p9qid { uint8_t type; uint32_t version; uint64_t path; };

/* A message being built or parsed. Any overflow or underflow sets err and
 * makes further gets return zeros, so callers check err once at the end. */
struct p9buf {
  uint8_t *data;
  size_t cap, len, pos;
  int err;
};

void p9_begin(struct p9buf *b, uint8_t *mem, size_t cap, uint8_t type, uint16_t tag);
void p9_put8(struct p9buf *b, uint8_t v);
void p9_put16(struct p9buf *b, uint16_t v);
void p9_put32(struct p9buf *b, uint32_t v);
void p9_put64(struct p9buf *b, uint64_t v);
void p9_putstr(struct p9buf *b, const char *s, size_t len);
void p9_putbytes(struct p9buf *b, const void *p, size_t len);
/* Writes the total size into the header; returns it. */
size_t p9_finish(struct p9buf *b);

/* Starts parsing a received message of `len` bytes: checks the size field,
 * returns its type and leaves pos after the tag. */
int p9_open_reply(struct p9buf *b, uint8_t *mem, size_t len, uint16_t *tag);
uint8_t p9_get8(struct p9buf *b);
uint16_t p9_get16(struct p9buf *b);
uint32_t p9_get32(struct p9buf *b);
uint64_t p9_get64(struct p9buf *b);
/* A string in place: *s points into the message, not NUL-terminated. */
void p9_getstr(struct p9buf *b, const char **s, size_t *len);
const uint8_t *p9_getbytes(struct p9buf *b, size_t len);
void p9_getqid(struct p9buf *b, struct p9qid *q);
