import { inArray } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { activities, customers, dataCategories, subjectCategories, subProcessors } from "../../../db/schema.ts";
import type { Ctx } from "../kernel/context.ts";
import { formatInstant, pickRequired, translate } from "../kernel/i18n/localise.ts";
import type { Language, LocalizedText } from "../kernel/values/values.ts";
import { dpoEmail, type Organisation } from "../organisation/index.ts";
import { type OutboxRow, outboxRow } from "../outbox/index.ts";
import type { Breach } from "./model.ts";

/** The names a notice quotes, read once for all the customers notified. */
export interface BreachNames {
  activities: Map<string, LocalizedText>;
  dataCategories: Map<string, LocalizedText>;
  subjectCategories: Map<string, LocalizedText>;
  subProcessors: Map<string, string>;
  recipients: Map<string, string>;
}

export async function breachNames(ctx: Ctx, breach: Breach, customerIds: string[]): Promise<BreachNames> {
  const db = ctx.store.db;
  /** id → value of one column, for the ids given (no query for none). */
  const valuesOf = async <T>(table: SQLiteTable, id: SQLiteColumn, value: SQLiteColumn, ids: string[]): Promise<Map<string, T>> => {
    if (ids.length === 0) return new Map();
    const rows = (await db.select({ id, value }).from(table).where(inArray(id, ids))) as { id: string; value: T }[];
    return new Map(rows.map((r) => [r.id, r.value]));
  };
  const [a, d, s, v, c] = await Promise.all([
    valuesOf<LocalizedText>(activities, activities.id, activities.name, breach.activityIds),
    valuesOf<LocalizedText>(dataCategories, dataCategories.id, dataCategories.name, breach.dataCategoryIds),
    valuesOf<LocalizedText>(subjectCategories, subjectCategories.id, subjectCategories.name, breach.subjectCategoryIds),
    valuesOf<string>(subProcessors, subProcessors.id, subProcessors.legalName, breach.subProcessorIds),
    customerIds.length
      ? db
          .select({ id: customers.id, contact: customers.contact, dpo: customers.dpo })
          .from(customers)
          .where(inArray(customers.id, customerIds))
      : [],
  ]);
  const recipients = new Map(c.map((r) => [r.id, r.dpo?.email ?? r.contact.email]));
  return { activities: a, dataCategories: d, subjectCategories: s, subProcessors: v, recipients };
}

/** The notification to one customer, with the content of Art. 33(3), in the agreement's language. */
export function breachNotice(
  ctx: Ctx,
  breach: Breach,
  names: BreachNames,
  organisation: Organisation,
  agreement: { id: string; reference: string; customerId: string; language: Language },
  at: string,
): OutboxRow {
  const lang = agreement.language;
  const listed = (ids: string[], from: Map<string, LocalizedText>) =>
    ids.flatMap((id) => (from.has(id) ? [pickRequired(from.get(id) as LocalizedText, lang)] : [])).join(", ") ||
    translate(lang, "breach.unknown");
  const count = (n: number | null) => (n === null ? translate(lang, "breach.unknown") : String(n));
  const params = {
    processor: organisation.legalName,
    reference: agreement.reference,
    summary: breach.summary,
    discoveredAt: formatInstant(breach.discoveredAt, lang),
    occurred: breach.occurredAt ? translate(lang, "mail.breach.occurred", { occurredAt: formatInstant(breach.occurredAt, lang) }) : "",
    activities: listed(breach.activityIds, names.activities),
    subjects: listed(breach.subjectCategoryIds, names.subjectCategories),
    approxSubjects: count(breach.approxSubjects),
    dataCategories: listed(breach.dataCategoryIds, names.dataCategories),
    approxRecords: count(breach.approxRecords),
    subProcessors:
      breach.subProcessorIds
        .map((id) => names.subProcessors.get(id) ?? "")
        .filter(Boolean)
        .join(", ") || translate(lang, "none.none"),
    consequences: breach.likelyConsequences,
    measures: breach.measuresTaken,
    dpo: [organisation.dpo?.name, dpoEmail(organisation), organisation.dpo?.phone].filter(Boolean).join(", "),
    breachId: breach.id,
  };
  return outboxRow(
    ctx,
    {
      kind: "breach_notice",
      recipient: names.recipients.get(agreement.customerId) ?? "",
      subject: translate(lang, "mail.breach.subject", params),
      body: translate(lang, "mail.breach.body", params),
      related: { type: "breach", id: breach.id },
    },
    at,
  );
}
