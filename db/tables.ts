import { is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import * as schema from "./schema.ts";

/**
 * Every table of the schema, in the module namespace's order: alphabetical by
 * export name on Node, source order once bundled for a Worker (sort where the
 * order matters).
 */
export const SCHEMA_TABLES: readonly SQLiteTable[] = (Object.values(schema) as unknown[]).filter((t): t is SQLiteTable => is(t, SQLiteTable));
