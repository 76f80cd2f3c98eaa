import { drizzle } from "drizzle-orm/d1";
import * as schema from "../../../db/schema.ts";
import type { Db, Statement, Store } from "../../core/kernel/ports/store.ts";
import { CHAIN_RETRIES, linkAuditRows, lostChainRace } from "../../core/kernel/audit/audit-chain.ts";
import { translateConstraintError } from "../constraint-errors.ts";

/**
 * The Store port over Cloudflare D1. D1 has no interactive transactions; a
 * batch is its atomic unit (all statements commit or none do). Migrations are
 * applied by wrangler (`wrangler d1 migrations apply`), not here.
 */
export function createD1Store(binding: D1Database): Store {
  const db = drizzle(binding, { schema });
  async function writeLinked(statements: Statement[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      // Linked to the chain's head as it is now; a request in another isolate that got there first makes the batch fail, and it is linked again.
      const linked = await linkAuditRows(store, statements);
      try {
        await db.batch(linked as [never, ...never[]]);
        return;
      } catch (error) {
        if (attempt < CHAIN_RETRIES && lostChainRace(error)) continue;
        translateConstraintError(error);
      }
    }
  }
  let queue: Promise<void> = Promise.resolve();
  const store: Store = {
    db: db as unknown as Db,
    // D1 caps bound parameters per query at 100.
    maxBoundParameters: 100,
    atomic(statements) {
      if (statements.length === 0) return Promise.resolve();
      // Units of this isolate take the head of the chain in turn; only another isolate can race it.
      const run = queue.then(() => writeLinked(statements));
      queue = run.catch(() => {});
      return run;
    },
  };
  return store;
}
