import { execFileSync } from "node:child_process";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Suites that run inside workerd with a local D1 database, as the Worker does.
export default defineConfig(async () => {
  const migrations = await readD1Migrations("db/migrations");
  // The same documents rendered on Node, to compare with workerd's bytes.
  const reference = JSON.parse(execFileSync(process.execPath, ["test/workers/reference-documents.ts"], { encoding: "utf8" })) as Record<string, string>;
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: { bindings: { TEST_MIGRATIONS: migrations, NODE_REFERENCE: reference } },
      }),
    ],
    // date-holidays requires moment-timezone, which requires "moment"; the pool would resolve that to
    // moment's ES build and load it as CommonJS (moment/moment-timezone#449). wrangler's bundler is fine.
    resolve: { alias: [{ find: /^moment$/, replacement: "moment/moment.js" }] },
    test: { include: ["test/workers/**/*.test.ts"], testTimeout: 30_000 },
  };
});
