// The CLI tests run bin/autoport.js, which runs dist/: compile once per test run.
import { execa } from "execa";

export default async function setup(): Promise<void> {
  await execa("npx", ["tsc", "-p", "."], { cwd: new URL("../../", import.meta.url), reject: false });
}
