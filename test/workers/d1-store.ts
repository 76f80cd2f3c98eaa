import { applyD1Migrations, env, reset } from "cloudflare:test";
import { createD1Store } from "../../src/platform/worker/d1-store.ts";

/** A fresh D1 database at the latest migration, as `wrangler d1 migrations apply` leaves it. */
export async function freshD1Store() {
  await reset();
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  return createD1Store(env.DB);
}
