import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { count, sql } from "drizzle-orm";
import { referencedFirst } from "../../core/register-transfer/index.ts";
import { apiTokens, auditEntries, users, writeGuards } from "../../../db/schema.ts";
import { SCHEMA_TABLES } from "../../../db/tables.ts";
import { AppError } from "../../core/kernel/errors.ts";
import type { Statement } from "../../core/kernel/ports/store.ts";
import { clearGuards, guardCount } from "../../core/kernel/write-guard.ts";
import { insertMany } from "../../core/kernel/ports/insert-many.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../core/kernel/context.ts";
import { loadDemoData } from "../../core/demo/index.ts";
import { createToken, createUser, newTokenSecret } from "../../core/accounts/index.ts";
import { createSqliteStore, type SqliteStore, type SqliteStoreOptions } from "./sqlite-store.ts";

/** Opens (and migrates) the Node database, creating its folder on first use. */
export function openStore(path: string, options: SqliteStoreOptions = {}): SqliteStore {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  return createSqliteStore(path, options);
}

/**
 * Fills an empty register with the demo data, a demo admin token and a demo
 * admin user, all or nothing: everything is built in a scratch in-memory
 * database, then copied in one atomic unit that holds only while the register
 * is still empty. A crash at any point leaves either an empty register (the
 * next start loads it again) or the whole demo. The secrets are handed to
 * `show` before the commit, since after it they can no longer be recovered.
 * A register with any history is left alone.
 */
export async function seedDemoIfEmpty(store: SqliteStore, show: (credentials: DemoCredentials) => void): Promise<"loaded" | "not_empty"> {
  if (!(await isEmpty(store))) return "not_empty";
  const scratch = createSqliteStore(":memory:");
  try {
    const ctx = makeCtx(scratch, { ...SYSTEM_ACTOR, id: "system:demo", name: "demo data" });
    await loadDemoData(ctx);
    const token = await createToken(ctx, { name: "demo admin", role: "admin" });
    const password = newTokenSecret().slice(5, 25);
    await createUser(ctx, { email: DEMO_ADMIN_EMAIL, name: "Demo DPO", role: "admin", password });
    const statements: Statement[] = [guardCount(store.db, sql`(select count(*) from ${auditEntries})`, 0)];
    for (const table of REGISTER_TABLES) {
      const rows = (await scratch.db.select().from(table)) as Record<string, unknown>[];
      statements.push(...insertMany(store, table, rows));
    }
    show({ token: token.token, email: DEMO_ADMIN_EMAIL, password });
    await store.atomic([...statements, clearGuards(store.db)]);
    return "loaded";
  } catch (error) {
    // Another process loaded a register first: this one leaves it as it is.
    if (error instanceof AppError && error.code === "conflict" && !(await isEmpty(store))) return "not_empty";
    throw error;
  } finally {
    scratch.close();
  }
}

/** Whether the register holds no user and no token, so nobody can sign in or call the API. */
export async function hasNoWayIn(store: SqliteStore): Promise<boolean> {
  const [people] = await store.db.select({ n: count() }).from(users);
  const [tokens] = await store.db.select({ n: count() }).from(apiTokens);
  return (people?.n ?? 0) === 0 && (tokens?.n ?? 0) === 0;
}

async function isEmpty(store: SqliteStore): Promise<boolean> {
  const [row] = await store.db.select({ n: count() }).from(auditEntries);
  return (row?.n ?? 0) === 0;
}

/** Every table, each after the tables its foreign keys refer to, so rows can be copied in this order. */
const REGISTER_TABLES = referencedFirst(SCHEMA_TABLES.filter((t) => t !== writeGuards));

export const DEMO_ADMIN_EMAIL = "dpo@demo.example";

export interface DemoCredentials {
  token: string;
  email: string;
  password: string;
}
