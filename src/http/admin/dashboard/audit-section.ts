import { pendingAudits } from "../../../core/customer-audits/index.ts";
import { addDays, localDate } from "../../../core/kernel/clocks/deadline.ts";
import type { Ctx } from "../../../core/kernel/context.ts";
import { auditTable } from "../customer-audits/audit-table.ts";
import { type Html, html } from "../ui/html.ts";
import { t } from "../ui/ui-language.ts";
import { DUTIES_AHEAD_DAYS } from "./duty-section.ts";

/** Audits customers asked for and nobody scheduled yet, and those starting within the same horizon as duties. */
export async function auditSection(ctx: Ctx): Promise<Html> {
  const until = addDays(localDate(ctx.clock.now(), "UTC"), DUTIES_AHEAD_DAYS + 1);
  const audits = await pendingAudits(ctx.store.db, until);
  if (audits.length === 0) return html`<p>${t("admin.dashboard.audits.none", { n: DUTIES_AHEAD_DAYS })}</p>`;
  return html`${auditTable(audits, { withAgreement: true })}<p><a href="/admin/customer-audits">${t("admin.dashboard.audits.all")}</a></p>`;
}
