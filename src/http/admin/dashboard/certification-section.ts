import { CERTIFICATION_WARNING_DAYS, certificationWarnings } from "../../../core/dashboard/index.ts";
import type { Ctx } from "../../../core/kernel/context.ts";
import { displayName } from "../../../core/register/index.ts";
import { type Html, html, seg } from "../ui/html.ts";

/** Certifications that expired or run out soon, with the measure that relies on each. */
export async function certificationSection(ctx: Ctx): Promise<Html> {
  const warnings = await certificationWarnings(ctx);
  if (warnings.length === 0) return html`<p>No certification expires in the next ${CERTIFICATION_WARNING_DAYS} days.</p>`;
  return html`<table><thead><tr><th scope="col">Certification</th><th scope="col">Measure</th><th scope="col">Valid until</th></tr></thead>
<tbody>${warnings.map(
    (
      w,
    ) => html`<tr><td>${w.certification}${w.issuer ? ` (${w.issuer})` : ""}</td><td><a href="/admin/security-measures/${seg(w.measureId)}">${displayName(w.measureTitle)}</a></td>
<td>${w.validUntil} ${w.expired ? html`<span class="badge warn">expired</span>` : html`<span class="badge">expires soon</span>`}</td></tr>`,
  )}</tbody></table>`;
}
