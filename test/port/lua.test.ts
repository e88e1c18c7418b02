// Lua 5.4 from Debian's source, ported with `autoport port debian:lua5.4`:
// every script in fixtures/lua gives the same stdout, stderr and exit status
// from the natively built musl `lua` and from the unikernel. Scripts come from
// a host share (the same relative path in both runs, so error messages and
// tracebacks name the same chunk), input through stdin and files.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixture } from "../helpers/cli.js";
import { portOnce, runGuest, runNative, show, type Ported, type Ran } from "./ported.js";

let p: Ported;
/** a folder holding lua/ (the scripts); natively the current directory, in the guest shared at /lua */
let top = "";

beforeAll(async () => {
  p = await portOnce("debian:lua5.4", "lua5.4");
  if (p.seconds) console.log(`autoport port debian:lua5.4: ${p.seconds.toFixed(0)} s`);
  top = await mkdtemp(join(tmpdir(), "autoport-lua-"));
  await cp(fixture("lua"), join(top, "lua"), { recursive: true });
}, 600_000);
afterAll(async () => { if (top) await rm(top, { recursive: true, force: true }); });

function expectSame(native: Ran, guest: Ran, what: string): void {
  expect(guest.stdout.toString("latin1"), `${what} in the guest:\n${show(guest)}`).toBe(native.stdout.toString("latin1"));
  expect(guest.stderr.toString("latin1"), what).toBe(native.stderr.toString("latin1"));
  expect(guest.exitCode, what).toBe(native.exitCode);
}

async function both(args: string[], opts: { input?: string; inputFile?: string; env?: Record<string, string>; work?: boolean } = {}) {
  const work = opts.work ? await mkdtemp(join(top, "work-")) : "";
  const nativeWork = join(top, "work");
  if (opts.work) await mkdir(nativeWork, { recursive: true });
  const io = { input: opts.input, inputFile: opts.inputFile };
  const native = await runNative(p, args, { cwd: top, env: opts.env, ...io });
  const guest = await runGuest(p, args, {
    ...io,
    shares: [`${join(top, "lua")}:/lua`, ...(opts.work ? [`${work}:/work`] : [])],
    guestEnv: Object.entries(opts.env ?? {}).map(([k, v]) => `${k}=${v}`),
  });
  return { native, guest, work, nativeWork };
}

describe("lua5.4 ported from Debian", () => {
  it("reports nothing under manual porting without a reason", () => {
    expect(p.target).toBe("lua");
    expect(p.report.manual.filter((m) => !m.explained)).toEqual([]);
  });

  it.each(["strings", "tables", "closures", "coroutines"])("%s.lua: the same output natively and in the unikernel", async (name) => {
    const { native, guest } = await both([`lua/${name}.lua`]);
    expect(native.exitCode, show(native)).toBe(0);
    expect(native.stdout.length).toBeGreaterThan(100);
    expectSame(native, guest, `${name}.lua`);
  });

  it("errors.lua: pcall/xpcall messages, tracebacks, and the uncaught error's message and exit status 1", async () => {
    const { native, guest } = await both(["lua/errors.lua"]);
    expect(native.exitCode).toBe(1);
    expect(native.stderr.toString()).toMatch(/^lua: lua\/errors\.lua:\d+: uncaught at the end\nstack traceback:/);
    expectSame(native, guest, "errors.lua");
  });

  it("io.lua: stdin from a file, a data file next to the script, files written, renamed and removed on a share", async () => {
    const { native, guest, work, nativeWork } = await both(["lua/io.lua", "work"], { inputFile: join(top, "lua", "input.txt"), work: true });
    expect(native.exitCode, show(native)).toBe(0);
    expect(native.stdout.toString()).toContain("wrote\t35509\t1001\tappended");
    expectSame(native, guest, "io.lua");
    // the script cleans up after itself on both sides
    expect(await readdir(work)).toEqual(await readdir(nativeWork));
  });

  it("ostime.lua: dates through mktime and gmtime in UTC, the clock, the environment, os.exit(3)", async () => {
    const { native, guest } = await both(["lua/ostime.lua"], { env: { TZ: "UTC", AUTOPORT_LUA_TEST: "yes" } });
    expect(native.exitCode).toBe(3);
    expect(native.stdout.toString()).toContain("1709214330\t2024-02-29 13:45:30\tThursday February 060 PM");
    expectSame(native, guest, "ostime.lua");
  });

  it("a script through stdin (lua -), and -e with arguments", async () => {
    const script = await readFile(join(top, "lua", "closures.lua"), "utf8");
    const viaStdin = await both(["-"], { input: script });
    expect(viaStdin.native.exitCode).toBe(0);
    expectSame(viaStdin.native, viaStdin.guest, "closures.lua through stdin");
    const e = await both(["-e", "x = 6 * 7", "-e", "print(x, #arg, arg[0], arg[1])", "-", "extra arg"], { input: "print('stdin chunk', ...)\n" });
    expect(e.native.stdout.toString()).toBe("42\t1\t-\textra arg\nstdin chunk\textra arg\n");
    expectSame(e.native, e.guest, "-e");
  });
});
