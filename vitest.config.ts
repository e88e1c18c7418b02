import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/build-once.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // QEMU and compilers are heavy: 2 files at a time on 2 cores
    maxWorkers: 2,
    minWorkers: 1,
  },
});
