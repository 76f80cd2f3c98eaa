import { drizzle } from "drizzle-orm/d1";
import * as schema from "../../db/schema.ts";
import type { Db, Store } from "../core/ports/store.ts";
import { translateConstraintError } from "./constraint-errors.ts";

/**
 * The Store port over Cloudflare D1. D1 has no interactive transactions; a
 * batch is its atomic unit (all statements commit or none do). Migrations are
 * applied by wrangler (`wrangler d1 migrations apply`), not here.
 */
export function createD1Store(binding: D1Database): Store {
  const db = drizzle(binding, { schema });
  return {
    db: db as unknown as Db,
    // D1 caps bound parameters per query at 100.
    maxBoundParameters: 100,
    async atomic(statements) {
      if (statements.length === 0) return;
      try {
        await db.batch(statements as [never, ...never[]]);
      } catch (error) {
        translateConstraintError(error);
      }
    },
  };
}
