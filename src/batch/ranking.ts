/**
 * The greedy ranking "implement these syscalls next": each step completes the
 * app that needs the fewest syscalls the kernel lacks (ties: the step that
 * completes the most apps, then the name), and lists every app it completes.
 */
import type { RankStep } from "./types.js";

/** missing: app name -> the syscalls it needs that the kernel lacks */
export function greedyRanking(missing: Map<string, Set<string>>): RankStep[] {
  const have = new Set<string>();
  const lacking = (app: string) => [...missing.get(app)!].filter((s) => !have.has(s));
  let open = [...missing.keys()].filter((a) => lacking(a).length > 0);
  let covered = missing.size - open.length;
  const steps: RankStep[] = [];
  while (open.length > 0) {
    const options = open.map((app) => {
      const add = lacking(app).sort();
      const completes = open.filter((o) => lacking(o).every((s) => add.includes(s)));
      return { app, add, completes };
    });
    options.sort((x, y) => x.add.length - y.add.length || y.completes.length - x.completes.length || x.app.localeCompare(y.app));
    const best = options[0]!;
    for (const s of best.add) have.add(s);
    covered += best.completes.length;
    steps.push({ add: best.add, covers: best.completes.sort(), coveredAfter: covered });
    open = open.filter((a) => !best.completes.includes(a));
  }
  return steps;
}
