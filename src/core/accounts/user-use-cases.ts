import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import { sessions, users } from "../../../db/schema.ts";
import { auditStatement } from "../kernel/audit/audit-statement.ts";
import type { Ctx } from "../kernel/context.ts";
import { AppError, invalid, notFound } from "../kernel/errors.ts";
import { parseInput } from "../kernel/input/parse-input.ts";
import { DEFAULT_COST, hashPassword, type ScryptCost, verifyPassword } from "./password.ts";
import { LanguageChoice, NewUserInput, Password, type User, UserChangeInput } from "./user-model.ts";

type UserRow = typeof users.$inferSelect;

export const toUser = ({ passwordHash: _hash, failedSignIns: _failed, ...row }: UserRow): User => row;

export async function listUsers(ctx: Ctx): Promise<User[]> {
  const rows = await ctx.store.db.select().from(users).orderBy(asc(users.email));
  return rows.map(toUser);
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  const [row] = await ctx.store.db.select().from(users).where(eq(users.id, id));
  if (!row) throw notFound("user", id);
  return toUser(row);
}

/** Adds a person who can sign in; the e-mail must be new. */
export async function createUser(ctx: Ctx, raw: unknown, cost: ScryptCost = DEFAULT_COST): Promise<User> {
  const input = parseInput(NewUserInput, raw);
  const db = ctx.store.db;
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (taken) throw invalid([{ path: "email", message: "A user with this e-mail already exists." }]);
  const now = ctx.clock.now().toISOString();
  const row: UserRow = {
    id: ctx.newId(),
    email: input.email,
    name: input.name,
    role: input.role,
    passwordHash: await hashPassword(input.password, cost),
    createdAt: now,
    updatedAt: now,
    disabledAt: null,
    failedSignIns: 0,
    lockedUntil: null,
    revision: 1,
    language: null,
  };
  const user = toUser(row);
  await ctx.store.atomic([
    db.insert(users).values(row),
    auditStatement(ctx, { action: "create", entityType: "user", entityId: row.id, before: null, after: user }, now),
  ]);
  return user;
}

/**
 * Changes a user's name, role or access. Disabling signs the user out
 * everywhere; the last enabled admin can be neither disabled nor demoted,
 * so the register is never left without anyone to manage it.
 */
export async function updateUser(ctx: Ctx, id: string, raw: unknown, expectedRevision?: number): Promise<User> {
  const input = parseInput(UserChangeInput, raw);
  const db = ctx.store.db;
  const before = await getUser(ctx, id);
  if (expectedRevision !== undefined && before.revision !== expectedRevision) {
    throw new AppError("conflict", "Someone else changed this user since you opened it; reload and try again.");
  }
  const losesAdmin = before.role === "admin" && !before.disabledAt && (input.role !== "admin" || input.disabled);
  if (losesAdmin && (await otherEnabledAdmins(ctx, id)) === 0) {
    throw invalid([
      { path: input.disabled ? "disabled" : "role", message: "This is the last enabled admin; make someone else admin first." },
    ]);
  }
  const now = ctx.clock.now().toISOString();
  const after: User = {
    ...before,
    name: input.name,
    role: input.role,
    disabledAt: input.disabled ? (before.disabledAt ?? now) : null,
    updatedAt: now,
    revision: before.revision + 1,
  };
  await ctx.store.atomic([
    db
      .update(users)
      .set({ name: after.name, role: after.role, disabledAt: after.disabledAt, updatedAt: now, revision: after.revision })
      .where(and(eq(users.id, id), eq(users.revision, before.revision))),
    ...(input.disabled ? [db.delete(sessions).where(eq(sessions.userId, id))] : []),
    auditStatement(ctx, { action: "update", entityType: "user", entityId: id, before, after }, now),
  ]);
  return after;
}

/**
 * Sets a new password and ends the user's other sessions (keepSessionId is
 * the session making the change, if it is the user's own).
 */
export async function setPassword(
  ctx: Ctx,
  id: string,
  raw: unknown,
  options: { keepSessionId?: string; cost?: ScryptCost } = {},
): Promise<void> {
  const password = parseInput(Password, raw, "password");
  const db = ctx.store.db;
  const before = await getUser(ctx, id);
  const now = ctx.clock.now().toISOString();
  const after = { ...before, updatedAt: now, revision: before.revision + 1, lockedUntil: null };
  const others = options.keepSessionId ? and(eq(sessions.userId, id), ne(sessions.id, options.keepSessionId)) : eq(sessions.userId, id);
  await ctx.store.atomic([
    db
      .update(users)
      .set({
        passwordHash: await hashPassword(password, options.cost),
        updatedAt: now,
        revision: after.revision,
        failedSignIns: 0,
        lockedUntil: null,
      })
      .where(eq(users.id, id)),
    db.delete(sessions).where(others),
    // The audit entry records that the password changed, never the hash.
    auditStatement(ctx, { action: "update", entityType: "user", entityId: id, before, after: { ...after, passwordChangedAt: now } }, now),
  ]);
}

async function otherEnabledAdmins(ctx: Ctx, id: string): Promise<number> {
  const [row] = await ctx.store.db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt), ne(users.id, id)));
  return row?.n ?? 0;
}

/** The signed-in user's own password change: the current password must be given again. */
export async function changeOwnPassword(
  ctx: Ctx,
  input: { current: string; password: string },
  options: { keepSessionId?: string; cost?: ScryptCost } = {},
): Promise<void> {
  const [row] = await ctx.store.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, ctx.actor.id));
  if (!row || !(await verifyPassword(input.current, row.hash))) {
    throw invalid([{ path: "current", message: "This is not your current password." }]);
  }
  await setPassword(ctx, ctx.actor.id, input.password, options);
}

/** The signed-in user's own choice of the admin UI's language (null: the browser's), audited like any change to a user. */
export async function setOwnLanguage(ctx: Ctx, raw: unknown): Promise<User> {
  const language = parseInput(LanguageChoice, raw, "language");
  const before = await getUser(ctx, ctx.actor.id);
  if (before.language === language) return before;
  const now = ctx.clock.now().toISOString();
  const after: User = { ...before, language, updatedAt: now, revision: before.revision + 1 };
  await ctx.store.atomic([
    ctx.store.db.update(users).set({ language, updatedAt: now, revision: after.revision }).where(eq(users.id, before.id)),
    auditStatement(ctx, { action: "update", entityType: "user", entityId: before.id, before, after }, now),
  ]);
  return after;
}
