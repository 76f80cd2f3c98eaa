import { and, desc, eq, lt, max, notInArray, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditEntries } from "../../../db/schema.ts";
import type { AuditAction } from "../kernel/audit/audit-statement.ts";
import type { AuditEntry } from "../evidence/index.ts";
import type { Ctx } from "../kernel/context.ts";
import { notFound } from "../kernel/errors.ts";
import { ENTITY_KINDS } from "../register/index.ts";
import { type Page, pageFields, toPage } from "../kernel/paging.ts";
import { parseInput } from "../kernel/input/parse-input.ts";

/** Every action the use cases write (audit/audit-statement.ts), for the filter's choices. */
export const AUDIT_ACTIONS = [
  "create",
  "update",
  "archive",
  "delete",
  "revoke",
  "export",
  "announce",
  "withdraw",
  "object",
  "resolve",
  "decide",
  "exclude",
  "take_effect",
  "correct",
  "terminate",
  "complete",
  "waive",
  "schedule",
  "cancel",
  "notify",
  "sign_in",
  "sign_in_failed",
  "lock",
  "sign_out",
] as const satisfies readonly AuditAction[];

/** Who came and went: on the record, but not changes to the register. */
const SECURITY_ACTIONS = ["sign_in", "sign_in_failed", "lock", "sign_out"] as const satisfies readonly AuditAction[];

/** Every entity type the use cases audit: the register's kinds and the rest of the service. */
export const AUDITED_TYPES = [
  "organisation",
  ...Object.values(ENTITY_KINDS).map((kind) => kind.type),
  "sub_processor_change",
  "terms_change",
  "change_notice",
  "objection",
  "obligation",
  "customer_audit",
  "breach",
  "document_export",
  "user",
  "api_token",
];

const paging = pageFields({
  max: 200,
  default: 50,
  cursor: z.coerce.number().int().min(1),
  describe: "Entries older than this sequence number: the next page.",
});

/**
 * The audit log as people read it: newest first, filtered by entity, action
 * or actor. (The API's listAuditEntries reads it oldest first, as a feed.)
 */
export const AuditLogQuery = z.strictObject({
  entityType: z.string().min(1).max(60).optional(),
  entityId: z.string().min(1).max(60).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorId: z.string().min(1).max(120).optional(),
  before: paging.cursor,
  limit: paging.limit,
});
export type AuditLogQuery = z.infer<typeof AuditLogQuery>;

export async function newestAuditEntries(ctx: Ctx, raw: Record<string, string>): Promise<Page<AuditEntry> & { query: AuditLogQuery }> {
  const q = parseInput(AuditLogQuery, raw);
  const where: SQL[] = [];
  if (q.entityType) where.push(eq(auditEntries.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditEntries.entityId, q.entityId));
  if (q.action) where.push(eq(auditEntries.action, q.action));
  if (q.actorId) where.push(eq(auditEntries.actorId, q.actorId));
  if (q.before !== undefined) where.push(lt(auditEntries.seq, q.before));
  const rows = await ctx.store.db
    .select()
    .from(auditEntries)
    .where(and(...where))
    .orderBy(desc(auditEntries.seq))
    .limit(q.limit + 1);
  return { ...toPage(rows, q.limit, (last) => String(last.seq)), query: q };
}

export async function auditEntryById(ctx: Ctx, id: string): Promise<AuditEntry> {
  const [row] = await ctx.store.db
    .select()
    .from(auditEntries)
    .where(eq(auditEntries.id, id.slice(0, 100)));
  if (!row) throw notFound("audit entry", id);
  return row;
}

/**
 * Everyone who has written to the register, under the name they last acted
 * with: SQLite takes a bare column (actor_name) from the row holding max(seq).
 */
export async function auditActors(ctx: Ctx): Promise<{ actorId: string; actorName: string }[]> {
  const rows = await ctx.store.db
    .select({ actorId: auditEntries.actorId, actorName: auditEntries.actorName, seq: max(auditEntries.seq) })
    .from(auditEntries)
    .groupBy(auditEntries.actorId);
  return rows
    .map(({ actorId, actorName }) => ({ actorId, actorName }))
    .sort((a, b) => a.actorName.localeCompare(b.actorName) || a.actorId.localeCompare(b.actorId));
}

/** The latest changes to the register and its workflows; exports and sign-ins are left out (they change nothing). */
export async function recentChanges(ctx: Ctx, limit: number): Promise<AuditEntry[]> {
  return ctx.store.db
    .select()
    .from(auditEntries)
    .where(notInArray(auditEntries.action, ["export", ...SECURITY_ACTIONS]))
    .orderBy(desc(auditEntries.seq))
    .limit(limit);
}
