// Run by vitest.workers.config.ts on Node before the Worker suites start:
// builds the register export fixture (test/helpers/register-fixture.ts,
// signed with the Worker suites' checkpoint key, given as the argument) and
// the SQL `./dev cli token sql` prints for a first admin token on D1, and
// prints both as JSON for the Worker suite to import through the Worker.
import { tokenInsertSql } from "../../src/cli/token-sql.ts";
import { buildRegisterFixture } from "../helpers/register-fixture.ts";

const key = process.argv[2];
if (!key) throw new Error("usage: register-export-fixture.ts <checkpoint signing key>");
const fixture = await buildRegisterFixture(key);
fixture.store.close();
const bootstrap = await tokenInsertSql({ id: "cli", name: "cli:operator", role: "admin" }, { role: "admin", name: "first admin (D1)" });
console.log(
  JSON.stringify({
    text: fixture.text,
    adminToken: fixture.adminToken,
    exports: fixture.exports,
    bootstrap: { sql: bootstrap.sql, token: bootstrap.secret },
  }),
);
