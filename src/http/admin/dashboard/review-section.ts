import { addDays, localDate } from "../../../core/kernel/clocks/deadline.ts";
import type { Ctx } from "../../../core/kernel/context.ts";
import { displayName } from "../../../core/register/index.ts";
import { reviewsDue } from "../../../core/reviews/index.ts";
import { type Html, html, nothing, seg } from "../ui/html.ts";
import { DUTIES_AHEAD_DAYS } from "./duty-section.ts";

/** Activities whose review falls due within the dashboard's horizon (or is past), and those whose DPIA is still to be done. */
export async function reviewSection(ctx: Ctx): Promise<Html> {
  const today = localDate(ctx.clock.now(), "UTC");
  const due = await reviewsDue(ctx, addDays(today, DUTIES_AHEAD_DAYS + 1));
  if (due.length === 0)
    return html`<p>No activity is due for review in the next ${DUTIES_AHEAD_DAYS} days, and no impact assessment is pending.</p>`;
  return html`<table><thead><tr><th scope="col">Processing activity</th><th scope="col">Review</th><th scope="col">Impact assessment</th></tr></thead>
<tbody>${due.map(
    (r) => html`<tr><td><a href="/admin/activities/${seg(r.activityId)}">${displayName(r.name)}</a></td>
<td>${r.nextReviewOn ?? "—"}${r.nextReviewOn && r.nextReviewOn < today ? html` <span class="badge warn">overdue</span>` : nothing}</td>
<td>${r.dpia?.kind === "required" ? html`<span class="badge warn">required, not done</span>` : r.dpia?.kind === "done" ? `done (${r.dpia.reference})` : r.dpia?.kind === "not_required" ? "not required" : "not assessed"}</td></tr>`,
  )}</tbody></table>`;
}
