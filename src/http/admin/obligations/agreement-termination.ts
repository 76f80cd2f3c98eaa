import type { Context } from "hono";
import { listObligations } from "../../../core/obligations/index.ts";
import type { Agreement } from "../../../core/register/index.ts";
import { can } from "../../../core/kernel/roles.ts";
import type { AppEnv } from "../../env.ts";
import { type Html, html, seg } from "../ui/html.ts";
import { dutyTable } from "./duty-table.ts";

/** On an agreement's page: how to end it, or, once ended, the duties its end started. */
export async function terminationSection(c: Context<AppEnv>, agreement: Agreement): Promise<Html> {
  if (agreement.status !== "terminated") {
    if (agreement.status !== "active" || agreement.archivedAt || !can(c.get("actor").role, "register:write")) return html``;
    return html`<h2>Termination</h2><p>Ending the agreement starts the duties its clocks promise (deactivation, export window, deletion or return), each with its deadline.</p>
<p><a class="button" href="/admin/agreements/${seg(agreement.id)}/terminate">Terminate this agreement</a></p>`;
  }
  const duties = (await listObligations(c.get("ctx"), { agreementId: agreement.id, limit: "500" })).items.filter(
    (d) => d.trigger === "termination",
  );
  return html`<h2>Duties after termination</h2><p>The agreement ended on ${agreement.endedOn}.</p>
${duties.length === 0 ? html`<p>Its clocks promise no duty after the end.</p>` : dutyTable(duties, { withAgreement: false })}`;
}
