import { addDays, localDate } from "../../../core/kernel/clocks/deadline.ts";
import type { Ctx } from "../../../core/kernel/context.ts";
import { openDutiesUntil } from "../../../core/obligations/index.ts";
import { dutyTable } from "../obligations/duty-table.ts";
import { type Html, html } from "../ui/html.ts";
import { t } from "../ui/ui-language.ts";

/** How far ahead the dashboard looks for duties falling due. */
export const DUTIES_AHEAD_DAYS = 30;

/** Duties past their deadline, then those whose last day comes within DUTIES_AHEAD_DAYS, from one query. */
export async function dutySection(ctx: Ctx): Promise<Html> {
  const until = addDays(localDate(ctx.clock.now(), "UTC"), DUTIES_AHEAD_DAYS + 1);
  const duties = await openDutiesUntil(ctx, until);
  const overdue = duties.filter((d) => d.status === "overdue");
  const soon = duties.filter((d) => d.status === "open");
  return html`<h3>${t("admin.dashboard.duties.overdue")}</h3>
${overdue.length === 0 ? html`<p>${t("admin.dashboard.duties.noneOverdue")}</p>` : dutyTable(overdue, { withAgreement: true })}
<h3>${t("admin.dashboard.duties.dueWithin", { n: DUTIES_AHEAD_DAYS })}</h3>
${soon.length === 0 ? html`<p>${t("admin.dashboard.duties.noneDue", { n: DUTIES_AHEAD_DAYS })}</p>` : dutyTable(soon, { withAgreement: true })}
<p><a href="/admin/obligations">${t("admin.dashboard.duties.all")}</a></p>`;
}
