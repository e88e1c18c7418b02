// An echo server end to end: fixtures/net-echo/echo.c listens on 0.0.0.0,
// and a node:net client on the host talks to it, once natively and once in
// the guest through QEMU user networking (hostfwd on 127.0.0.1, restrict=on,
// a virtio-net NIC). The client's transcript and the server's stdout must be
// the same both ways.
import { beforeAll, describe, expect, it } from "vitest";
import { execa } from "execa";
import { connect } from "node:net";
import { join } from "node:path";
import { boot, buildImage, buildKernel, root } from "./boot.js";
import { useLwip } from "./net-lwip.js";
import { freePort } from "../helpers/net.js";

const modules = "socket";
const source = join(root, "fixtures", "net-echo", "echo.c");
let image = "";
let native = "";


/** One connection: sends `lines`, half-closes, reads to the end. null if the
 * server was not there (refused, or QEMU's forward closed it unanswered). */
function session(port: number, lines: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    const sock = connect(port, "127.0.0.1");
    let got = "";
    sock.setEncoding("latin1");
    sock.on("connect", () => sock.end(lines.map((l) => `${l}\n`).join("")));
    sock.on("data", (d: string) => (got += d));
    sock.on("error", () => resolve(null));
    sock.on("close", () => resolve(got === "" ? null : got));
    sock.setTimeout(10_000, () => sock.destroy());
  });
}

const sessions = [["hello", "world"], ["x".repeat(3000), "second line"], Array.from({ length: 200 }, (_, i) => `line ${i}`)];

/** Runs every session in order, retrying the first until the server listens. */
async function client(port: number): Promise<string> {
  const out: string[] = [];
  for (const [i, lines] of sessions.entries()) {
    let got: string | null = null;
    for (let tries = 0; got === null && tries < (i === 0 ? 120 : 1); tries++) {
      got = await session(port, lines);
      if (got === null) await new Promise((ok) => setTimeout(ok, 250));
    }
    out.push(`session ${i}: ${got === null ? "no answer" : got === lines.map((l) => `${l}\n`).join("") ? "echoed" : `wrong: ${JSON.stringify(got.slice(0, 80))}`}`);
  }
  return out.join("\n");
}

beforeAll(async () => {
  await useLwip();
  const kernel = await buildKernel(modules);
  const obj = join(kernel, "echo.o");
  await execa("musl-gcc", ["-O2", "-c", source, "-o", obj]);
  await execa("make", ["-s", "-C", join(root, "kernel"), `O=${kernel}`, `IMG=${kernel}/echo`, `MODULES=${modules}`, `APP=${obj}`, "image"]);
  image = join(kernel, "echo", "image.elf");
  const exe = join(kernel, "echo-native");
  await execa("musl-gcc", ["-static", "-O2", source, "-o", exe]);
  const port = await freePort();
  const server = execa(exe, [String(port), String(sessions.length)], { reject: false, timeout: 30_000 });
  const transcript = await client(port);
  native = `${transcript}\n${(await server).stdout.replace(` ${port}`, " PORT")}`;
}, 240_000);

async function inGuest(machine: "microvm" | "pc"): Promise<string> {
  const host = await freePort();
  const nic = machine === "pc" ? "virtio-net-pci" : "virtio-net-device";
  const run = boot(image, {
    machine,
    args: ["echo", "8080", String(sessions.length)],
    qemu: ["-netdev", `user,id=net0,restrict=on,hostfwd=tcp:127.0.0.1:${host}-:8080`, "-device", `${nic},netdev=net0`],
    timeout: 90_000,
  });
  const transcript = await client(host);
  const r = await run;
  expect(r.records.at(-1)).toBe("@exit 0");
  return `${transcript}\n${r.stdout.replace(" 8080", " PORT").trimEnd()}`;
}

describe("echo server over the network", () => {
  it("answers a host client natively", () => {
    expect(native).toContain("session 2: echoed");
    expect(native).toContain("served 3 connections");
  });

  it("answers the same from the guest (microvm, virtio-mmio NIC)", async () => {
    expect(await inGuest("microvm")).toBe(native);
  }, 120_000);

  it("answers the same from the guest (-M pc, virtio-net-pci)", async () => {
    expect(await inGuest("pc")).toBe(native);
  }, 120_000);
});
