import type { CustomerAudit } from "../../../core/customer-audits/index.ts";
import { type Html, html, nothing, seg } from "../ui/html.ts";
import { t, uiDate } from "../ui/ui-language.ts";

/** An audit with the names a person reads in place of ids. */
export type NamedAudit = CustomerAudit & { agreementReference?: string; customerName?: string };

/** Where the audit stands, in the page's language (looked up per request: a constant would be read outside one). */
export const auditStateLabel = (audit: CustomerAudit): string => t(`admin.audits.state.${audit.state}`);

/** A day that may not be set yet, as the page's language writes it. */
export const dayOrDash = (isoDate: string | null): string => (isoDate ? uiDate(isoDate) : "—");

/** The "short notice" badge beside a proposed start the notice period does not allow. */
export const shortNoticeBadge = (audit: CustomerAudit): Html =>
  audit.shortNotice ? html` <span class="badge warn">${t("admin.audits.shortNotice")}</span>` : nothing;

/** Audits as a table: for whom, when noticed, from when allowed, when scheduled, where it stands. */
export function auditTable(audits: NamedAudit[], options: { withAgreement: boolean }): Html {
  return html`<table><thead><tr><th scope="col">${t("admin.audits.table.audit")}</th>${options.withAgreement ? html`<th scope="col">${t("admin.audits.table.agreement")}</th><th scope="col">${t("admin.audits.table.customer")}</th>` : nothing}<th scope="col">${t("admin.audits.earliestStart")}</th><th scope="col">${t("admin.audits.table.proposed")}</th><th scope="col">${t("admin.audits.scheduled")}</th><th scope="col">${t("admin.common.status")}</th></tr></thead>
<tbody>${audits.map(
    (a) => html`<tr><td><a href="/admin/customer-audits/${seg(a.id)}">${a.scope.length > 60 ? `${a.scope.slice(0, 60)}…` : a.scope}</a></td>
${options.withAgreement ? html`<td><a href="/admin/agreements/${seg(a.agreementId)}">${a.agreementReference ?? a.agreementId}</a></td><td>${a.customerName ?? ""}</td>` : nothing}
<td>${uiDate(a.earliestStart)}</td><td>${uiDate(a.proposedStart)}${shortNoticeBadge(a)}</td><td>${dayOrDash(a.scheduledOn)}</td><td>${auditStateLabel(a)}</td></tr>`,
  )}</tbody></table>`;
}
