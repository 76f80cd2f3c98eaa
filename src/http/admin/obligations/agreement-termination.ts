import type { Context } from "hono";
import { listObligations } from "../../../core/obligations/index.ts";
import type { Agreement } from "../../../core/register/index.ts";
import { can } from "../../../core/kernel/roles.ts";
import type { AppEnv } from "../../env.ts";
import { type Html, html, seg } from "../ui/html.ts";
import { t, uiDate } from "../ui/ui-language.ts";
import { dutyTable } from "./duty-table.ts";

/** On an agreement's page: how to end it, or, once ended, the duties its end started. */
export async function terminationSection(c: Context<AppEnv>, agreement: Agreement): Promise<Html> {
  if (agreement.status !== "terminated") {
    if (agreement.status !== "active" || agreement.archivedAt || !can(c.get("actor").role, "register:write")) return html``;
    return html`<h2>${t("admin.obligations.termination.title")}</h2><p>${t("admin.obligations.termination.intro")}</p>
<p><a class="button" href="/admin/agreements/${seg(agreement.id)}/terminate">${t("admin.obligations.termination.button")}</a></p>`;
  }
  const duties = (await listObligations(c.get("ctx"), { agreementId: agreement.id, limit: "500" })).items.filter(
    (d) => d.trigger === "termination",
  );
  const endedOn = agreement.endedOn ? uiDate(agreement.endedOn) : "—";
  return html`<h2>${t("admin.obligations.termination.dutiesTitle")}</h2><p>${t("admin.obligations.termination.endedOn", { date: endedOn })}</p>
${duties.length === 0 ? html`<p>${t("admin.obligations.termination.noDuty")}</p>` : dutyTable(duties, { withAgreement: false })}`;
}
