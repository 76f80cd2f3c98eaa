import { and, eq, inArray, or } from "drizzle-orm";
import { z } from "zod";
import { subProcessorChanges } from "../../../db/schema.ts";
import type { Ctx } from "../context.ts";
import { AppError, invalid, notFound } from "../errors.ts";
import { Id } from "../model/values.ts";
import { agreementKind } from "../register/agreements.ts";
import { idOrReference, NAMED_AGREEMENT, NAMED_SUB_PROCESSOR, resolveNamedFields } from "../register/named-records.ts";
import { subProcessorKind } from "../register/sub-processors.ts";
import { parseInput } from "../use-cases/parse-input.ts";
import { noticesOf, objectionsOf, toChange } from "./change-rows.ts";
import { type ChangeState, evaluateChange } from "./change-state.ts";

export const ClearanceQuery = z.strictObject({
  subProcessorId: idOrReference(NAMED_SUB_PROCESSOR),
  activityId: Id.optional(),
  agreementId: idOrReference(NAMED_AGREEMENT).optional(),
});

export const CLEARANCE_STATUSES = ["cleared", "pending", "blocked", "not_authorised"] as const;

export interface Clearance {
  status: (typeof CLEARANCE_STATUSES)[number];
  /** When pending: the day the change takes effect if nothing stops it (null while authorisations are awaited). */
  until: string | null;
  reasons: string[];
  objections: { id: string; agreementId: string; noticeId: string; receivedAt: string; onTime: boolean; grounds: string }[];
  changeId: string | null;
  asOf: string;
}

/**
 * "May personal data flow to this vendor for this activity (or agreement)
 * now?" Cleared when the vendor is an active sub-processor for it, or when
 * the change bringing it in is due; pending while windows run or
 * authorisations are awaited; blocked by objections received in time or
 * refused authorisations; otherwise not authorised.
 */
export async function clearance(ctx: Ctx, rawQuery: Record<string, string>): Promise<Clearance> {
  const query = await resolveNamedFields(ctx.store.db, parseInput(ClearanceQuery, rawQuery), { subProcessorId: NAMED_SUB_PROCESSOR, agreementId: NAMED_AGREEMENT });
  if (!query.activityId && !query.agreementId) {
    throw invalid([{ path: "activityId", message: "Ask about an activity (activityId), an agreement (agreementId) or both." }]);
  }
  const db = ctx.store.db;
  const now = ctx.clock.now();
  const asOf = now.toISOString();
  const [vendor] = await subProcessorKind.load(db, [query.subProcessorId]);
  if (!vendor) throw notFound("sub-processor", query.subProcessorId);
  let scope = query.activityId ? [query.activityId] : [];
  const answer = (status: Clearance["status"], reasons: string[], extra: Partial<Clearance> = {}): Clearance => ({
    status, until: null, reasons, objections: [], changeId: null, asOf, ...extra,
  });
  if (query.agreementId) {
    const [agreement] = await agreementKind.load(db, [query.agreementId]);
    if (!agreement) throw notFound("agreement", query.agreementId);
    if (agreement.status !== "active" || agreement.archivedAt) {
      return answer("not_authorised", [`Agreement ${agreement.reference} is ${agreement.archivedAt ? "archived" : agreement.status}.`]);
    }
    if (query.activityId && !agreement.activityIds.includes(query.activityId)) {
      return answer("not_authorised", [`Agreement ${agreement.reference} does not cover activity ${query.activityId}.`]);
    }
    if (vendor.excludedAgreementIds.includes(agreement.id)) {
      return answer("not_authorised", [`${vendor.legalName} was kept out of agreement ${agreement.reference} when an objection was resolved.`]);
    }
    if (!query.activityId) scope = agreement.activityIds;
  }

  const changes = (
    await db
      .select()
      .from(subProcessorChanges)
      .where(
        and(
          inArray(subProcessorChanges.status, ["proposed", "announced"]),
          or(eq(subProcessorChanges.subProcessorId, vendor.id), eq(subProcessorChanges.replacesId, vendor.id)),
        ),
      )
  )
    .map(toChange)
    .filter((c) => c.activityIds.some((id) => scope.includes(id)));

  const serves = vendor.status === "active" && vendor.activityIds.some((id) => scope.includes(id));
  if (serves) {
    const leaving = changes.find((c) => c.status === "announced" && (c.kind === "remove" || c.replacesId === vendor.id));
    if (!leaving) return answer("cleared", [`${vendor.legalName} is an active sub-processor for this processing.`]);
    const state = await stateOf(ctx, leaving, now);
    if (state.verdict === "due") return answer("not_authorised", [`${vendor.legalName} leaves this processing: change ${leaving.id} is due.`], { changeId: leaving.id });
    return answer("cleared", [`${vendor.legalName} is an active sub-processor for this processing; change ${leaving.id} will end that from ${leaving.intendedStart} at the earliest.`], { changeId: leaving.id });
  }

  const incoming = changes.find((c) => c.subProcessorId === vendor.id && (c.kind === "add" || c.kind === "replace"));
  if (!incoming) return answer("not_authorised", [`${vendor.legalName} is ${vendor.status} and no open change brings it into this processing.`]);
  if (incoming.status === "proposed") {
    return answer("not_authorised", [`Change ${incoming.id} is proposed but not announced: customers have not been told yet.`], { changeId: incoming.id });
  }
  const state = await stateOf(ctx, incoming, now);
  const relevant = (agreementId: string) => !query.agreementId || agreementId === query.agreementId;
  if (query.agreementId) {
    const own = state.notices.find((n) => n.agreementId === query.agreementId);
    if (own?.outcome === "excluded") return answer("not_authorised", [`Agreement was taken out of change ${incoming.id}: ${own.outcomeReason}.`], { changeId: incoming.id });
  }
  const objections = state.blocking.map((o) => ({ id: o.id, agreementId: o.agreementId, noticeId: o.noticeId, receivedAt: o.receivedAt, onTime: o.onTime, grounds: o.grounds }));
  const base = { changeId: incoming.id, objections };
  switch (state.verdict) {
    case "blocked":
      return answer("blocked", [
        ...state.blocking.map((o) => `Objection ${o.id} (agreement ${o.agreementId}${relevant(o.agreementId) ? "" : ", another customer"}) received ${o.receivedAt} is unresolved.`),
        ...state.refused.map((n) => `Agreement ${n.agreementId} refused its authorisation (notice ${n.id}).`),
      ], base);
    case "awaiting_authorisation":
      return answer("pending", state.awaiting.map((n) => `Awaiting the authorisation of agreement ${n.agreementId} (notice ${n.id}, asked to answer by ${n.lastDay}).`), base);
    case "pending":
      return answer("pending", [`The objection windows of change ${incoming.id} run until ${state.startsAt}.`], { ...base, until: incoming.earliestStart && incoming.earliestStart > incoming.intendedStart ? incoming.earliestStart : incoming.intendedStart });
    case "due":
      return answer("cleared", [`Change ${incoming.id}: every window has closed with no objection outstanding; it takes effect now.`], base);
    default:
      throw new AppError("internal", `Unexpected state ${state.verdict} of change ${incoming.id}.`);
  }
}

async function stateOf(ctx: Ctx, change: ReturnType<typeof toChange>, now: Date): Promise<ChangeState & { notices: Awaited<ReturnType<typeof noticesOf>> }> {
  const [notices, objections] = await Promise.all([noticesOf(ctx.store.db, [change.id]), objectionsOf(ctx.store.db, [change.id])]);
  return { ...evaluateChange(change, notices, objections, now), notices };
}
