import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import { auditEntries, sessions, users } from "../../../db/schema.ts";
import { auditStatement } from "../kernel/audit/audit-statement.ts";
import { type Actor, type Clock, type Ctx, makeCtx } from "../kernel/context.ts";
import { AppError } from "../kernel/errors.ts";
import type { Store } from "../kernel/ports/store.ts";
import { hashTokenSecret, newTokenSecret } from "./token-secret.ts";
import {
  DEFAULT_COST,
  hashPassword,
  type Kdf,
  needsRehash,
  pureKdf,
  type ScryptCost,
  UNKNOWN_USER_HASH,
  verifyPassword,
} from "./password.ts";
import { toUser } from "./user-use-cases.ts";
import type { User } from "./user-model.ts";

/** A session ends after this long without a request… */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** …and after this long in any case, so a stolen cookie is not good forever. */
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** Activity is written at most this often, so reading pages does not write on every request. */
const TOUCH_RESOLUTION_MS = 60 * 1000;

/** Failed sign-ins in a row that lock an account, and for how long. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export interface SignedInSession {
  /** Primary key: the SHA-256 of the cookie secret. */
  id: string;
  csrfToken: string;
  user: User;
  actor: Actor;
  expiresAt: string;
}

const WRONG_CREDENTIALS = "The e-mail address or password is not right.";
const LOCKED = "Too many failed sign-ins: this account is locked for a few minutes. Try again later or ask an admin.";

const isLocked = (lockedUntil: string | null, now: Date) => lockedUntil !== null && Date.parse(lockedUntil) > now.getTime();

/**
 * One failed sign-in, counted by the database itself in one statement: guesses
 * sent in parallel each count, whatever the others read. The fifth in a row
 * locks the account and starts the count again.
 */
function countFailure(store: Store, userId: string, now: Date) {
  const lockedUntil = new Date(now.getTime() + LOCKOUT_MS).toISOString();
  const locks = sql`${users.failedSignIns} + 1 >= ${MAX_FAILED_SIGN_INS}`;
  return store.db
    .update(users)
    .set({
      failedSignIns: sql`case when ${locks} then 0 else ${users.failedSignIns} + 1 end`,
      lockedUntil: sql`case when ${locks} then ${lockedUntil} else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId));
}

/**
 * Checks an e-mail and password and opens a session. Returns the cookie
 * secret (shown to the browser only) with the session. Unknown e-mails cost
 * the same hashing as known ones, and the message never says which was wrong.
 */
export async function signIn(
  store: Store,
  clock: Clock,
  credentials: { email: string; password: string },
  cost: ScryptCost = DEFAULT_COST,
  kdf: Kdf = pureKdf,
): Promise<{ secret: string; session: SignedInSession }> {
  const db = store.db;
  const now = clock.now();
  const email = credentials.email.trim().toLowerCase();
  const [row] = await db.select().from(users).where(eq(users.email, email));
  // A locked account is refused before any hashing: a flood against it costs no CPU.
  if (row && isLocked(row.lockedUntil, now)) throw new AppError("unauthenticated", LOCKED);
  const matches = await verifyPassword(credentials.password, row?.passwordHash ?? UNKNOWN_USER_HASH, kdf);
  if (!row || row.disabledAt) throw new AppError("unauthenticated", WRONG_CREDENTIALS);
  if (!matches) {
    const who = makeCtx(store, actorOf(toUser(row)), clock);
    await store.atomic([countFailure(store, row.id, now), securityEntry(who, "sign_in_failed", row.id, now)]);
    // The guess that locked the account (this one, or one sent in parallel): the lockout goes on the record too.
    const [after] = await db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, row.id));
    const lockedUntil = after?.lockedUntil ?? null;
    if (
      lockedUntil &&
      lockedUntil !== row.lockedUntil &&
      isLocked(lockedUntil, now) &&
      (await lockNotYetRecorded(store, row.id, lockedUntil))
    ) {
      await store.atomic([securityEntry(who, "lock", row.id, now, { lockedUntil })]);
    }
    throw new AppError("unauthenticated", WRONG_CREDENTIALS);
  }
  // Guesses running in parallel may have locked the account while this one hashed.
  const [fresh] = await db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, row.id));
  if (isLocked(fresh?.lockedUntil ?? null, now)) throw new AppError("unauthenticated", LOCKED);
  const secret = newTokenSecret();
  const id = hashTokenSecret(secret);
  const csrfToken = newTokenSecret();
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS).toISOString();
  const rehash = needsRehash(row.passwordHash, cost) ? { passwordHash: await hashPassword(credentials.password, cost, kdf) } : {};
  await store.atomic([
    db
      .update(users)
      .set({ failedSignIns: 0, lockedUntil: null, ...rehash })
      .where(eq(users.id, row.id)),
    securityEntry(makeCtx(store, actorOf(toUser(row)), clock), "sign_in", row.id, now),
    db.insert(sessions).values({ id, userId: row.id, csrfToken, createdAt: at, lastSeenAt: at, expiresAt }),
    // Sign-in is a good moment to sweep sessions that can no longer be used.
    db
      .delete(sessions)
      .where(or(lt(sessions.expiresAt, at), lt(sessions.lastSeenAt, new Date(now.getTime() - IDLE_TIMEOUT_MS).toISOString()))),
  ]);
  const user = toUser({ ...row, failedSignIns: 0, lockedUntil: null });
  return { secret, session: { id, csrfToken, user, actor: actorOf(user), expiresAt } };
}

/** The live session behind a cookie secret, or null when it is unknown, idle too long, past its end or its user is disabled. */
export async function findSession(store: Store, clock: Clock, secret: string): Promise<SignedInSession | null> {
  const db = store.db;
  const id = hashTokenSecret(secret);
  const [found] = await db.select().from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, id));
  if (!found) return null;
  const now = clock.now().getTime();
  const { sessions: session, users: row } = found;
  const expired = Date.parse(session.expiresAt) <= now || Date.parse(session.lastSeenAt) + IDLE_TIMEOUT_MS <= now;
  if (expired || row.disabledAt) {
    await store.atomic([db.delete(sessions).where(eq(sessions.id, id))]);
    return null;
  }
  if (now - Date.parse(session.lastSeenAt) > TOUCH_RESOLUTION_MS) {
    await store.atomic([
      db
        .update(sessions)
        .set({ lastSeenAt: new Date(now).toISOString() })
        .where(eq(sessions.id, id)),
    ]);
  }
  const user = toUser(row);
  return { id, csrfToken: session.csrfToken, user, actor: actorOf(user), expiresAt: session.expiresAt };
}

export async function signOut(store: Store, clock: Clock, session: SignedInSession): Promise<void> {
  const who = makeCtx(store, session.actor, clock);
  await store.atomic([
    store.db.delete(sessions).where(eq(sessions.id, session.id)),
    securityEntry(who, "sign_out", session.user.id, clock.now()),
  ]);
}

/**
 * Sign-ins, failed sign-ins, lockouts and sign-outs go into the audit chain
 * like changes to the register: who could act, and who tried, is evidence too.
 */
function securityEntry(
  ctx: Ctx,
  action: "sign_in" | "sign_in_failed" | "lock" | "sign_out",
  userId: string,
  at: Date,
  after: unknown = null,
) {
  return auditStatement(ctx, { action, entityType: "user", entityId: userId, before: null, after }, at.toISOString());
}

async function lockNotYetRecorded(store: Store, userId: string, lockedUntil: string): Promise<boolean> {
  const [last] = await store.db
    .select({ after: auditEntries.after })
    .from(auditEntries)
    .where(and(eq(auditEntries.entityType, "user"), eq(auditEntries.entityId, userId), eq(auditEntries.action, "lock")))
    .orderBy(desc(auditEntries.seq))
    .limit(1);
  return (last?.after as { lockedUntil?: string } | null)?.lockedUntil !== lockedUntil;
}

/** Audit entries name the person by name and e-mail, which stay readable after the user is renamed. */
const actorOf = (user: User): Actor => ({ id: user.id, name: `${user.name} <${user.email}>`, role: user.role });
