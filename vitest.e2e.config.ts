import { defineConfig } from "vitest/config";

// End-to-end journeys in headless Chromium (Debian's `chromium`, driven by
// playwright-core) against a real Node server. Screenshots go to
// test-results/screenshots (not committed).
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
