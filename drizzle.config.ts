import { defineConfig } from "drizzle-kit";

// One migrations folder for drizzle-kit, the Node migrator, wrangler (D1) and tests.
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});
