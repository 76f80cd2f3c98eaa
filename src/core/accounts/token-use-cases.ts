import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { apiTokens } from "../../../db/schema.ts";
import { auditStatement } from "../kernel/audit/audit-statement.ts";
import type { Actor, Ctx } from "../kernel/context.ts";
import { AppError, notFound } from "../kernel/errors.ts";
import { preparedOn, type Store } from "../kernel/ports/store.ts";
import { parseInput } from "../kernel/input/parse-input.ts";
import { type ApiToken, TokenInput } from "./token-model.ts";
import { hashTokenSecret, newTokenSecret } from "./token-secret.ts";
import { type ReadScope, rememberedUntilChange } from "../kernel/remembered.ts";

type TokenRow = typeof apiTokens.$inferSelect;

const toApiToken = ({ tokenHash: _hash, ...row }: TokenRow): ApiToken => row;

/** Creates a token; the secret is returned here and never again. */
export async function createToken(ctx: Ctx, raw: unknown): Promise<ApiToken & { token: string }> {
  const input = parseInput(TokenInput, raw);
  const secret = newTokenSecret();
  const now = ctx.clock.now().toISOString();
  const row: TokenRow = {
    id: ctx.newId(),
    name: input.name,
    role: input.role,
    tokenHash: hashTokenSecret(secret),
    createdAt: now,
    createdBy: ctx.actor.name,
    revokedAt: null,
    lastUsedAt: null,
  };
  const token = toApiToken(row);
  await ctx.store.atomic([
    ctx.store.db.insert(apiTokens).values(row),
    auditStatement(ctx, { action: "create", entityType: "api_token", entityId: row.id, before: null, after: token }, now),
  ]);
  return { ...token, token: secret };
}

export async function listTokens(ctx: Ctx): Promise<ApiToken[]> {
  const rows = await ctx.store.db.select().from(apiTokens).orderBy(desc(apiTokens.createdAt));
  return rows.map(toApiToken);
}

export async function revokeToken(ctx: Ctx, id: string): Promise<ApiToken> {
  const db = ctx.store.db;
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
  if (!row) throw notFound("API token", id);
  if (row.revokedAt) throw new AppError("conflict", "This token is already revoked.");
  const now = ctx.clock.now().toISOString();
  const before = toApiToken(row);
  const after = { ...before, revokedAt: now };
  await ctx.store.atomic([
    db
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))),
    auditStatement(ctx, { action: "revoke", entityType: "api_token", entityId: id, before, after }, now),
  ]);
  return after;
}

/** Usage marks are throttled so that reads do not turn into a write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

function tokenByHash(store: Store, hash: string): Promise<TokenRow | undefined> {
  const statement = preparedOn(store.db, "api-token-by-hash", (db) =>
    db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, sql.placeholder("hash")))
      .prepare(),
  );
  return Promise.resolve(statement.get({ hash }) as TokenRow | undefined | Promise<TokenRow | undefined>);
}

/**
 * The actor behind a bearer secret, or null for an unknown or revoked token.
 * The token's row is remembered only until the next commit anywhere
 * (kernel/remembered.ts): a revocation by this process, the CLI or another
 * connection holds from the very next request. D1 reads it every time.
 */
export async function authenticate(reads: ReadScope, secret: string, now: Date): Promise<Actor | null> {
  const { store } = reads;
  const hash = hashTokenSecret(secret);
  const row = await rememberedUntilChange(reads, `api-token:${hash}`, () => tokenByHash(store, hash));
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) > LAST_USED_RESOLUTION_MS) {
    // Not a register change, so no audit entry: it only helps admins spot unused tokens.
    await store.atomic([store.db.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, row.id))]);
  }
  return { id: row.id, name: row.name, role: row.role };
}
