import { webhookEvent } from "../webhooks/index.ts";
import { and, eq, inArray } from "drizzle-orm";
import {
  activities,
  agreements,
  breaches,
  dataCategories,
  obligations,
  outbox,
  subjectCategories,
  subProcessors,
} from "../../../db/schema.ts";
import { auditStatement } from "../kernel/audit/audit-statement.ts";
import { deadlineFrom } from "../kernel/clocks/deadline.ts";
import type { Ctx } from "../kernel/context.ts";
import { AppError } from "../kernel/errors.ts";
import { parseInput, throwIfIssues } from "../kernel/input/parse-input.ts";
import type { Db, Statement } from "../kernel/ports/store.ts";
import type { HoursPeriod } from "../kernel/values/values.ts";
import { changeDutyStatements, type ObligationRow, openDuty, startDutyStatements } from "../obligations/index.ts";
import { loadOrganisation } from "../organisation/index.ts";
import { clearGuards, guardRow } from "../kernel/write-guard.ts";
import { checkReferences } from "../register/index.ts";
import { affectedAgreementIds } from "./affected-agreements.ts";
import { breachNames, breachNotice } from "./breach-notice.ts";
import { type Breach, BreachInput } from "./model.ts";

/** Art. 33(2) says "without undue delay"; an agreement that names no period is held to this. */
export const DEFAULT_BREACH_NOTICE: HoursPeriod = { length: 24, unit: "hours" };

/** How far ahead of the server's clock a stated time may be (clock skew between systems). */
const MAX_SKEW_MS = 5 * 60_000;

type AgreementRow = Pick<
  typeof agreements.$inferSelect,
  "id" | "reference" | "customerId" | "language" | "clocks" | "governingCountry" | "timeZone"
>;

/**
 * Records a personal data breach (Art. 33(5)) and, from the activities and sub-processors involved,
 * the agreements it affects: each gets a duty to notify its customer, due by its breach clock (in
 * hours) from the discovery. Unless told not to, the customers are notified at once: the notices
 * go to the outbox and the duties are recorded done, in the same atomic unit as the breach, so a
 * crash loses no notice and sends none twice.
 */
export async function recordBreach(ctx: Ctx, raw: unknown): Promise<{ breach: Breach; obligationIds: string[] }> {
  const input = parseInput(BreachInput, raw);
  const db = ctx.store.db;
  const now = ctx.clock.now();
  const discoveredAt = new Date(input.discoveredAt).toISOString();
  const occurredAt = input.occurredAt ? new Date(input.occurredAt).toISOString() : null;
  const issues = [
    ...(await checkReferences(
      db,
      { table: activities, id: activities.id, archivedAt: activities.archivedAt, label: "processing activity" },
      "activityIds",
      input.activityIds,
    )),
    ...(await checkReferences(
      db,
      { table: subProcessors, id: subProcessors.id, archivedAt: subProcessors.archivedAt, label: "sub-processor" },
      "subProcessorIds",
      input.subProcessorIds,
    )),
    ...(await checkReferences(
      db,
      { table: dataCategories, id: dataCategories.id, label: "data category" },
      "dataCategoryIds",
      input.dataCategoryIds,
    )),
    ...(await checkReferences(
      db,
      { table: subjectCategories, id: subjectCategories.id, label: "subject category" },
      "subjectCategoryIds",
      input.subjectCategoryIds,
    )),
  ];
  if (Date.parse(discoveredAt) > now.getTime() + MAX_SKEW_MS) issues.push({ path: "discoveredAt", message: "Cannot be in the future." });
  if (occurredAt && occurredAt > discoveredAt) issues.push({ path: "occurredAt", message: "Cannot be after its discovery." });
  if (input.activityIds.length === 0 && input.subProcessorIds.length === 0) {
    issues.push({
      path: "activityIds",
      message: "Name the processing activities or the sub-processors involved: they decide which customers are notified.",
    });
  }
  throwIfIssues(issues);

  const affectedIds = await affectedAgreementIds(db, input.activityIds, input.subProcessorIds);
  const affected = await agreementRows(db, affectedIds);
  const at = now.toISOString();
  const breach: Breach = {
    id: ctx.newId(),
    summary: input.summary,
    discoveredAt,
    occurredAt,
    activityIds: input.activityIds,
    subProcessorIds: input.subProcessorIds,
    dataCategoryIds: input.dataCategoryIds,
    subjectCategoryIds: input.subjectCategoryIds,
    approxSubjects: input.approxSubjects ?? null,
    approxRecords: input.approxRecords ?? null,
    likelyConsequences: input.likelyConsequences,
    measuresTaken: input.measuresTaken,
    affectedAgreementIds: affected.map((a) => a.id),
    notifiedAt: null,
    updates: [],
    revision: 1,
    createdAt: at,
    updatedAt: at,
  };
  const duties = affected.map((agreement) => notificationDuty(ctx, breach, agreement, at));
  const statements: Statement[] = [
    db.insert(breaches).values(breach),
    auditStatement(ctx, { action: "create", entityType: "breach", entityId: breach.id, before: null, after: breach }, at),
    ...startDutyStatements(ctx, duties, at),
    ...(await webhookEvent(
      ctx,
      "breach.recorded",
      { type: "breach", id: breach.id, path: `/api/v1/breaches/${breach.id}` },
      {
        discoveredAt: breach.discoveredAt,
        affectedAgreementIds: breach.affectedAgreementIds,
        notificationDutyIds: duties.map((d) => d.id),
        customersNotified: Boolean(input.notify),
      },
      at,
    )),
  ];
  if (!input.notify) {
    await ctx.store.atomic(statements);
    return { breach, obligationIds: duties.map((d) => d.id) };
  }
  const notified = await notifications(ctx, breach, affected, duties, at);
  await ctx.store.atomic([...statements, ...notified.statements]);
  return { breach: notified.breach, obligationIds: duties.map((d) => d.id) };
}

/** Notifies the customers of a breach recorded without notifying them (notify: false). */
export async function notifyBreach(ctx: Ctx, id: string): Promise<Breach> {
  const db = ctx.store.db;
  const [breach] = await db.select().from(breaches).where(eq(breaches.id, id));
  if (!breach) throw new AppError("not_found", `No breach with id ${id}.`);
  if (breach.notifiedAt) throw new AppError("conflict", `The customers were notified of breach ${id} on ${breach.notifiedAt}.`);
  const duties = await db
    .select()
    .from(obligations)
    .where(and(eq(obligations.sourceId, id), eq(obligations.state, "open")));
  const affected = await agreementRows(
    db,
    duties.map((d) => d.agreementId),
  );
  const at = ctx.clock.now().toISOString();
  const notified = await notifications(ctx, breach, affected, duties, at);
  await ctx.store.atomic([
    // Fails the unit if the breach changed (someone notified them) since it was read.
    guardRow(db, { table: breaches, id: breaches.id, revision: breaches.revision }, breach.id, breach.revision),
    ...notified.statements,
    clearGuards(db),
  ]);
  return notified.breach;
}

/** The notices of one breach, the duties they fulfil, and the breach marked notified. */
async function notifications(ctx: Ctx, breach: Breach, affected: AgreementRow[], duties: ObligationRow[], at: string) {
  const organisation = await loadOrganisation(ctx.store.db);
  if (!organisation) throw new AppError("conflict", "Set up the organisation profile first: the notices name the processor and its DPO.");
  const names = await breachNames(
    ctx,
    breach,
    affected.map((a) => a.customerId),
  );
  const byAgreement = new Map(affected.map((a) => [a.id, a]));
  const db = ctx.store.db;
  const statements: Statement[] = [];
  for (const duty of duties) {
    const agreement = byAgreement.get(duty.agreementId);
    if (!agreement) continue;
    const notice = breachNotice(ctx, breach, names, organisation, agreement, at);
    const evidence = { reference: `notice ${notice.id}`, date: at.slice(0, 10), note: null };
    const done = changeDutyStatements(ctx, duty, "complete", { state: "done", doneAt: at, evidence, closedBy: ctx.actor.name }, at);
    statements.push(db.insert(outbox).values(notice), ...done.statements);
  }
  const notified: Breach = { ...breach, notifiedAt: at, revision: breach.revision + 1, updatedAt: at };
  statements.push(
    db.update(breaches).set({ notifiedAt: at, revision: notified.revision, updatedAt: at }).where(eq(breaches.id, breach.id)),
    auditStatement(ctx, { action: "notify", entityType: "breach", entityId: breach.id, before: breach, after: notified }, at),
  );
  return { breach: notified, statements };
}

function notificationDuty(ctx: Ctx, breach: Breach, agreement: AgreementRow, at: string): ObligationRow {
  const period = agreement.clocks.breachNotification ?? DEFAULT_BREACH_NOTICE;
  const deadline = deadlineFrom(breach.discoveredAt, period, {
    governingCountry: agreement.governingCountry,
    timeZone: agreement.timeZone,
  });
  const start = {
    agreement,
    kind: "breach_notification",
    trigger: "breach",
    sourceId: breach.id,
    clock: "breachNotification",
    period,
    deadline,
    owner: null,
  } as const;
  return openDuty(ctx, start, at);
}

/** What a notice and a deadline need of each agreement. */
async function agreementRows(db: Db, ids: string[]): Promise<AgreementRow[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: agreements.id,
      reference: agreements.reference,
      customerId: agreements.customerId,
      language: agreements.language,
      clocks: agreements.clocks,
      governingCountry: agreements.governingCountry,
      timeZone: agreements.timeZone,
    })
    .from(agreements)
    .where(inArray(agreements.id, ids));
}
