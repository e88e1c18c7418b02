// xz from Debian's xz-utils, ported with `autoport port debian:xz-utils`:
// `xz -T2` compresses blocks on two threads (pthread_create, mutexes,
// condition variables), so this checks kernel/lib/thread on a real program.
// The guest's output must equal the natively built xz's, byte for byte.
import { beforeAll, describe, expect, it } from "vitest";
import { portOnce, runGuest, runNative, show, type Ported } from "./ported.js";

let p: Ported;

/** About 600 KB of text that compresses but not trivially (a fixed LCG). */
function sample(): Buffer {
  const words = ["thread", "futex", "clone", "mutex", "cond", "join", "yield", "kernel", "block", "xz"];
  let x = 12345;
  const out: string[] = [];
  for (let i = 0; i < 90_000; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(words[x % words.length]! + (x % 7 === 0 ? "\n" : " "));
  }
  return Buffer.from(out.join(""));
}

beforeAll(async () => {
  p = await portOnce("debian:xz-utils", "xz-utils");
  if (p.seconds) console.log(`autoport port debian:xz-utils: ${p.seconds.toFixed(0)} s`);
});

describe("xz-utils ported from Debian", () => {
  it("compresses on two threads to the same bytes natively and in the unikernel, and decompresses back", async () => {
    const input = sample();
    const args = ["-T2", "--block-size=128KiB", "-0", "-c"];
    const native = await runNative(p, args, { input });
    const guest = await runGuest(p, args, { input });
    expect(native.exitCode, show(native)).toBe(0);
    expect(guest.exitCode, show(guest)).toBe(0);
    expect(guest.stdout.equals(native.stdout)).toBe(true);
    const back = await runGuest(p, ["-T2", "-d", "-c"], { input: guest.stdout });
    expect(back.exitCode, show(back)).toBe(0);
    expect(back.stdout.equals(input)).toBe(true);
  });
});
