#!/usr/bin/env node
import { main } from "../dist/cli/index.js";
// `autoport ... | head` closes the pipe early: that is not an error
for (const s of [process.stdout, process.stderr]) s.on("error", (e) => { if (e.code === "EPIPE") process.exit(process.exitCode ?? 0); else throw e; });
process.exitCode = await main(process.argv.slice(2));
