// Which kernel modules an image carries: the owners of the syscalls the app
// may reach, except modules that name the libc functions they are carried for.
import { describe, expect, it } from "vitest";
import { pickModules } from "../../src/image/modules.js";
import { tableOf, type ModuleManifest } from "../../src/manifests/index.js";
import type { Report } from "../../src/report/types.js";

const mod = (name: string, syscalls: string[], more: Partial<ModuleManifest> = {}): ModuleManifest => ({
  name, summary: "", requires: [], sources: [], syscalls: Object.fromEntries(syscalls.map((s) => [s, "implemented"])), ...more,
});
const table = tableOf([
  mod("core", ["exit_group"], { core: true }),
  mod("stack", []),
  mod("sockets", ["socket", "connect"], { requires: ["stack"], carriedFor: ["socket", "accept"] }),
]);
const report = (libc: string[], syscalls: Array<[string, string[]]>) =>
  ({ libc: libc.map((name) => ({ name })), syscalls: syscalls.map(([name, via]) => ({ name, via })) }) as unknown as Report;

describe("pickModules", () => {
  it("leaves out a module whose syscalls only libc's insides reach (getpwnam's nscd lookup behind glob)", () => {
    expect(pickModules(report(["glob", "exit"], [["socket", ["glob"]], ["connect", ["glob"]], ["exit_group", ["exit"]]]), table)).not.toContain("sockets");
  });
  it("carries it, with what it requires, when the app calls one of its functions", () => {
    const picked = pickModules(report(["socket", "glob"], [["socket", ["socket", "glob"]]]), table);
    expect(picked).toContain("sockets");
    expect(picked).toContain("stack");
  });
});
