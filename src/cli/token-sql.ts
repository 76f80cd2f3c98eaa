import { type Actor, type Ctx, makeCtx } from "../core/kernel/context.ts";
import { createToken, createUser } from "../core/accounts/index.ts";
import { createSqliteStore } from "../platform/node/sqlite-store.ts";

/**
 * For a Worker on D1, which this CLI cannot open: runs a use case in a
 * scratch in-memory database and returns SQL that inserts the same rows of
 * `tables`, for `wrangler d1 execute --file`. SQLite's quote() writes the
 * literals, so no value is escaped by hand.
 */
async function insertSqlOf<T>(actor: Actor, tables: string[], run: (ctx: Ctx) => Promise<T>): Promise<{ result: T; sql: string }> {
  const scratch = createSqliteStore(":memory:");
  try {
    const result = await run(makeCtx(scratch, actor));
    const statements = tables.flatMap((table) => insertsFor(scratch.sqlite, table));
    return { result, sql: `${statements.join("\n")}\n` };
  } finally {
    scratch.close();
  }
}

export async function tokenInsertSql(actor: Actor, input: { role: string; name: string }): Promise<{ secret: string; sql: string }> {
  const { result, sql } = await insertSqlOf(actor, ["api_tokens", "audit_entries"], (ctx) => createToken(ctx, input));
  return { secret: result.token, sql };
}

export async function userInsertSql(actor: Actor, input: { email: string; name: string; role: string; password: string }): Promise<string> {
  return (await insertSqlOf(actor, ["users", "audit_entries"], (ctx) => createUser(ctx, input))).sql;
}

function insertsFor(sqlite: ReturnType<typeof createSqliteStore>["sqlite"], table: string): string[] {
  // The audit log's sequence number is assigned by the target database. The entry is written outside the hash
  // chain (its head is not known here) and joins it with the service's next write (linkAuditRows).
  const columns = (sqlite.pragma(`table_info(${table})`) as Array<{ name: string }>)
    .map((c) => c.name)
    .filter((c) => !["seq", "prev_hash", "hash"].includes(c));
  const values = columns.map((c) => `quote("${c}")`).join(" || ',' || ");
  const rows = sqlite.prepare(`select ${values} as v from "${table}"`).pluck().all() as string[];
  return rows.map((v) => `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${v});`);
}
