import type { Obligation } from "../../../core/obligations/index.ts";
import { type Html, html, nothing, seg } from "../ui/html.ts";
import { t, uiDate } from "../ui/ui-language.ts";
import { dutyLabel, statusBadge } from "./obligation-labels.ts";

/** A duty with the names a person reads in place of ids. */
export type NamedDuty = Obligation & { agreementReference?: string; customerName?: string };

/** Duties as a table: what, for whom, by when, who, where it stands. */
export function dutyTable(duties: NamedDuty[], options: { withAgreement: boolean }): Html {
  return html`<table><thead><tr><th scope="col">${t("admin.obligations.table.duty")}</th>${options.withAgreement ? html`<th scope="col">${t("admin.obligations.table.agreement")}</th><th scope="col">${t("admin.obligations.table.customer")}</th>` : nothing}<th scope="col">${t("admin.obligations.table.lastDay")}</th><th scope="col">${t("admin.obligations.table.responsible")}</th><th scope="col">${t("admin.common.status")}</th></tr></thead>
<tbody>${duties.map(
    (d) => html`<tr><td><a href="/admin/obligations/${seg(d.id)}">${dutyLabel(d.kind)}</a></td>
${options.withAgreement ? html`<td><a href="/admin/agreements/${seg(d.agreementId)}">${d.agreementReference ?? d.agreementId}</a></td><td>${d.customerName ?? ""}</td>` : nothing}
<td>${uiDate(d.lastDay)} <span class="hint">${t("admin.obligations.table.untilEndOfDay", { timeZone: d.timeZone })}</span></td><td>${d.owner ?? html`<span class="hint">${t("admin.obligations.notNamed")}</span>`}</td><td>${statusBadge(d.status, d.onTime)}</td></tr>`,
  )}</tbody></table>`;
}
