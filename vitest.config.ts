import { defineConfig } from "vitest/config";

// Node suites: the app over better-sqlite3, the CLI and the Node server.
// The Worker suites (D1 inside workerd) have their own config: vitest.workers.config.ts.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/workers/**", "node_modules/**"],
    testTimeout: 20_000,
  },
});
