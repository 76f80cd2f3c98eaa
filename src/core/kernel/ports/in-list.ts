import { type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * `column in (values)` with the values as ONE bound parameter (a JSON array read by json_each),
 * whatever their number: D1 caps the bound parameters of a statement at 100, and a terms change
 * may name thousands of agreements.
 */
export const inList = (column: SQLiteColumn, values: readonly string[]): SQL =>
  sql`${column} in (select value from json_each(${JSON.stringify(values)}))`;
