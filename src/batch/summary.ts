/** summary.json: every app's row, the totals, the ranking, and the published figures beside ours. */
import type { SyscallStatus } from "../report/types.js";
import { isCovered } from "./result.js";
import { greedyRanking } from "./ranking.js";
import { SUMMARY_VERSION, type AppResult, type BatchStage, type Comparison, type Summary } from "./types.js";

/** The 2021 study of 30 Debian server apps (design.md §6) and per-app static counts (§5). */
export const PUBLISHED = {
  apps: 30,
  distinct: 192,
  forkUsers: 25,
  fullyCovered: 3,
  kernelSyscalls: 146,
  staticPerApp: { nginx: 108, redis: 103, sqlite3: 83 } as Record<string, number>,
};

const FORK_SYSCALLS = ["fork", "vfork"];

export function usesFork(r: AppResult): boolean {
  return (r.manualKinds.fork ?? 0) > 0 || r.required.some((s) => FORK_SYSCALLS.includes(s.name));
}

export function summarize(results: AppResult[], o: { stage: BatchStage; set?: string; kernelSyscalls: number; generated?: string }): Summary {
  const ok = results.filter((r) => r.status === "ok" || r.required.length > 0);
  const use = new Map<string, { apps: number; status: SyscallStatus }>();
  for (const r of ok) for (const s of r.required) use.set(s.name, { apps: (use.get(s.name)?.apps ?? 0) + 1, status: s.status });
  const syscallUse = [...use].map(([name, u]) => ({ name, ...u })).sort((a, b) => b.apps - a.apps || a.name.localeCompare(b.name));
  const missing = new Map(ok.map((r) => [r.name, new Set(r.required.filter((s) => !isCovered(s.status)).map((s) => s.name))]));
  const fullyCovered = ok.filter((r) => missing.get(r.name)!.size === 0).map((r) => r.name);
  const forkUsers = ok.filter(usesFork).map((r) => r.name);
  const count = (s: AppResult["status"]) => results.filter((r) => r.status === s).length;
  const totals = {
    apps: results.length,
    ok: count("ok"),
    failed: count("failed"),
    skipped: count("skipped"),
    distinctSyscalls: use.size,
    fullyCovered,
    forkUsers,
    kernelSyscalls: o.kernelSyscalls,
  };
  return {
    version: SUMMARY_VERSION,
    generated: o.generated ?? new Date().toISOString(),
    stage: o.stage,
    ...(o.set ? { set: o.set } : {}),
    apps: results.map(({ version: _v, required: _r, manualKinds: _m, ...row }) => row),
    totals,
    syscallUse,
    ranking: greedyRanking(missing),
    published: compare(results, totals, ok.length),
  };
}

function compare(results: AppResult[], t: Summary["totals"], analyzed: number): Comparison[] {
  const P = PUBLISHED;
  const rows: Comparison[] = [
    { what: "apps fully covered by the kernel", published: `${P.fullyCovered} of ${P.apps} (a ${P.kernelSyscalls}-syscall kernel)`, ours: `${t.fullyCovered.length} of ${analyzed} analyzed (a ${t.kernelSyscalls}-syscall kernel)` },
    { what: "distinct syscalls across the apps", published: `${P.distinct} across ${P.apps}`, ours: `${t.distinctSyscalls} across ${analyzed}` },
    { what: "apps that use fork", published: `${P.forkUsers} of ${P.apps}`, ours: `${t.forkUsers.length} of ${analyzed}` },
  ];
  for (const [app, n] of Object.entries(P.staticPerApp)) {
    const r = results.find((x) => x.name === app && x.status === "ok");
    if (r) rows.push({ what: `${app}: syscalls found by static analysis`, published: String(n), ours: String(r.syscalls.required) });
  }
  return rows;
}
