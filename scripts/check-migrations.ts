// Fails when db/schema.ts changed without a generated migration: drizzle-kit
// runs against a copy of db/migrations and must find nothing to generate.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";

// drizzle-kit only takes an `out` relative to the working directory.
const work = "node_modules/.cache/migration-check";
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync("db/migrations", `${work}/migrations`, { recursive: true });
writeFileSync(
  `${work}/drizzle.config.ts`,
  `export default { dialect: "sqlite", schema: "./db/schema.ts", out: "./${work}/migrations" };\n`,
);

const result = spawnSync("npx", ["drizzle-kit", "generate", "--config", `${work}/drizzle.config.ts`], { encoding: "utf8" });
const output = `${result.stdout}${result.stderr}`;
if (output.includes("No schema changes")) {
  console.log("migrations are up to date with db/schema.ts");
} else if (output.includes("Your SQL migration file")) {
  console.error("db/schema.ts has changes without a migration: run `./dev db:generate` and commit db/migrations.");
  process.exit(1);
} else {
  console.error(`drizzle-kit did not run as expected:\n${output}`);
  process.exit(1);
}
