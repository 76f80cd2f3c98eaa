import { CERTIFICATION_WARNING_DAYS, certificationWarnings } from "../../../core/dashboard/index.ts";
import type { Ctx } from "../../../core/kernel/context.ts";
import { pickRequired } from "../../../core/kernel/i18n/localise.ts";
import { type Html, html, seg } from "../ui/html.ts";
import { t, uiDate, uiLanguage } from "../ui/ui-language.ts";

/** Certifications that expired or run out soon, with the measure that relies on each. */
export async function certificationSection(ctx: Ctx): Promise<Html> {
  const warnings = await certificationWarnings(ctx);
  if (warnings.length === 0) return html`<p>${t("admin.dashboard.certifications.none", { n: CERTIFICATION_WARNING_DAYS })}</p>`;
  return html`<table><thead><tr><th scope="col">${t("admin.dashboard.certifications.certification")}</th><th scope="col">${t("admin.dashboard.certifications.measure")}</th><th scope="col">${t("admin.dashboard.certifications.validUntil")}</th></tr></thead>
<tbody>${warnings.map(
    (
      w,
    ) => html`<tr><td>${w.certification}${w.issuer ? ` (${w.issuer})` : ""}</td><td><a href="/admin/security-measures/${seg(w.measureId)}">${pickRequired(w.measureTitle, uiLanguage())}</a></td>
<td>${uiDate(w.validUntil)} ${w.expired ? html`<span class="badge warn">${t("admin.dashboard.certifications.expired")}</span>` : html`<span class="badge">${t("admin.dashboard.certifications.expiresSoon")}</span>`}</td></tr>`,
  )}</tbody></table>`;
}
