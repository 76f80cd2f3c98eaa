import { addDays, localDate } from "../../../core/kernel/clocks/deadline.ts";
import type { Ctx } from "../../../core/kernel/context.ts";
import { openDutiesUntil } from "../../../core/obligations/index.ts";
import { dutyTable } from "../obligations/duty-table.ts";
import { type Html, html } from "../ui/html.ts";

/** How far ahead the dashboard looks for duties falling due. */
export const DUTIES_AHEAD_DAYS = 30;

/** Duties past their deadline, then those whose last day comes within DUTIES_AHEAD_DAYS, from one query. */
export async function dutySection(ctx: Ctx): Promise<Html> {
  const until = addDays(localDate(ctx.clock.now(), "UTC"), DUTIES_AHEAD_DAYS + 1);
  const duties = await openDutiesUntil(ctx, until);
  const overdue = duties.filter((d) => d.status === "overdue");
  const soon = duties.filter((d) => d.status === "open");
  return html`<h3>Overdue</h3>
${overdue.length === 0 ? html`<p>No duty is overdue.</p>` : dutyTable(overdue, { withAgreement: true })}
<h3>Due within ${DUTIES_AHEAD_DAYS} days</h3>
${soon.length === 0 ? html`<p>No duty falls due in the next ${DUTIES_AHEAD_DAYS} days.</p>` : dutyTable(soon, { withAgreement: true })}
<p><a href="/admin/obligations">Every obligation</a></p>`;
}
