import { getTableName, sql } from "drizzle-orm";
import { SCHEMA_TABLES } from "../../db/tables.ts";
import type { Store } from "../../src/core/kernel/ports/store.ts";

/**
 * Every row of every register table (token and session usage marks aside): two equal
 * snapshots prove a request changed nothing.
 */
export async function snapshot(store: Store): Promise<Record<string, unknown[]>> {
  const tables = SCHEMA_TABLES;
  const result: Record<string, unknown[]> = {};
  for (const table of tables) {
    const name = getTableName(table as never);
    const rows = (await store.db.all(sql.raw(`select * from "${name}" order by rowid`))) as Record<string, unknown>[];
    // Usage marks move on reads; they are not register data.
    if (name === "api_tokens") result[name] = rows.map(({ last_used_at: _l, ...r }) => r);
    else if (name === "sessions") result[name] = rows.map(({ last_seen_at: _l, ...r }) => r);
    else result[name] = rows;
  }
  return result;
}
