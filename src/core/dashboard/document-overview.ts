import type { Ctx } from "../kernel/context.ts";
import { documentContent, type DocumentKind, type Finding, isCurrent, lastSeqAt, loadSnapshot } from "../documents/index.ts";
import type { Language } from "../kernel/values/values.ts";

/** One document the register can produce, with what its completeness check finds today. */
export interface DocumentSummary {
  kind: DocumentKind;
  agreementId: string | null;
  /** The agreement's reference for an annex. */
  reference: string | null;
  customerName: string | null;
  agreementStatus: string | null;
  /** The language the document is in when none is asked for. */
  language: Language;
  title: string;
  findings: Finding[];
}

/**
 * The Art. 30 records and the annex of every agreement not archived, each
 * checked for completeness, from ONE snapshot of the register: the same
 * content the documents are rendered from (documents/render-document.ts),
 * without rendering any bytes. The findings are in each document's default
 * language.
 */
export async function documentOverview(ctx: Ctx): Promise<DocumentSummary[]> {
  const db = ctx.store.db;
  const asOf = ctx.clock.now().toISOString();
  const snapshot = await loadSnapshot(db, asOf, await lastSeqAt(db, asOf));
  const records = (["art30-controller", "art30-processor"] as const).map((kind): DocumentSummary => {
    const content = documentContent(snapshot, { kind, agreementId: null, language: null });
    return {
      kind,
      agreementId: null,
      reference: null,
      customerName: null,
      agreementStatus: null,
      language: content.language,
      title: content.title,
      findings: content.findings,
    };
  });
  // An agreement always has its customer (the foreign key restricts deletion); the filter only keeps the page up if not.
  const annexes = [...snapshot.agreements.values()]
    .filter((a) => isCurrent(a) && snapshot.customers.has(a.customerId))
    .sort((a, b) => a.reference.localeCompare(b.reference))
    .map((agreement): DocumentSummary => {
      const content = documentContent(snapshot, { kind: "annex", agreementId: agreement.id, language: null });
      return {
        kind: "annex",
        agreementId: agreement.id,
        reference: agreement.reference,
        customerName: snapshot.customers.get(agreement.customerId)?.legalName ?? null,
        agreementStatus: agreement.status,
        language: content.language,
        title: content.title,
        findings: content.findings,
      };
    });
  return [...records, ...annexes];
}
