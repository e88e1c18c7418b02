/*
 * /init of the Linux VM side of scripts/bench-vm: runs
 * `/sqlite3 /tmp/test.db < /workload.sql` with stdout and stderr on the
 * console, between two marker lines that let the script cut the app's output
 * out of the serial log, then powers the VM off. The database lives in the
 * initramfs (a tmpfs/ramfs), as it lives in our unikernel's ramfs.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static void say(const char *s) {
  write(1, s, __builtin_strlen(s));
}

int main(void) {
  /* Without /dev/console in the archive the kernel gives init no fds. */
  if (fcntl(1, F_GETFD) < 0) {
    mount("devtmpfs", "/dev", "devtmpfs", 0, 0);
    int fd = open("/dev/console", O_RDWR);
    dup2(fd, 0), dup2(fd, 1), dup2(fd, 2);
  }
  /* Raw output: the tty would turn every \n into \r\n. */
  struct termios t;
  if (tcgetattr(1, &t) == 0) {
    t.c_oflag &= ~OPOST;
    tcsetattr(1, TCSANOW, &t);
  }
  say("\n@@bench-vm start@@\n");
  pid_t pid = fork();
  if (pid == 0) {
    int in = open("/workload.sql", O_RDONLY);
    if (in < 0 || dup2(in, 0) < 0) _exit(126);
    close(in);
    execl("/sqlite3", "sqlite3", "/tmp/test.db", (char *)0);
    _exit(127);
  }
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) < 0) status = 255 << 8;
  char line[64];
  snprintf(line, sizeof line, "@@bench-vm end status=%d@@\n",
           WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
  say(line);
  tcdrain(1);
  sync();
  reboot(RB_POWER_OFF);
  return 0;
}
