import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/build.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Process tests spawn the CLI; two cores go further with fewer workers fighting.
    maxWorkers: 2,
  },
});
