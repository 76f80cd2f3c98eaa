import { termsUnderWay } from "../../../core/changes/index.ts";
import type { Ctx } from "../../../core/kernel/context.ts";
import { type Html, html, seg } from "../ui/html.ts";
import { t, uiDate } from "../ui/ui-language.ts";

/** Announced changes of the terms: when they apply, until when customers may object, and who did. */
export async function termsSection(ctx: Ctx): Promise<Html> {
  const changes = await termsUnderWay(ctx);
  if (changes.length === 0) return html`<p>${t("admin.dashboard.terms.none")}</p>`;
  return html`<table><thead><tr><th scope="col">${t("admin.dashboard.terms.terms")}</th><th scope="col">${t("admin.dashboard.terms.told")}</th><th scope="col">${t("admin.dashboard.windows.lastDay")}</th><th scope="col">${t("admin.dashboard.terms.appliesFrom")}</th><th scope="col">${t("admin.dashboard.terms.objections")}</th></tr></thead>
<tbody>${changes.map(
    (c) =>
      html`<tr><td><a href="/admin/terms-changes/${seg(c.id)}">${t("admin.dashboard.terms.version", { version: c.version })}</a></td><td>${c.notified}</td><td>${c.lastWindowDay ? uiDate(c.lastWindowDay) : "—"}</td><td>${uiDate(c.appliesFrom)}</td><td>${c.objectedInTime} / ${c.lateObjections}</td></tr>`,
  )}</tbody></table>
<p class="hint">${t("admin.dashboard.terms.hint")}</p>`;
}
