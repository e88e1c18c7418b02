/** The QEMU command line for one run: the guest/host contract in ARCHITECTURE.md, as arguments. */
import type { Machine } from "./types.js";

export interface QemuPlan {
  image: string;
  initrd?: string;
  machine: Machine;
  accel: "kvm" | "tcg";
  memMiB: number;
  com1: string;
  com2: string;
  /** -add-fd values for chardevs on /dev/fdset/N */
  addFds?: string[];
  debugcon: string;
  /** key=value words for -append */
  cmdline: string[];
  /** fw_cfg name → host file */
  fwcfg: Record<string, string>;
  /** 9p shares: mount tag → host folder */
  shares: Array<{ tag: string; host: string }>;
  /** forwards from the host's 127.0.0.1 (TCP unless proto says udp); any gives the guest a NIC */
  publish?: Array<{ proto?: "tcp" | "udp"; host: number; guest: number }>;
}

export function qemuArgs(p: QemuPlan): string[] {
  const a = ["-M", p.machine, "-m", `${p.memMiB}M`, "-display", "none", "-no-reboot", "-nodefaults", "-no-user-config"];
  a.push(...(p.accel === "kvm" ? ["-enable-kvm", "-cpu", "host"] : ["-accel", "tcg", "-cpu", "max"]));
  for (const f of p.addFds ?? []) a.push("-add-fd", f);
  a.push("-chardev", p.com1, "-serial", "chardev:com1");
  a.push("-chardev", p.com2, "-device", "isa-serial,chardev=com2,iobase=0x2f8,irq=3");
  a.push("-debugcon", p.debugcon);
  a.push("-device", "isa-debug-exit,iobase=0xf4,iosize=0x04");
  for (const [name, file] of Object.entries(p.fwcfg)) a.push("-fw_cfg", `name=${name},file=${file}`);
  const virtio9p = p.machine === "microvm" ? "virtio-9p-device" : "virtio-9p-pci";
  p.shares.forEach((s, i) => {
    a.push("-fsdev", `local,id=share${i},path=${s.host},security_model=none`);
    a.push("-device", `${virtio9p},fsdev=share${i},mount_tag=${s.tag}`);
  });
  if (p.publish?.length) {
    // User networking on the host's loopback only: restrict=on keeps the guest
    // off every other network; the forwards still reach it. But slirp's
    // restrict=on drops every UDP datagram the guest sends, the replies to a
    // forwarded one included, so a udp: forward needs restrict=off (the guest
    // may then reach what the host reaches, through slirp's NAT).
    const restrict = p.publish.some((f) => f.proto === "udp") ? "off" : "on";
    const fwd = p.publish.map((f) => `,hostfwd=${f.proto ?? "tcp"}:127.0.0.1:${f.host}-:${f.guest}`).join("");
    a.push("-netdev", `user,id=net0,restrict=${restrict}${fwd}`);
    a.push("-device", `${p.machine === "microvm" ? "virtio-net-device" : "virtio-net-pci"},netdev=net0`);
  }
  a.push("-kernel", p.image);
  if (p.initrd) a.push("-initrd", p.initrd);
  if (p.cmdline.length) a.push("-append", p.cmdline.join(" "));
  return a;
}
