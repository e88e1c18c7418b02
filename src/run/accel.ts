/**
 * KVM only where it is real hardware virtualization. /dev/kvm backed by PVM
 * (kvm_pvm) runs ring-0 guest code through an instruction emulator without
 * SSE, so our guests stop at their first SSE instruction (design.md §4).
 */
import { accessSync, constants, existsSync } from "node:fs";
import type { AccelChoice } from "./types.js";

export interface Accel {
  accel: "kvm" | "tcg";
  reason: string;
}

export function chooseAccel(choice: AccelChoice = "auto", probe = hostKvm): Accel {
  if (choice === "kvm") return { accel: "kvm", reason: "--accel kvm" };
  if (choice === "tcg") return { accel: "tcg", reason: "--accel tcg" };
  const kvm = probe();
  return kvm.usable ? { accel: "kvm", reason: kvm.why } : { accel: "tcg", reason: kvm.why };
}

export function hostKvm(): { usable: boolean; why: string } {
  if (!existsSync("/dev/kvm")) return { usable: false, why: "no /dev/kvm: using TCG" };
  try {
    accessSync("/dev/kvm", constants.R_OK | constants.W_OK);
  } catch {
    return { usable: false, why: "/dev/kvm is not accessible to this user: using TCG" };
  }
  if (existsSync("/sys/module/kvm_pvm")) return { usable: false, why: "/dev/kvm is PVM (kvm_pvm), which cannot run ring-0 SSE code: using TCG" };
  const cpu = existsSync("/sys/module/kvm_intel") || existsSync("/sys/module/kvm_amd");
  return cpu ? { usable: true, why: "/dev/kvm with hardware virtualization: using KVM" } : { usable: false, why: "/dev/kvm without kvm_intel or kvm_amd: using TCG" };
}
