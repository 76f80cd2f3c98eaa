import { and, asc, eq, gt, isNotNull, isNull, type SQL } from "drizzle-orm";
import { z } from "zod";
import { changeNotices, objections, subProcessorChanges } from "../../../../db/schema.ts";
import type { Ctx } from "../../kernel/context.ts";
import { type ChangeNotice, NOTICE_STATUSES, type Objection } from "../model/change-notice.ts";
import { CHANGE_STATUSES, type SubProcessorChange } from "../model/sub-processor-change.ts";
import { Id } from "../../kernel/values/values.ts";
import { type Page, pageFields, toPage } from "../../kernel/paging.ts";
import { parseInput } from "../../kernel/input/parse-input.ts";
import { findChangeRow, noticesOf, objectionsOf, toChange, toNotice, toObjection } from "./change-rows.ts";
import { evaluateChange, type Verdict } from "../lifecycle/change-state.ts";
import { idOrReference, NAMED_SUB_PROCESSOR, resolveNamedFields } from "../../register/index.ts";

/**
 * Changes, notices and objections as the JSON API gives them: filtered lists
 * in keyset pages, and one change with its notices (the admin pages list
 * them with names and counts in change-summaries.ts).
 */
const Paging = pageFields({ max: 500, default: 50, cursor: Id });
export const ChangeListQuery = z.strictObject({
  status: z.enum(CHANGE_STATUSES).optional(),
  subProcessorId: idOrReference(NAMED_SUB_PROCESSOR).optional(),
  ...Paging,
});
export const NoticeListQuery = z.strictObject({ status: z.enum(NOTICE_STATUSES).optional(), ...Paging });
export const ObjectionListQuery = z.strictObject({
  changeId: Id.optional(),
  unresolved: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
  ...Paging,
});

export async function listChanges(ctx: Ctx, raw: Record<string, string>): Promise<Page<SubProcessorChange>> {
  const q = await resolveNamedFields(ctx.store.db, parseInput(ChangeListQuery, raw), { subProcessorId: NAMED_SUB_PROCESSOR });
  const where: SQL[] = [];
  if (q.status) where.push(eq(subProcessorChanges.status, q.status));
  if (q.subProcessorId) where.push(eq(subProcessorChanges.subProcessorId, q.subProcessorId));
  if (q.cursor) where.push(gt(subProcessorChanges.id, q.cursor));
  const rows = await ctx.store.db
    .select()
    .from(subProcessorChanges)
    .where(and(...where))
    .orderBy(asc(subProcessorChanges.id))
    .limit(q.limit + 1);
  return toPage(rows.map(toChange), q.limit);
}

/** A change with where it stands: counts of notices and objections, and the verdict of the effectiveness rule now. */
export interface ChangeDetail extends SubProcessorChange {
  verdict: Verdict;
  startsAt: string | null;
  notices: {
    total: number;
    open: number;
    excluded: number;
    authorisationsAwaited: number;
    authorisationsRefused: number;
    firstLastDay: string | null;
    lastLastDay: string | null;
  };
  objections: { total: number; onTime: number; late: number; blocking: number; lateUnresolved: number };
}

export async function changeDetail(ctx: Ctx, id: string): Promise<ChangeDetail> {
  const db = ctx.store.db;
  const change = toChange(await findChangeRow(db, id));
  const [notices, raised] = await Promise.all([noticesOf(db, [id]), objectionsOf(db, [id])]);
  const state = evaluateChange(change, notices, raised, ctx.clock.now());
  const lastDays = notices.map((n) => n.lastDay).sort();
  return {
    ...change,
    verdict: state.verdict,
    startsAt: state.startsAt,
    notices: {
      total: notices.length,
      open: notices.filter((n) => n.status === "open").length,
      excluded: notices.filter((n) => n.outcome === "excluded").length,
      authorisationsAwaited: state.awaiting.length,
      authorisationsRefused: state.refused.length,
      firstLastDay: lastDays[0] ?? null,
      lastLastDay: lastDays.at(-1) ?? null,
    },
    objections: {
      total: raised.length,
      onTime: raised.filter((o) => o.onTime).length,
      late: raised.filter((o) => !o.onTime).length,
      blocking: state.blocking.length,
      lateUnresolved: state.lateUnresolved.length,
    },
  };
}

/** Announced changes not yet in effect, soonest first: what procurement waits for. */
export async function pendingChanges(ctx: Ctx): Promise<ChangeDetail[]> {
  const rows = await ctx.store.db
    .select({ id: subProcessorChanges.id })
    .from(subProcessorChanges)
    .where(eq(subProcessorChanges.status, "announced"));
  const details = await Promise.all(rows.map((r) => changeDetail(ctx, r.id)));
  return details.sort((a, b) => (a.startsAt ?? "").localeCompare(b.startsAt ?? ""));
}

export async function listNotices(ctx: Ctx, changeId: string, raw: Record<string, string>): Promise<Page<ChangeNotice>> {
  const q = parseInput(NoticeListQuery, raw);
  await findChangeRow(ctx.store.db, changeId);
  const where: SQL[] = [eq(changeNotices.changeId, changeId)];
  if (q.status) where.push(eq(changeNotices.status, q.status));
  if (q.cursor) where.push(gt(changeNotices.id, q.cursor));
  const rows = await ctx.store.db
    .select()
    .from(changeNotices)
    .where(and(...where))
    .orderBy(asc(changeNotices.id))
    .limit(q.limit + 1);
  return toPage(rows.map(toNotice), q.limit);
}

export async function listObjections(ctx: Ctx, raw: Record<string, string>): Promise<Page<Objection>> {
  const q = parseInput(ObjectionListQuery, raw);
  const where: SQL[] = [];
  if (q.changeId) where.push(eq(objections.changeId, q.changeId));
  if (q.unresolved !== undefined) where.push(q.unresolved ? isNull(objections.resolution) : isNotNull(objections.resolution));
  if (q.cursor) where.push(gt(objections.id, q.cursor));
  const rows = await ctx.store.db
    .select()
    .from(objections)
    .where(and(...where))
    .orderBy(asc(objections.id))
    .limit(q.limit + 1);
  return toPage(rows.map(toObjection), q.limit);
}
