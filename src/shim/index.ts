/**
 * The shim stage: for every syscall the app may reach that the kernel lacks,
 * decide stub (-ENOSYS) or fake (a fixed success value), with a reason;
 * ports/<app>/port.json overrides. The decisions go into the report and,
 * as SHIMS=..., into the kernel's generated syscall table.
 */
import type { Report, ShimDecision } from "../report/types.js";
import { FAKE_RULES, STUB_WHY } from "./rules.js";

export interface ShimOverride {
  action: "stub" | "fake";
  value?: number;
  why: string;
}

export interface ShimOptions {
  /** from ports/<app>/port.json "shims" */
  overrides?: Record<string, ShimOverride>;
  /** where the overrides came from, for the report */
  overridesFrom?: string;
}

export type ShimPlan = ShimDecision & { value?: number };

export function decideShims(report: Report, opts: ShimOptions = {}): ShimPlan[] {
  const out: ShimPlan[] = [];
  for (const s of report.syscalls) {
    if (s.status !== "missing" && s.status !== "stub") continue;
    const o = opts.overrides?.[s.name];
    if (o) {
      out.push({ name: s.name, nr: s.nr, action: o.action, value: o.action === "fake" ? o.value ?? 0 : undefined, reason: o.why, from: opts.overridesFrom ?? "port.json" });
      continue;
    }
    const rule = FAKE_RULES[s.name];
    if (rule) out.push({ name: s.name, nr: s.nr, action: "fake", value: rule.value ?? 0, reason: rule.why, from: "default" });
    else out.push({ name: s.name, nr: s.nr, action: "stub", reason: STUB_WHY, from: "default" });
  }
  return out.sort((a, b) => a.nr - b.nr);
}

/**
 * kernel/Makefile's SHIMS variable. Default stubs stay out of it: the kernel
 * already answers ENOSYS and reports the first call, which a user wants to see;
 * a stub a port asks for explicitly is quiet.
 */
export function shimsVariable(plans: ShimPlan[]): string {
  return plans.filter((p) => p.action === "fake" || p.from !== "default").map((p) => (p.action === "fake" ? `${p.name}:fake:${p.value ?? 0}` : `${p.name}:stub`)).join(" ");
}

/** The report's form: the value is folded into the reason. */
export function toDecisions(plans: ShimPlan[]): ShimDecision[] {
  return plans.map(({ value, ...d }) => (d.action === "fake" && value ? { ...d, reason: `${d.reason} (returns ${value})` } : d));
}
