import { eq } from "drizzle-orm";
import { appSecrets } from "../../../../db/schema.ts";
import type { Clock } from "../context.ts";
import type { Db, Store } from "../ports/store.ts";
import { fromBase64url, toBase64url } from "./base64url.ts";

/**
 * Keys the application makes for itself (e.g. the key that signs customer
 * objection links), kept in the database so every Node instance and the
 * Worker share them and they survive restarts without any configuration.
 */
const SECRET_BYTES = 32;

/** The named secret if it was ever made; reading never makes one, so a GET writes nothing. */
export async function readAppSecret(db: Db, name: string): Promise<Uint8Array<ArrayBuffer> | null> {
  const [row] = await db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, name));
  return row ? fromBase64url(row.value) : null;
}

/**
 * The named secret, made on first use. Two writers racing both
 * insert-or-ignore a random value and then read back the one that was kept,
 * so both sign with the same key.
 */
export async function appSecret(store: Store, clock: Clock, name: string): Promise<Uint8Array<ArrayBuffer>> {
  const existing = await readAppSecret(store.db, name);
  if (existing) return existing;
  const value = toBase64url(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)));
  await store.atomic([store.db.insert(appSecrets).values({ name, value, createdAt: clock.now().toISOString() }).onConflictDoNothing()]);
  const kept = await readAppSecret(store.db, name);
  if (!kept) throw new Error(`App secret ${name} could not be stored.`);
  return kept;
}
