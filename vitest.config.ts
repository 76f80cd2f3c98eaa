import { defineConfig } from "vitest/config";

// Node suites: the app over better-sqlite3, the CLI and the Node server.
// The Worker suites (D1 inside workerd) and the browser journeys have their own
// configs: vitest.workers.config.ts and vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/workers/**", "test/e2e/**", "node_modules/**"],
    testTimeout: 20_000,
  },
});
