import type { ObligationKind, ObligationStatus } from "../../../core/obligations/index.ts";
import { type Html, html } from "../ui/html.ts";
import { t } from "../ui/ui-language.ts";

/** What a duty asks, in the page's language (looked up per request: a constant would be read outside one). */
export const dutyLabel = (kind: ObligationKind): string => t(`admin.obligations.kind.${kind}`);

/** A status as a word inside a sentence or a filter ("open", "done"), as opposed to the badge's capitalised label. */
export const statusWord = (status: ObligationStatus): string => t(`admin.obligations.filter.${status}`);

export function statusBadge(status: ObligationStatus, onTime: boolean | null = null): Html {
  if (status === "overdue") return html`<span class="badge warn">${t("admin.obligations.status.overdue")}</span>`;
  if (status === "done" && onTime === false) return html`<span class="badge warn">${t("admin.obligations.status.doneLate")}</span>`;
  return html`<span class="badge">${t(`admin.obligations.status.${status}`)}</span>`;
}
