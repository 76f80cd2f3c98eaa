import type { Obligation } from "../../../core/obligations/index.ts";
import { type Html, html, nothing, seg } from "../ui/html.ts";
import { DUTY_LABELS, statusBadge } from "./obligation-labels.ts";

/** A duty with the names a person reads in place of ids. */
export type NamedDuty = Obligation & { agreementReference?: string; customerName?: string };

/** Duties as a table: what, for whom, by when, who, where it stands. */
export function dutyTable(duties: NamedDuty[], options: { withAgreement: boolean }): Html {
  return html`<table><thead><tr><th scope="col">Duty</th>${options.withAgreement ? html`<th scope="col">Agreement</th><th scope="col">Customer</th>` : nothing}<th scope="col">Last day</th><th scope="col">Responsible</th><th scope="col">Status</th></tr></thead>
<tbody>${duties.map(
    (d) => html`<tr><td><a href="/admin/obligations/${seg(d.id)}">${DUTY_LABELS[d.kind]}</a></td>
${options.withAgreement ? html`<td><a href="/admin/agreements/${seg(d.agreementId)}">${d.agreementReference ?? d.agreementId}</a></td><td>${d.customerName ?? ""}</td>` : nothing}
<td>${d.lastDay} <span class="hint">(until the end of the day, ${d.timeZone})</span></td><td>${d.owner ?? html`<span class="hint">not named</span>`}</td><td>${statusBadge(d.status, d.onTime)}</td></tr>`,
  )}</tbody></table>`;
}
