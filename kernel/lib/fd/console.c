/* The console behind fds 0, 1, 2 (design.md §7 "Console"): stdout on COM1,
 * stderr on COM2, stdin from fw_cfg (ends after its last byte), COM1 (a
 * terminal) or nothing. Terminal ioctls succeed only on the fds that the
 * command line marks as terminals (autoport.tty). */
#include <asm-generic/fcntl.h>
#include <asm-generic/ioctls.h>
#include <asm-generic/poll.h>
#include <asm-generic/termbits.h>
#include <asm-generic/termios.h>
#include <linux/stat.h>
#include "diag.h"
#include "fd-impl.h"
#include "kstring.h"
#include "page.h"
#include "plat.h"
#include "syscall.h"
#include "uaccess.h"

struct console { int fd; int port; };
static struct console consoles[3] = {{0, 0}, {1, 0}, {2, 1}};
static uint64_t stdin_len; /* the fw_cfg file, read from QEMU as the app reads */
static const char stdin_file[] = "opt/autoport/stdin";

static int is_tty(const struct console *c) { return (boot_options.tty >> c->fd) & 1; }

static long con_write(struct file *f, const void *buf, size_t n, uint64_t *pos) {
  (void)pos;
  serial_write(((struct console *)f->priv)->port, buf, n);
  return (long)n;
}

/* A terminal line: wait for one byte, then take what is there up to a newline,
 * echoing as a terminal in canonical mode would. */
static long tty_read(char *buf, size_t n) {
  size_t got = 0;
  while (!serial_can_read(0)) plat_idle_until(clock_monotonic_ns() + 1000000); /* halt, look every 1 ms */
  do {
    char ch = (char)serial_read_byte(0);
    if (ch == '\r') ch = '\n';
    if (ch == 4 && got == 0) return 0; /* ^D at the start of a line: end of file */
    buf[got++] = ch;
    serial_write(0, &ch, 1);
    if (ch == '\n') break;
  } while (got < n && serial_can_read(0));
  return (long)got;
}

static long con_read(struct file *f, void *buf, size_t n, uint64_t *pos) {
  (void)f;
  switch (boot_options.stdin_src) {
  case STDIN_SERIAL: return tty_read(buf, n);
  case STDIN_NULL: return 0;
  default:
    if (*pos >= stdin_len) return 0;
    if (n > stdin_len - *pos) n = stdin_len - *pos;
    n = fwcfg_read_at(stdin_file, buf, n, *pos);
    *pos += n;
    return (long)n;
  }
}

static long con_ioctl(struct file *f, unsigned long req, unsigned long arg) {
  struct console *c = f->priv;
  if (req == FIONREAD && c->fd == 0 && boot_options.stdin_src != STDIN_SERIAL) { /* bytes left, as a pipe says */
    if (user_bad((void *)arg, sizeof(int))) return -EFAULT;
    *(int *)arg = boot_options.stdin_src == STDIN_FWCFG && f->pos < stdin_len ? (int)(stdin_len - f->pos) : 0;
    return 0;
  }
  if (req == FIONREAD && c->fd == 0) {
    if (user_bad((void *)arg, sizeof(int))) return -EFAULT;
    *(int *)arg = serial_can_read(0);
    return 0;
  }
  if (!is_tty(c)) return -ENOTTY;
  switch (req) {
  case TCGETS: {
    struct termios *t = (struct termios *)arg;
    if (user_bad(t, sizeof *t)) return -EFAULT;
    kmemset(t, 0, sizeof *t);
    t->c_iflag = ICRNL | IXON;
    t->c_oflag = OPOST | ONLCR;
    t->c_cflag = B38400 | CS8 | CREAD | HUPCL;
    t->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | IEXTEN | ECHOCTL | ECHOKE;
    t->c_cc[VINTR] = 3, t->c_cc[VEOF] = 4, t->c_cc[VMIN] = 1, t->c_cc[VERASE] = 0x7f;
    return 0;
  }
  case TCSETS: case TCSETSW: case TCSETSF: return 0; /* accepted; line discipline is fixed */
  case TIOCGWINSZ: {
    struct winsize *w = (struct winsize *)arg;
    if (user_bad(w, sizeof *w)) return -EFAULT;
    *w = (struct winsize){.ws_row = boot_options.rows, .ws_col = boot_options.cols};
    return 0;
  }
  case TIOCSWINSZ: return 0;
  case TIOCGPGRP: case TIOCGSID: if (user_bad((void *)arg, sizeof(int))) return -EFAULT; *(int *)arg = 1; return 0;
  default: return -ENOTTY;
  }
}

static short con_poll(struct file *f, short events) {
  struct console *c = f->priv;
  short r = 0;
  if (c->fd != 0) return events & (POLLOUT | POLLWRNORM);
  if (boot_options.stdin_src == STDIN_SERIAL) return serial_can_read(0) ? events & (POLLIN | POLLRDNORM) : 0;
  /* like a pipe whose writer has closed: HUP, and IN while bytes remain */
  r = POLLHUP;
  if (boot_options.stdin_src == STDIN_FWCFG && f->pos < stdin_len) r |= POLLIN | POLLRDNORM;
  return r & events;
}

static long con_stat(struct file *f, struct kstat_lite *st) {
  struct console *c = f->priv;
  st->mode = is_tty(c) ? S_IFCHR | 0620 : S_IFIFO | 0600;
  st->rdev = is_tty(c) ? (136 << 8) : 0; /* /dev/pts/0 */
  st->ino = c->fd + 1;
  return 0;
}

static const struct file_ops console_ops = {
    .read = con_read, .write = con_write, .ioctl = con_ioctl, .poll = con_poll, .stat = con_stat,
};

void console_init(void) {
  if (boot_options.stdin_src == STDIN_FWCFG) {
    long size = fwcfg_file_size(stdin_file);
    if (size > 0) stdin_len = (uint64_t)size;
  }
  for (int i = 0; i < 3; i++) {
    struct console *c = &consoles[i];
    int mode = is_tty(c) ? O_RDWR : i == 0 ? O_RDONLY : O_WRONLY;
    fd_install(file_alloc(&console_ops, c, mode), i, 0);
  }
}
