import { and, asc, count, desc, eq, gt, inArray, lt, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { agreements, changeNotices, customers, objections, subProcessorChanges, subProcessors } from "../../../../db/schema.ts";
import type { Ctx } from "../../kernel/context.ts";
import type { ChangeNotice, Objection } from "../model/change-notice.ts";
import type { SubProcessorChange } from "../model/sub-processor-change.ts";
import { Id } from "../../kernel/values/values.ts";
import type { Db } from "../../kernel/ports/store.ts";
import { type Page, pageFields, toPage } from "../../kernel/paging.ts";
import { parseInput } from "../../kernel/input/parse-input.ts";
import { toChange, toNotice, toObjection } from "./change-rows.ts";
import { noticesWithParties } from "./notice-parties.ts";

/**
 * The admin pages' lists: a page of changes, notices or objections with the
 * names and counts they show, in a fixed number of queries per page (counts
 * are GROUP BY queries, never one query per row).
 */
const paging = pageFields({ max: 200, default: 50, cursor: Id, describe: false });
const Paging = { cursor: paging.cursor, limit: paging.limit };
export const ChangeSummaryQuery = z.strictObject({ scope: z.enum(["current", "past"]).default("current"), ...Paging });
export const NoticeLineQuery = z.strictObject(Paging);

export interface ChangeSummary extends SubProcessorChange {
  vendorName: string;
  replacesName: string | null;
  notices: { open: number; closed: number };
  objections: { total: number; unresolved: number; late: number };
}

const CURRENT = ["proposed", "announced"] as const;
const PAST = ["effective", "withdrawn"] as const;

/** Changes under way (proposed, announced) or past (effective, withdrawn), newest first. */
export async function changeSummaries(ctx: Ctx, raw: Record<string, string>): Promise<Page<ChangeSummary> & { scope: "current" | "past" }> {
  const q = parseInput(ChangeSummaryQuery, raw);
  const db = ctx.store.db;
  const where: SQL[] = [inArray(subProcessorChanges.status, q.scope === "current" ? CURRENT : PAST)];
  if (q.cursor) where.push(lt(subProcessorChanges.id, q.cursor));
  const rows = await db
    .select()
    .from(subProcessorChanges)
    .where(and(...where))
    .orderBy(desc(subProcessorChanges.id))
    .limit(q.limit + 1);
  const { items, nextCursor } = toPage(rows.map(toChange), q.limit);
  const ids = items.map((c) => c.id);
  const [names, notices, raised] = await Promise.all([
    vendorNames(
      db,
      items.flatMap((c) => [c.subProcessorId, ...(c.replacesId ? [c.replacesId] : [])]),
    ),
    ids.length === 0
      ? []
      : db
          .select({ changeId: changeNotices.changeId, status: changeNotices.status, n: count() })
          .from(changeNotices)
          .where(inArray(changeNotices.changeId, ids))
          .groupBy(changeNotices.changeId, changeNotices.status),
    ids.length === 0
      ? new Map<string, { total: number; unresolved: number; late: number }>()
      : objectionCounts(db, objections.changeId, ids),
  ]);
  const summaries = items.map((c): ChangeSummary => {
    const n = (status: string) => notices.find((r) => r.changeId === c.id && r.status === status)?.n ?? 0;
    const o = raised.get(c.id);
    return {
      ...c,
      vendorName: names.get(c.subProcessorId) ?? "",
      replacesName: c.replacesId ? (names.get(c.replacesId) ?? "") : null,
      notices: { open: n("open"), closed: n("closed") },
      objections: { total: o?.total ?? 0, unresolved: o?.unresolved ?? 0, late: o?.late ?? 0 },
    };
  });
  return { items: summaries, nextCursor, scope: q.scope };
}

export interface NoticeLine extends ChangeNotice {
  agreementReference: string;
  customerName: string;
  objections: { total: number; unresolved: number; late: number };
}

/** One page of a change's notices (there may be thousands), with the agreement and customer each concerns. */
export async function noticeLines(ctx: Ctx, changeId: string, raw: Record<string, string>): Promise<Page<NoticeLine>> {
  const q = parseInput(NoticeLineQuery, raw);
  const db = ctx.store.db;
  const where: SQL[] = [eq(changeNotices.changeId, changeId)];
  if (q.cursor) where.push(gt(changeNotices.id, q.cursor));
  const rows = await noticesWithParties(db)
    .where(and(...where))
    .orderBy(asc(changeNotices.id))
    .limit(q.limit + 1);
  const lines = rows.map((r) => ({ ...toNotice(r.notice), agreementReference: r.agreementReference, customerName: r.customerName }));
  const { items, nextCursor } = toPage(lines, q.limit);
  const counts =
    items.length === 0
      ? new Map()
      : await objectionCounts(
          db,
          objections.noticeId,
          items.map((n) => n.id),
        );
  return { items: items.map((n) => ({ ...n, objections: counts.get(n.id) ?? { total: 0, unresolved: 0, late: 0 } })), nextCursor };
}

export interface ObjectionLine extends Objection {
  agreementReference: string;
  customerName: string;
}

/** The objections to a change (at most `limit`, oldest first), with who raised them. */
export async function objectionLines(ctx: Ctx, changeId: string, limit = 200): Promise<ObjectionLine[]> {
  const rows = await ctx.store.db
    .select({ objection: objections, reference: agreements.reference, customer: customers.legalName })
    .from(objections)
    .innerJoin(agreements, eq(agreements.id, objections.agreementId))
    .innerJoin(customers, eq(customers.id, agreements.customerId))
    .where(eq(objections.changeId, changeId))
    .orderBy(asc(objections.id))
    .limit(limit);
  return rows.map((r) => ({ ...toObjection(r.objection), agreementReference: r.reference, customerName: r.customer }));
}

async function vendorNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: subProcessors.id, name: subProcessors.legalName })
    .from(subProcessors)
    .where(inArray(subProcessors.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function objectionCounts(db: Db, column: typeof objections.changeId | typeof objections.noticeId, ids: string[]) {
  const rows = await db
    .select({
      key: column,
      total: count(),
      unresolved: sql<number>`sum(case when ${objections.resolution} is null then 1 else 0 end)`,
      late: sql<number>`sum(case when ${objections.onTime} then 0 else 1 end)`,
    })
    .from(objections)
    .where(inArray(column, ids))
    .groupBy(column);
  return new Map(rows.map((r) => [r.key, { total: r.total, unresolved: Number(r.unresolved), late: Number(r.late) }]));
}
