import { type Actor, makeCtx } from "../core/context.ts";
import { createToken } from "../core/tokens/token-use-cases.ts";
import { createSqliteStore } from "../storage/sqlite-store.ts";

/**
 * For a Worker on D1, which this CLI cannot open: creates the token (and its
 * audit entry) in a scratch in-memory database and returns SQL that inserts
 * the same rows, for `wrangler d1 execute --file`. SQLite's quote() writes
 * the literals, so no value is escaped by hand.
 */
export async function tokenInsertSql(actor: Actor, input: { role: string; name: string }): Promise<{ secret: string; sql: string }> {
  const scratch = createSqliteStore(":memory:");
  try {
    const created = await createToken(makeCtx(scratch, actor), input);
    const statements = ["api_tokens", "audit_entries"].flatMap((table) => insertsFor(scratch.sqlite, table));
    return { secret: created.token, sql: `${statements.join("\n")}\n` };
  } finally {
    scratch.close();
  }
}

function insertsFor(sqlite: ReturnType<typeof createSqliteStore>["sqlite"], table: string): string[] {
  // The audit log's sequence number is assigned by the target database.
  const columns = (sqlite.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name).filter((c) => c !== "seq");
  const values = columns.map((c) => `quote("${c}")`).join(" || ',' || ");
  const rows = sqlite.prepare(`select ${values} as v from "${table}"`).pluck().all() as string[];
  return rows.map((v) => `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${v});`);
}
