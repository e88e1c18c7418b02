// Each reporter is a pure function of the report: golden files pin what users read.
// UPDATE_GOLDEN=1 npx vitest run test/report rewrites them after a deliberate change.
import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { reporters } from "../../src/report/index.js";
import type { Report } from "../../src/report/types.js";
import { fixture } from "../helpers/cli.js";

const sample = JSON.parse(readFileSync(fixture("report", "sample.json"), "utf8")) as Report;

function golden(name: string, actual: string) {
  const path = fixture("report", `golden.${name}`);
  if (process.env.UPDATE_GOLDEN || !existsSync(path)) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, "utf8"));
}

describe("reporters", () => {
  for (const f of ["text", "md", "html"] as const) {
    it(`${f} matches its golden file`, () => golden(f === "text" ? "txt" : f, reporters[f](sample)));
  }

  it("json round-trips the report", () => {
    expect(JSON.parse(reporters.json(sample))).toEqual(sample);
  });

  it("html links sites to their source lines and escapes text", () => {
    const html = reporters.html({ ...sample, app: "<b>x</b>" });
    expect(html).toContain('href="https://sources.debian.org/src/demo/1.0-1/src/daemon.c/#L42"');
    expect(html).not.toContain("<b>x</b>");
    expect(html).not.toMatch(/<script|<link /);
  });

  it("text names the missing syscall and the manual item with its pattern", () => {
    const t = reporters.text(sample);
    expect(t).toContain("kernel coverage: 3/4 (75.0%)");
    expect(t).toMatch(/fork\s+via fork/);
    expect(t).toContain("fork [daemonize] src/daemon.c:42");
  });
});
