import { addDays, localDate } from "../../../core/kernel/clocks/deadline.ts";
import type { Ctx } from "../../../core/kernel/context.ts";
import { pickRequired } from "../../../core/kernel/i18n/localise.ts";
import { reviewsDue } from "../../../core/reviews/index.ts";
import { type Html, html, nothing, seg } from "../ui/html.ts";
import { t, uiDate, uiLanguage } from "../ui/ui-language.ts";
import { DUTIES_AHEAD_DAYS } from "./duty-section.ts";

type Dpia = Awaited<ReturnType<typeof reviewsDue>>[number]["dpia"];

/** Where the activity stands with its impact assessment, in words. */
function dpiaCell(dpia: Dpia): Html | string {
  if (dpia?.kind === "required") return html`<span class="badge warn">${t("admin.dashboard.reviews.dpia.required")}</span>`;
  if (dpia?.kind === "done") return t("admin.dashboard.reviews.dpia.done", { reference: dpia.reference });
  if (dpia?.kind === "not_required") return t("admin.dashboard.reviews.dpia.notRequired");
  return t("admin.dashboard.reviews.dpia.notAssessed");
}

/** Activities whose review falls due within the dashboard's horizon (or is past), and those whose DPIA is still to be done. */
export async function reviewSection(ctx: Ctx): Promise<Html> {
  const today = localDate(ctx.clock.now(), "UTC");
  const due = await reviewsDue(ctx, addDays(today, DUTIES_AHEAD_DAYS + 1));
  if (due.length === 0) return html`<p>${t("admin.dashboard.reviews.none", { n: DUTIES_AHEAD_DAYS })}</p>`;
  return html`<table><thead><tr><th scope="col">${t("admin.dashboard.reviews.activity")}</th><th scope="col">${t("admin.dashboard.reviews.review")}</th><th scope="col">${t("admin.dashboard.reviews.dpia")}</th></tr></thead>
<tbody>${due.map(
    (r) => html`<tr><td><a href="/admin/activities/${seg(r.activityId)}">${pickRequired(r.name, uiLanguage())}</a></td>
<td>${r.nextReviewOn ? uiDate(r.nextReviewOn) : "—"}${r.nextReviewOn && r.nextReviewOn < today ? html` <span class="badge warn">${t("admin.dashboard.reviews.overdue")}</span>` : nothing}</td>
<td>${dpiaCell(r.dpia)}</td></tr>`,
  )}</tbody></table>`;
}
