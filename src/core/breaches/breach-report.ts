import { eq } from "drizzle-orm";
import { z } from "zod";
import { agreements, customers, obligations } from "../../../db/schema.ts";
import { type RenderedDocument, renderContent } from "../documents/index.ts";
import type { Ctx } from "../kernel/context.ts";
import { AppError } from "../kernel/errors.ts";
import { displayText } from "../kernel/i18n/display-text.ts";
import { formatInstant, formatPeriod, pickRequired, translate } from "../kernel/i18n/localise.ts";
import { parseInput } from "../kernel/input/parse-input.ts";
import { Language, type LocalizedText } from "../kernel/values/values.ts";
import { dpoEmail, loadOrganisation } from "../organisation/index.ts";
import { idOrReference, NAMED_AGREEMENT, resolveNamed } from "../register/index.ts";
import { breachNames } from "./breach-notice.ts";
import { findBreach } from "./breach-queries.ts";

export const BreachReportQuery = z.strictObject({
  format: z.enum(["html", "pdf"]).default("pdf"),
  lang: Language.optional().describe("Defaults to the agreement's language."),
});

/**
 * The report of a breach for one customer it affects: the processor and the controller, what
 * happened and what it involved (Art. 33(3)), when the customer was told against its agreement's
 * clock, and the follow-ups, as HTML or PDF, in the agreement's language. It is as of the breach's
 * last change: the same breach gives the same bytes.
 */
export async function breachReport(
  ctx: Ctx,
  breachId: string,
  agreementIdOrReference: string,
  raw: Record<string, string>,
): Promise<RenderedDocument> {
  const query = parseInput(BreachReportQuery, raw);
  const db = ctx.store.db;
  const breach = await findBreach(db, breachId);
  const agreementId = await resolveNamed(db, NAMED_AGREEMENT, idOrReference(NAMED_AGREEMENT).parse(agreementIdOrReference));
  if (!breach.affectedAgreementIds.includes(agreementId)) {
    throw new AppError("not_found", `Breach ${breach.id} does not affect agreement ${agreementIdOrReference}.`);
  }
  const [[agreement], organisation, [duty]] = await Promise.all([
    db
      .select({
        reference: agreements.reference,
        language: agreements.language,
        customerId: agreements.customerId,
        customer: customers.legalName,
      })
      .from(agreements)
      .innerJoin(customers, eq(customers.id, agreements.customerId))
      .where(eq(agreements.id, agreementId)),
    loadOrganisation(db),
    db
      .select()
      .from(obligations)
      .where(eq(obligations.sourceId, breach.id))
      .then((rows) => rows.filter((r) => r.agreementId === agreementId)),
  ]);
  if (!agreement || !organisation)
    throw new AppError("conflict", "The report names the processor and the customer: set up the organisation profile first.");
  const lang = query.lang ?? agreement.language;
  const names = await breachNames(ctx, breach, []);
  const listed = (ids: string[], from: Map<string, LocalizedText>) =>
    ids.flatMap((id) => (from.has(id) ? [pickRequired(from.get(id) as LocalizedText, lang)] : []));
  const unknown = translate(lang, "breach.unknown");
  const body = {
    processor: organisation.legalName,
    controller: agreement.customer,
    reference: agreement.reference,
    summary: breach.summary,
    discoveredAt: formatInstant(breach.discoveredAt, lang),
    occurredAt: breach.occurredAt ? formatInstant(breach.occurredAt, lang) : unknown,
    activities: listed(breach.activityIds, names.activities),
    subProcessors: breach.subProcessorIds.flatMap((id) =>
      names.subProcessors.has(id) ? [displayText(names.subProcessors.get(id) as string)] : [],
    ),
    subjects: listed(breach.subjectCategoryIds, names.subjectCategories),
    approxSubjects: breach.approxSubjects === null ? unknown : String(breach.approxSubjects),
    dataCategories: listed(breach.dataCategoryIds, names.dataCategories),
    approxRecords: breach.approxRecords === null ? unknown : String(breach.approxRecords),
    consequences: breach.likelyConsequences,
    measures: breach.measuresTaken,
    dpo: [organisation.dpo?.name, dpoEmail(organisation), organisation.dpo?.phone].filter(Boolean).join(", "),
    clock: duty ? formatPeriod(duty.period, lang) : unknown,
    dueAt: duty ? formatInstant(duty.dueAt, lang) : unknown,
    notifiedAt: breach.notifiedAt ? formatInstant(breach.notifiedAt, lang) : translate(lang, "breachReport.notYet"),
    onTime: duty?.doneAt
      ? translate(lang, Date.parse(duty.doneAt) < Date.parse(duty.dueAt) ? "breachReport.onTime" : "breachReport.late")
      : "",
    updates: breach.updates.map((u) => `${formatInstant(u.at, lang)}: ${u.text}`),
    breachId: breach.id,
  };
  const content = {
    template: "breach-report",
    language: lang,
    title: translate(lang, "breachReport.title"),
    subject: `${agreement.reference} – ${agreement.customer}`,
    findings: [],
    body,
  };
  return renderContent(content, {
    kind: "breach-report",
    format: query.format,
    draft: false,
    asOf: breach.updatedAt,
    author: organisation.legalName,
    checkpoint: null,
    fileName: `breach-report_${agreement.reference.replace(/[^\w.-]+/g, "-")}_${breach.id}_${lang}.${query.format}`,
  });
}
