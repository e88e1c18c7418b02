/* Mounting shares: every autoport.mount=TAG:/path on the command line is
 * matched to the virtio-9p device whose mount tag is TAG. */
#include "9p-impl.h"
#include "diag.h"
#include "plat.h"

/* autoport's run stage looks for this string to know the image can mount shares. */
static const char driver_tag[] = "autoport.driver=9p";

#define VIRTIO_9P_MOUNT_TAG 1

static int tag_of(struct virtio_dev *d, char *tag, size_t cap) {
  size_t len = virtio_config8(d, 0) | (size_t)virtio_config8(d, 1) << 8;
  if (len >= cap) return -1;
  for (size_t i = 0; i < len; i++) tag[i] = (char)virtio_config8(d, 2 + (unsigned)i);
  tag[len] = 0;
  return 0;
}

static int mount_share(struct virtio_dev *d, const char *path) {
  struct p9client *c = kzalloc(sizeof *c);
  if (!c) return -ENOMEM;
  int e = virtio_start(d, VIRTIO_9P_MOUNT_TAG, NULL);
  if (e == 0) e = p9_connect(c, d);
  uint32_t fid = 0;
  struct p9qid q;
  if (e == 0) {
    fid = p9_fid_alloc(c);
    e = p9_attach(c, fid, &q);
  }
  if (e < 0) return e;
  struct vfs_mount *m = vfs_mount_new("9p");
  if (!m) return -ENOMEM;
  m->root = p9_node_new(c, m, fid, &q, NULL);
  m->priv = c;
  if (!m->root) return -ENOMEM;
  return vfs_mount_at(m, path);
}

/* Handles one "TAG:/path" value (ends at a space or NUL). */
static void mount_one(const char *spec) {
  char tag[64], path[256], devtag[64];
  size_t i = 0, j = 0;
  while (spec[i] && spec[i] != ':' && spec[i] != ' ' && i < sizeof tag - 1) { tag[i] = spec[i]; i++; }
  tag[i] = 0;
  if (spec[i] != ':') return;
  for (i++; spec[i] && spec[i] != ' ' && j < sizeof path - 1; i++) path[j++] = spec[i];
  path[j] = 0;
  struct virtio_dev *d;
  for (int k = 0; (d = virtio_find(VIRTIO_ID_9P, k)); k++) {
    if (tag_of(d, devtag, sizeof devtag) < 0 || kstrcmp(devtag, tag) != 0) continue;
    int e = mount_share(d, path);
    if (e < 0) kprintf("9p: mounting %s at %s failed (error %d)\n", tag, path, -e);
    else klog("9p: %s mounted at %s (%s)\n", tag, path, driver_tag);
    return;
  }
  kprintf("9p: no virtio-9p device with mount tag %s (for %s)\n", tag, path);
}

void p9_init(void) {
  const char *key = "autoport.mount=";
  size_t klen = kstrlen(key);
  for (const char *s = pvh_cmdline(); *s;) {
    while (*s == ' ') s++;
    if (!kstrncmp(s, key, klen)) mount_one(s + klen);
    while (*s && *s != ' ') s++;
  }
}
