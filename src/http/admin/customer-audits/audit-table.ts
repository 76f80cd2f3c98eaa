import type { CustomerAudit } from "../../../core/customer-audits/index.ts";
import { type Html, html, nothing, seg } from "../ui/html.ts";

/** An audit with the names a person reads in place of ids. */
export type NamedAudit = CustomerAudit & { agreementReference?: string; customerName?: string };

const STATE_LABELS: Record<CustomerAudit["state"], string> = {
  requested: "Requested",
  scheduled: "Scheduled",
  completed: "Completed",
  cancelled: "Cancelled",
};

export const auditStateLabel = (audit: CustomerAudit): string => STATE_LABELS[audit.state];

/** Audits as a table: for whom, when noticed, from when allowed, when scheduled, where it stands. */
export function auditTable(audits: NamedAudit[], options: { withAgreement: boolean }): Html {
  return html`<table><thead><tr><th scope="col">Audit</th>${options.withAgreement ? html`<th scope="col">Agreement</th><th scope="col">Customer</th>` : nothing}<th scope="col">Earliest start</th><th scope="col">Proposed</th><th scope="col">Scheduled</th><th scope="col">Status</th></tr></thead>
<tbody>${audits.map(
    (a) => html`<tr><td><a href="/admin/customer-audits/${seg(a.id)}">${a.scope.length > 60 ? `${a.scope.slice(0, 60)}…` : a.scope}</a></td>
${options.withAgreement ? html`<td><a href="/admin/agreements/${seg(a.agreementId)}">${a.agreementReference ?? a.agreementId}</a></td><td>${a.customerName ?? ""}</td>` : nothing}
<td>${a.earliestStart}</td><td>${a.proposedStart}${a.shortNotice ? html` <span class="badge warn">short notice</span>` : nothing}</td><td>${a.scheduledOn ?? "—"}</td><td>${auditStateLabel(a)}</td></tr>`,
  )}</tbody></table>`;
}
