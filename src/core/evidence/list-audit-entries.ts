import { and, asc, eq, gt, gte, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditEntries } from "../../../db/schema.ts";
import type { Ctx } from "../kernel/context.ts";
import { NAMED_BY_ENTITY_TYPE, resolveNamedFields } from "../register/index.ts";
import { type Page, pageFields, toPage } from "../kernel/paging.ts";
import { parseInput } from "../kernel/input/parse-input.ts";
import { InstantInput } from "../kernel/values/values.ts";

export const AuditFilter = z.strictObject({
  entityType: z.string().min(1).max(60).optional(),
  entityId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe("The entity's id; with entityType agreement, customer or sub_processor, its reference works too."),
  actorId: z.string().min(1).max(60).optional(),
  since: InstantInput.optional().describe("Entries at or after this instant (Z or an offset)."),
  until: InstantInput.optional().describe("Entries before this instant (Z or an offset)."),
  ...pageFields({ max: 500, default: 100, cursor: z.coerce.number().int().min(0) }),
});

export const AuditEntry = z.object({
  seq: z.int(),
  id: z.string(),
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable().describe("Why, for a correction."),
  prevHash: z.string().nullable().describe("The previous entry's hash: the entries form a hash chain."),
  hash: z
    .string()
    .nullable()
    .describe("SHA-256 of the entry's canonical content (RFC 8785), prevHash included; null for an entry written outside the chain."),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** The history in the order it was written. */
export async function listAuditEntries(ctx: Ctx, rawQuery: Record<string, string>): Promise<Page<AuditEntry>> {
  const parsed = parseInput(AuditFilter, rawQuery);
  const named = parsed.entityType ? NAMED_BY_ENTITY_TYPE[parsed.entityType] : undefined;
  const q = named ? await resolveNamedFields(ctx.store.db, parsed, { entityId: named }) : parsed;
  const conditions: SQL[] = [];
  if (q.entityType) conditions.push(eq(auditEntries.entityType, q.entityType));
  if (q.entityId) conditions.push(eq(auditEntries.entityId, q.entityId));
  if (q.actorId) conditions.push(eq(auditEntries.actorId, q.actorId));
  if (q.since) conditions.push(gte(auditEntries.at, new Date(q.since).toISOString()));
  if (q.until) conditions.push(lt(auditEntries.at, new Date(q.until).toISOString()));
  if (q.cursor !== undefined) conditions.push(gt(auditEntries.seq, q.cursor));
  const rows = await ctx.store.db
    .select()
    .from(auditEntries)
    .where(and(...conditions))
    .orderBy(asc(auditEntries.seq))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, (last) => String(last.seq));
}
