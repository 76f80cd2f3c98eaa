import { and, asc, desc, eq, inArray, lte, or } from "drizzle-orm";
import { z } from "zod";
import { auditEntries, changeNotices, subProcessorChanges } from "../../../../db/schema.ts";
import type { Ctx } from "../../kernel/context.ts";
import { AppError, invalid, notFound } from "../../kernel/errors.ts";
import {
  type Agreement,
  agreementKind,
  idOrReference,
  NAMED_AGREEMENT,
  NAMED_SUB_PROCESSOR,
  resolveNamedFields,
  type SubProcessor,
  subProcessorKind,
} from "../../register/index.ts";
import type { ChangeNotice } from "../model/change-notice.ts";
import type { SubProcessorChange } from "../model/sub-processor-change.ts";
import { Id } from "../../kernel/values/values.ts";
import type { Db } from "../../kernel/ports/store.ts";
import { parseInput } from "../../kernel/input/parse-input.ts";
import { objectionsOf, toChange, toNotice } from "./change-rows.ts";
import { type ChangeState, evaluateChange } from "../lifecycle/change-state.ts";
import { noticesWithParties } from "./notice-parties.ts";

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
  const query = await resolveNamedFields(ctx.store.db, parseInput(ClearanceQuery, rawQuery), {
    subProcessorId: NAMED_SUB_PROCESSOR,
    agreementId: NAMED_AGREEMENT,
  });
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
    status,
    until: null,
    reasons,
    objections: [],
    changeId: null,
    asOf,
    ...extra,
  });
  if (vendor.archivedAt) return answer("not_authorised", [`${vendor.legalName} is archived (since ${vendor.archivedAt.slice(0, 10)}).`]);
  let agreement: Agreement | null = null;
  if (query.agreementId) {
    const [found] = await agreementKind.load(db, [query.agreementId]);
    if (!found) throw notFound("agreement", query.agreementId);
    agreement = found;
    if (agreement.status !== "active" || agreement.archivedAt) {
      return answer("not_authorised", [`Agreement ${agreement.reference} is ${agreement.archivedAt ? "archived" : agreement.status}.`]);
    }
    if (query.activityId && !agreement.activityIds.includes(query.activityId)) {
      return answer("not_authorised", [`Agreement ${agreement.reference} does not cover the activity asked about.`]);
    }
    if (vendor.excludedAgreementIds.includes(agreement.id)) {
      return answer("not_authorised", [
        `${vendor.legalName} was kept out of agreement ${agreement.reference} when an objection was resolved.`,
      ]);
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
    if (agreement && !(await authorisedFor(db, vendor, agreement, scope))) {
      return answer("not_authorised", [
        `${vendor.legalName} became active for this processing after agreement ${agreement.reference} was recorded (${agreement.createdAt.slice(0, 10)}), and no change that took effect brought it in for that agreement.`,
      ]);
    }
    const leaving = changes.find((c) => c.status === "announced" && (c.kind === "remove" || c.replacesId === vendor.id));
    if (!leaving) return answer("cleared", [`${vendor.legalName} is an active sub-processor for this processing.`]);
    const state = await stateOf(ctx, leaving, now);
    if (state.verdict === "due")
      return answer(
        "not_authorised",
        [`${vendor.legalName} leaves this processing: ${describeChange(leaving, vendor.legalName)} is due.`],
        { changeId: leaving.id },
      );
    return answer(
      "cleared",
      [
        `${vendor.legalName} is an active sub-processor for this processing; ${describeChange(leaving, vendor.legalName)} will end that from ${startDay(leaving)} at the earliest.`,
      ],
      { changeId: leaving.id },
    );
  }

  const incoming = changes.find((c) => c.subProcessorId === vendor.id && (c.kind === "add" || c.kind === "replace"));
  if (!incoming)
    return answer("not_authorised", [`${vendor.legalName} is ${vendor.status} and no change under way brings it into this processing.`]);
  const change = describeChange(incoming, vendor.legalName);
  if (incoming.status === "proposed") {
    return answer("not_authorised", [`${capitalise(change)} is proposed but not announced: customers have not been told yet.`], {
      changeId: incoming.id,
    });
  }
  const state = await stateOf(ctx, incoming, now);
  const named = (agreementId: string) => state.references.get(agreementId) ?? "an archived agreement";
  const relevant = (agreementId: string) => !query.agreementId || agreementId === query.agreementId;
  if (query.agreementId) {
    const own = state.notices.find((n) => n.agreementId === query.agreementId);
    if (own?.outcome === "excluded")
      return answer("not_authorised", [`Agreement ${named(own.agreementId)} was taken out of ${change}: ${own.outcomeReason}.`], {
        changeId: incoming.id,
      });
  }
  const objections = state.blocking.map((o) => ({
    id: o.id,
    agreementId: o.agreementId,
    noticeId: o.noticeId,
    receivedAt: o.receivedAt,
    onTime: o.onTime,
    grounds: o.grounds,
  }));
  const base = { changeId: incoming.id, objections };
  switch (state.verdict) {
    case "blocked":
      return answer(
        "blocked",
        [
          ...state.blocking.map(
            (o) =>
              `An objection of agreement ${named(o.agreementId)}${relevant(o.agreementId) ? "" : " (another customer)"}, received ${o.receivedAt.slice(0, 10)}, is unresolved.`,
          ),
          ...state.refused.map((n) => `Agreement ${named(n.agreementId)} refused its authorisation of ${change}.`),
        ],
        base,
      );
    case "awaiting_authorisation":
      return answer(
        "pending",
        state.awaiting.map((n) => `Awaiting the authorisation of agreement ${named(n.agreementId)} (asked to answer by ${n.lastDay}).`),
        base,
      );
    case "pending": {
      // biome-ignore lint/complexity/useMathMinMax: plain ISO dates, compared as strings
      const lastDay = state.notices.map((n) => n.lastDay).reduce((a, b) => (a > b ? a : b), "");
      const own = query.agreementId ? state.notices.find((n) => n.agreementId === query.agreementId) : undefined;
      return answer(
        "pending",
        [
          own
            ? `Agreement ${named(own.agreementId)} may object to ${change} until ${own.lastDay}; the last window closes at the end of ${lastDay}.`
            : `The objection windows of ${change} run until the end of ${lastDay}.`,
        ],
        { ...base, until: startDay(incoming) },
      );
    }
    case "due":
      return answer(
        "cleared",
        [`${capitalise(change)}: every window has closed with no objection outstanding; it takes effect now.`],
        base,
      );
    default:
      throw new AppError("internal", `Unexpected state ${state.verdict} of ${change}.`);
  }
}

/**
 * Whether the vendor was brought in for this agreement: it already served the
 * processing when the agreement was recorded (it is in what the customer
 * signed), or a change that took effect brought it in with the agreement's
 * notice applying. A vendor made active any other way was never announced to
 * this customer.
 */
async function authorisedFor(db: Db, vendor: SubProcessor, agreement: Agreement, scope: string[]): Promise<boolean> {
  const [atSigning] = await db
    .select({ after: auditEntries.after })
    .from(auditEntries)
    .where(
      and(eq(auditEntries.entityType, "sub_processor"), eq(auditEntries.entityId, vendor.id), lte(auditEntries.at, agreement.createdAt)),
    )
    .orderBy(desc(auditEntries.seq))
    .limit(1);
  const then = atSigning?.after as SubProcessor | null | undefined;
  if (then && then.status === "active" && !then.archivedAt && then.activityIds.some((id) => scope.includes(id))) return true;
  const [applied] = await noticesWithParties(db)
    .where(
      and(
        eq(changeNotices.agreementId, agreement.id),
        eq(changeNotices.outcome, "applies"),
        eq(subProcessorChanges.subProcessorId, vendor.id),
        eq(subProcessorChanges.status, "effective"),
        inArray(subProcessorChanges.kind, ["add", "replace"]),
      ),
    )
    .limit(1);
  return applied !== undefined;
}

/** A change as people name it: by what it does, since changes have no reference. */
function describeChange(change: SubProcessorChange, vendorName: string): string {
  const proposed = change.createdAt.slice(0, 10);
  switch (change.kind) {
    case "add":
      return `the change adding ${vendorName} (proposed ${proposed})`;
    case "replace":
      return `the change replacing a sub-processor with ${vendorName} (proposed ${proposed})`;
    case "remove":
      return `the change removing ${vendorName} (proposed ${proposed})`;
    case "change_locations":
      return `the change of ${vendorName}'s locations (proposed ${proposed})`;
    case "change_chain":
      return `the change of the sub-processor engaging ${vendorName} (proposed ${proposed})`;
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The first day the change may start: its intended start, or the day after the last window if later. */
const startDay = (change: SubProcessorChange) =>
  change.earliestStart && change.earliestStart > change.intendedStart ? change.earliestStart : change.intendedStart;

/** Where the change stands, with its notices and the references of the agreements they went to. */
async function stateOf(
  ctx: Ctx,
  change: SubProcessorChange,
  now: Date,
): Promise<ChangeState & { notices: ChangeNotice[]; references: Map<string, string> }> {
  const db = ctx.store.db;
  const [rows, objections] = await Promise.all([
    noticesWithParties(db).where(eq(changeNotices.changeId, change.id)).orderBy(asc(changeNotices.id)),
    objectionsOf(db, [change.id]),
  ]);
  const notices = rows.map((r) => toNotice(r.notice));
  const references = new Map(rows.map((r) => [r.notice.agreementId, r.agreementReference]));
  return { ...evaluateChange(change, notices, objections, now), notices, references };
}
