// `--publish` values: HOSTPORT:PORT stays TCP, tcp:/udp: name the protocol,
// anything else is a one-line usage error naming the accepted forms; UDP
// forwards become hostfwd=udp on the host's loopback.
import { describe, expect, it } from "vitest";
import { parsePublish } from "../../src/run/publish.js";
import { qemuArgs } from "../../src/run/qemu-args.js";
import { AutoportError } from "../../src/errors.js";

function failure(s: string): string {
  try {
    parsePublish(s);
  } catch (e) {
    expect(e).toBeInstanceOf(AutoportError);
    return (e as Error).message;
  }
  throw new Error(`"${s}" was accepted`);
}

describe("--publish", () => {
  it("reads HOSTPORT:PORT as TCP and tcp:/udp: prefixes as their protocol", () => {
    expect(parsePublish("8080:80")).toEqual({ proto: "tcp", host: 8080, guest: 80 });
    expect(parsePublish("tcp:1:65535")).toEqual({ proto: "tcp", host: 1, guest: 65535 });
    expect(parsePublish("udp:5353:53")).toEqual({ proto: "udp", host: 5353, guest: 53 });
  });

  it("refuses malformed values with the accepted forms in one line", () => {
    for (const bad of ["80", "udp:53", "0:80", "80:65536", "udp:x:53", "8080:80:", ":80", "udp:-1:53", "udp:1:2:3", "1.5:80"]) {
      const m = failure(bad);
      expect(m).toContain("--publish takes HOSTPORT:GUESTPORT (TCP) or udp:HOSTPORT:GUESTPORT");
      expect(m).toContain(`"${bad}"`);
      expect(m).not.toContain("\n");
    }
    expect(failure("sctp:1:2")).toContain('"sctp" in "sctp:1:2" is not tcp or udp');
    expect(failure("UDP:1:2")).toContain("is not tcp or udp");
  });

  it("forwards UDP with hostfwd=udp on 127.0.0.1, user networking without restrict=on", () => {
    const base = {
      image: "/i.elf", machine: "microvm" as const, accel: "tcg" as const, memMiB: 64, com1: "null,id=com1", com2: "null,id=com2",
      debugcon: "file:/d", cmdline: [], fwcfg: {}, shares: [],
    };
    const both = qemuArgs({ ...base, publish: [parsePublish("8080:80"), parsePublish("udp:5353:53")] }).join(" ");
    expect(both).toContain("-netdev user,id=net0,restrict=off,hostfwd=tcp:127.0.0.1:8080-:80,hostfwd=udp:127.0.0.1:5353-:53");
    const tcp = qemuArgs({ ...base, publish: [parsePublish("8080:80")] }).join(" ");
    expect(tcp).toContain("-netdev user,id=net0,restrict=on,hostfwd=tcp:127.0.0.1:8080-:80");
  });
});
