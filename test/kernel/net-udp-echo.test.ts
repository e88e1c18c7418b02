// A UDP echo server behind `autoport run --publish udp:HOSTPORT:PORT`:
// fixtures/net-udp-echo binds 0.0.0.0:PORT, and a node:dgram client on the
// host sends it datagrams, once natively and once through the CLI (QEMU user
// networking, hostfwd=udp on 127.0.0.1). Transcript and server output must
// match both ways.
import { beforeAll, describe, expect, it } from "vitest";
import { execa } from "execa";
import { createSocket } from "node:dgram";
import { join } from "node:path";
import { buildImage, buildKernel, fixture, root } from "./boot.js";
import { useLwip } from "./net-lwip.js";
import { freePort, stopGroup } from "../helpers/net.js";
import { bin } from "../helpers/cli.js";

const modules = "socket";
let image = "";
let native = "";

/** Sends each payload and waits for its echo; probes with "ping" until the server answers. */
async function client(port: number): Promise<string> {
  const sock = createSocket("udp4");
  const replies: Buffer[] = [];
  let wake: (() => void) | null = null;
  sock.on("message", (m) => {
    replies.push(m);
    wake?.();
  });
  const reply = (ms: number) =>
    new Promise<Buffer | null>((ok) => {
      if (replies.length) return ok(replies.shift()!);
      const t = setTimeout(() => ((wake = null), ok(null)), ms);
      wake = () => (clearTimeout(t), (wake = null), ok(replies.shift()!));
    });
  const send = (b: Buffer) => new Promise<void>((ok) => sock.send(b, port, "127.0.0.1", () => ok()));
  const out: string[] = [];
  try {
    let up = false;
    for (let i = 0; i < 240 && !up; i++) {
      await send(Buffer.from("ping"));
      up = (await reply(250)) !== null;
    }
    out.push(up ? "server answered" : "no answer");
    await new Promise((ok) => setTimeout(ok, 300));
    replies.length = 0; // late echoes of the probes
    for (const payload of [Buffer.from("hello"), Buffer.alloc(1400, 7), Buffer.from("")]) {
      await send(payload);
      const r = await reply(10_000);
      out.push(`${payload.length} bytes: ${r === null ? "no echo" : r.equals(payload) ? "echoed" : `wrong (${r.length} bytes)`}`);
    }
    // the server answers "bye" and exits at once: the frame must leave before the VM stops
    await send(Buffer.from("quit"));
    const bye = await reply(10_000);
    out.push(`quit: ${bye === null ? "no answer" : bye.toString()}`);
  } finally {
    sock.close();
  }
  return out.join("\n");
}

beforeAll(async () => {
  await useLwip();
  const kernel = await buildKernel(modules);
  image = await buildImage(kernel, modules, "net-udp-echo");
  const exe = join(kernel, "net-udp-echo-native");
  await execa("musl-gcc", ["-static", "-O2", fixture("net-udp-echo"), "-o", exe]);
  const port = await freePort();
  const server = execa(exe, [String(port)], { reject: false, timeout: 30_000 });
  const transcript = await client(port);
  native = `${transcript}\n${(await server).stdout.replace(` ${port}`, " PORT")}`;
}, 240_000);

describe("UDP echo server over the network", () => {
  it("answers a host client natively", () => {
    expect(native).toContain("1400 bytes: echoed");
    expect(native).toContain("quit: bye");
    expect(native).toMatch(/echoed 0 bytes .*\nquit$/);
  });

  it("answers the same from the guest behind autoport run --publish udp:", async () => {
    const host = await freePort();
    const run = execa("node", [bin, "run", image, "--publish", `udp:${host}:5353`, "--timeout", "90", "--", "5353"], {
      cwd: root,
      reject: false,
      detached: true,
      stdin: "ignore",
    });
    try {
      const transcript = await client(host);
      const r = await run;
      expect(r.exitCode).toBe(0);
      expect(`${transcript}\n${String(r.stdout).replace(" 5353", " PORT")}`).toBe(native);
    } finally {
      stopGroup(run);
    }
  }, 120_000);
});
