// SQLite from Debian's source, ported with `autoport port debian:sqlite3`:
// the same workload through stdin gives the same bytes from the natively built
// musl shell and from the unikernel, the database on the host share is the
// same file, it reopens in a second boot, and a commit survives a killed QEMU.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execa } from "execa";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { bin, fixture, root } from "../helpers/cli.js";
import { portOnce, runGuest, runNative, show, type Ported } from "./ported.js";

let p: Ported;
let sql: Record<"create" | "reopen" | "commit", string>;

const workload = async (phase: string) => (await execa("node", [fixture("sqlite", "workload.mjs"), phase])).stdout + "\n";
const made: string[] = [];
const tmp = async (name: string) => {
  const d = await mkdtemp(join(tmpdir(), `autoport-sqlite-${name}-`));
  made.push(d);
  return d;
};
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

beforeAll(async () => {
  p = await portOnce("debian:sqlite3", "sqlite3");
  if (p.seconds) console.log(`autoport port debian:sqlite3: ${p.seconds.toFixed(0)} s`);
  sql = { create: await workload("create"), reopen: await workload("reopen"), commit: await workload("commit") };
}, 600_000);

describe("sqlite3 ported from Debian", () => {
  it("is a stripped image under 1.0 MB, and its report lists nothing under manual porting without a reason", () => {
    expect(p.target).toBe("sqlite3");
    expect(p.report.build!.imageBytes).toBeLessThan(1_000_000);
    expect(p.report.manual.filter((m) => !m.explained)).toEqual([]);
  });

  it("runs the workload through stdin byte-identically to the native shell, and reopens the share's database in a second boot", async () => {
    const here = await tmp("native");
    const share = await tmp("share");
    for (const phase of ["create", "reopen"] as const) {
      const native = await runNative(p, [join(here, "test.db")], { input: sql[phase] });
      const guest = await runGuest(p, ["/data/test.db"], { input: sql[phase], shares: [`${share}:/data`] });
      expect(native.exitCode, show(native)).toBe(0);
      expect(guest.stdout.toString("latin1"), `${phase}: ${show(guest)}`).toBe(native.stdout.toString("latin1"));
      expect(guest.stderr.toString("latin1")).toBe(native.stderr.toString("latin1"));
      expect(guest.exitCode).toBe(0);
      // SQLite writes the same pages natively and in the guest: the files are identical
      expect(Buffer.compare(await readFile(join(share, "test.db")), await readFile(join(here, "test.db"))), phase).toBe(0);
    }
    expect(native2Count(join(share, "test.db"))).toBe("9990|101\n");
    expect(existsSync(join(share, "test.db-journal"))).toBe(false);
  });

  it("reads SQL from a file on the share (.read) and reports errors with the same message and exit status", async () => {
    const here = await tmp("read");
    const share = await tmp("read-share");
    const script = ".headers on\nSELECT 6 * 7 AS answer;\nSELECT * FROM nowhere;\nSELECT 'after the error';\n";
    await writeFile(join(here, "q.sql"), script);
    await writeFile(join(share, "q.sql"), script);
    const native = await runNative(p, [":memory:", `.read ${join(here, "q.sql")}`]);
    // as a newcomer types it: a folder relative to the current directory
    const guest = await runGuest(p, [":memory:", ".read /data/q.sql"], { cwd: dirname(share), shares: [`./${basename(share)}:/data`] });
    expect(native.stdout.toString()).toBe("answer\n42\n'after the error'\nafter the error\n");
    expect(guest.stdout.toString(), show(guest)).toBe(native.stdout.toString());
    expect(guest.stderr.toString()).toBe(native.stderr.toString());
    expect(native.stderr.toString()).toMatch(/no such table: nowhere/);

    const bail = ".bail on\nSELECT 1;\nSELEC 2;\nSELECT 3;\n";
    const nb = await runNative(p, [], { input: bail });
    const gb = await runGuest(p, [], { input: bail });
    expect(nb.exitCode).toBe(1);
    expect([gb.exitCode, gb.stdout.toString(), gb.stderr.toString()]).toEqual([nb.exitCode, nb.stdout.toString(), nb.stderr.toString()]);
  });

  it("loses nothing committed when QEMU is killed (SIGKILL) right after the commit", async () => {
    const share = await tmp("kill");
    const run = execa("node", [bin, "run", p.dir, "--share", `${share}:/data`, "--", "/data/kill.db"], {
      cwd: root, input: sql.commit, reject: false, all: true,
    });
    let seen = "";
    run.stdout!.on("data", (d: Buffer) => (seen += d.toString()));
    const qemuOf = () => childrenOf(run.pid!).find((pid) => commOf(pid).startsWith("qemu-system"));
    try {
      const deadline = Date.now() + 60_000;
      while (!seen.includes("committed 3\n") && Date.now() < deadline && run.exitCode === null) await new Promise((r) => setTimeout(r, 50));
      expect(seen).toContain("committed 3\n");
      const qemu = qemuOf();
      expect(qemu, "QEMU is still running: the script never ends on its own").toBeDefined();
      process.kill(qemu!, "SIGKILL");
    } finally {
      // a failed wait must not leave the endless query running
      if (run.exitCode === null) {
        const left = qemuOf();
        if (left) process.kill(left, "SIGKILL");
      }
    }
    const r = await run;
    expect(r.exitCode).toBe(125); // the VM died without the app's exit status
    expect(existsSync(join(share, "kill.db-journal"))).toBe(false); // the commit finished on the host
    const check = await execa(p.native, [join(share, "kill.db"), "SELECT group_concat(what, ',') FROM kept; PRAGMA integrity_check;"]);
    expect(check.stdout).toBe("first,second,third\nok");
  });
});

/** Counts rows with the native shell: the share's file is an ordinary SQLite database on the host. */
function native2Count(db: string): string {
  return execFileSync(p.native, [db, "SELECT (SELECT count(*) FROM orders), (SELECT count(*) FROM customers);"], { encoding: "latin1" });
}

function childrenOf(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  return existsSync(file) ? readFileSync(file, "latin1").trim().split(/\s+/).filter(Boolean).map(Number) : [];
}

function commOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, "latin1").trim();
  } catch {
    return "";
  }
}
