/*
 * /init of the Linux VM side of scripts/bench-servers: loads Debian's virtio
 * network modules (listed in /modules, in dependency order), brings up lo
 * and eth0 as QEMU user networking expects (10.0.2.15/24, gateway 10.0.2.2),
 * mounts /proc, /dev and a tmpfs on /tmp, then execs the server named in
 * /bench.args (one argument a line) with stdout/stderr on the console.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <net/route.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

static void die(const char *what) {
  dprintf(2, "@@bench-servers init failed: %s: %m@@\n", what);
  reboot(RB_POWER_OFF);
  _exit(1);
}

static void load_modules(void) {
  FILE *list = fopen("/modules", "r");
  char path[256];
  if (!list) die("/modules");
  while (fgets(path, sizeof path, list)) {
    path[strcspn(path, "\n")] = 0;
    if (!path[0]) continue;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) die(path);
    /* EEXIST: built in or loaded already; ENODEV: no such device on this machine type */
    if (syscall(SYS_finit_module, fd, "", 0) < 0 && errno != EEXIST && errno != ENODEV) die(path);
    close(fd);
  }
  fclose(list);
}

static void set_addr(int s, const char *ifname, unsigned long req, const char *ip) {
  struct ifreq r = {0};
  struct sockaddr_in *a = (struct sockaddr_in *)&r.ifr_addr;
  strncpy(r.ifr_name, ifname, IFNAMSIZ - 1);
  a->sin_family = AF_INET;
  inet_pton(AF_INET, ip, &a->sin_addr);
  if (ioctl(s, req, &r) < 0) die(ifname);
}

static void up(int s, const char *ifname) {
  struct ifreq r = {0};
  strncpy(r.ifr_name, ifname, IFNAMSIZ - 1);
  if (ioctl(s, SIOCGIFFLAGS, &r) < 0) die(ifname);
  r.ifr_flags |= IFF_UP | IFF_RUNNING;
  if (ioctl(s, SIOCSIFFLAGS, &r) < 0) die(ifname);
}

static void network(void) {
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  if (s < 0) die("socket");
  up(s, "lo");
  /* the NIC appears once virtio_net has probed; give it a moment */
  struct ifreq r = {0};
  strcpy(r.ifr_name, "eth0");
  for (int i = 0; ioctl(s, SIOCGIFFLAGS, &r) < 0; i++) {
    if (i == 200) die("no eth0");
    usleep(10000);
  }
  set_addr(s, "eth0", SIOCSIFADDR, "10.0.2.15");
  set_addr(s, "eth0", SIOCSIFNETMASK, "255.255.255.0");
  up(s, "eth0");
  struct rtentry rt = {0};
  struct sockaddr_in *gw = (struct sockaddr_in *)&rt.rt_gateway;
  struct sockaddr_in *dst = (struct sockaddr_in *)&rt.rt_dst;
  struct sockaddr_in *mask = (struct sockaddr_in *)&rt.rt_genmask;
  gw->sin_family = dst->sin_family = mask->sin_family = AF_INET;
  inet_pton(AF_INET, "10.0.2.2", &gw->sin_addr);
  rt.rt_flags = RTF_UP | RTF_GATEWAY;
  if (ioctl(s, SIOCADDRT, &rt) < 0) die("default route");
  close(s);
}

int main(void) {
  mkdir("/dev", 0755);
  mount("devtmpfs", "/dev", "devtmpfs", 0, 0);
  /* Without /dev/console in the archive the kernel gives init no fds. */
  if (fcntl(1, F_GETFD) < 0) {
    int fd = open("/dev/console", O_RDWR);
    dup2(fd, 0), dup2(fd, 1), dup2(fd, 2);
  }
  struct termios t; /* raw output: the tty would turn every \n into \r\n */
  if (tcgetattr(1, &t) == 0) t.c_oflag &= ~OPOST, tcsetattr(1, TCSANOW, &t);
  mkdir("/proc", 0555);
  mount("proc", "/proc", "proc", 0, 0);
  mkdir("/tmp", 01777);
  mount("tmpfs", "/tmp", "tmpfs", 0, "mode=1777");
  load_modules();
  network();

  static char buf[4096], *argv[64];
  int fd = open("/bench.args", O_RDONLY), n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1), argc = 0;
  if (n <= 0) die("/bench.args");
  for (char *line = strtok(buf, "\n"); line && argc < 63; line = strtok(0, "\n")) argv[argc++] = line;
  argv[argc] = 0;
  dprintf(1, "@@bench-servers exec %s@@\n", argv[0]);
  execv(argv[0], argv);
  die(argv[0]);
}
