// The README's kernel numbers are generated from the manifests: they must match `autoport syscalls`.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { kernelSection, BEGIN, END } from "../../src/manifests/readme-section.js";
import { autoport, root } from "../helpers/cli.js";

describe("README", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");

  it("carries the kernel section exactly as the manifests generate it (run scripts/update-readme)", async () => {
    const section = readme.slice(readme.indexOf(BEGIN), readme.indexOf(END) + END.length);
    expect(section).toBe(await kernelSection());
  });

  it("states the same supported count as `autoport syscalls --json`", async () => {
    const r = await autoport(["syscalls", "--json"]);
    expect(r.exitCode).toBe(0);
    const table = JSON.parse(r.stdout) as { syscalls: Array<{ status: string }> };
    const supported = table.syscalls.filter((s) => s.status !== "stub").length;
    expect(readme).toContain(`supports **${supported} syscalls**`);
  });

  it("starts with the two commands: the main job and the tests", () => {
    const blocks = [...readme.matchAll(/```sh\n(.*)\n```/g)].map((m) => m[1]);
    expect(blocks[0]).toMatch(/^\.\/scripts\/setup && npm ci && npx autoport /);
    expect(blocks[1]).toBe("./scripts/setup && npm ci && npm test");
  });
});
