import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { count } from "drizzle-orm";
import { auditEntries } from "../../db/schema.ts";
import { makeCtx, SYSTEM_ACTOR } from "../core/context.ts";
import { loadDemoData } from "../core/demo/load-demo-data.ts";
import { newTokenSecret } from "../core/tokens/token-secret.ts";
import { createToken } from "../core/tokens/token-use-cases.ts";
import { createUser } from "../core/users/user-use-cases.ts";
import { createSqliteStore, type SqliteStore } from "../storage/sqlite-store.ts";

/** Opens (and migrates) the Node database, creating its folder on first use. */
export function openStore(path: string): SqliteStore {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  return createSqliteStore(path);
}

/**
 * Fills an empty register with the demo data and makes a demo admin token and
 * a demo admin user, whose secrets are returned to be shown once. A register with any history is
 * left alone.
 */
export async function seedDemoIfEmpty(store: SqliteStore): Promise<DemoCredentials | null> {
  const [row] = await store.db.select({ n: count() }).from(auditEntries);
  if ((row?.n ?? 0) > 0) return null;
  const ctx = makeCtx(store, { ...SYSTEM_ACTOR, id: "system:demo", name: "demo data" });
  await loadDemoData(ctx);
  const token = await createToken(ctx, { name: "demo admin", role: "admin" });
  const password = newTokenSecret().slice(5, 25);
  await createUser(ctx, { email: DEMO_ADMIN_EMAIL, name: "Demo DPO", role: "admin", password });
  return { token: token.token, email: DEMO_ADMIN_EMAIL, password };
}

export const DEMO_ADMIN_EMAIL = "dpo@demo.example";

export interface DemoCredentials {
  token: string;
  email: string;
  password: string;
}
