import { hasMessage } from "../../../core/kernel/i18n/localise.ts";
import type { Html } from "../ui/html.ts";
import { html } from "../ui/html.ts";
import { t, uiMessage } from "../ui/ui-language.ts";

/**
 * How the change workflow's codes read on the pages: one message per code,
 * "admin.changes.<group>.<code>", looked up while the page is rendered so it
 * is in the page's language. A code without a message (one the core added
 * later) shows as itself rather than breaking the page.
 */
function codeLabel(group: string, code: string | null | undefined): string {
  if (!code) return "—";
  const key = `admin.changes.${group}.${code}`;
  return hasMessage(key) ? t(key) : code;
}

export const kindLabel = (code: string | null | undefined): string => codeLabel("kind", code);
export const statusLabel = (code: string | null | undefined): string => codeLabel("status", code);
export const resolutionLabel = (code: string | null | undefined): string => codeLabel("resolution", code);
export const channelLabel = (code: string | null | undefined): string => codeLabel("channel", code);
export const noticeKindLabel = (code: string | null | undefined): string => codeLabel("noticeKind", code);
export const outcomeLabel = (code: string | null | undefined): string => codeLabel("outcome", code);
export const authorisationLabel = (code: string | null | undefined): string => codeLabel("authorisation", code);
/** The outcome and authorisation codes as a word inside a sentence ("Closed (excluded: …)", "Answer recorded: granted."). */
export const outcomeWord = (code: string | null | undefined): string => codeLabel("outcomeWord", code);
export const authorisationWord = (code: string | null | undefined): string => codeLabel("authorisationWord", code);

/** "Klippa OCR GmbH: Add a sub-processor": how a change is named in titles, lists and links. */
export const changeTitle = (vendorName: string | null | undefined, kind: string): string =>
  t("admin.changes.changeTitle", { vendor: vendorName ?? t("admin.changes.unknownVendor"), kind: kindLabel(kind) });

/**
 * Why a notice was closed. The core stores either a fixed sentence of its own
 * ("change withdrawn", looked up in the core catalogue) or, for an agreement taken
 * out of the change, the DPO's reason code with the note typed ("alternative_offered: …"):
 * the code is put in words, the note stays as typed.
 */
export function closingReason(reason: string): string {
  const taken = /^(alternative_offered|customer_terminated)(?:: ([\s\S]*))?$/.exec(reason);
  if (!taken) return uiMessage(reason);
  const words = t(`admin.changes.exclusionReason.${taken[1]}`);
  return taken[2] ? `${words}: ${taken[2]}` : words;
}

/** A badge whose meaning is in its words, the colour only repeats it. */
export function verdictBadge(verdict: string): Html {
  const tone =
    verdict === "blocked" ? "blocked" : verdict === "due" || verdict === "effective" ? "ok" : verdict === "withdrawn" ? "" : "warn";
  return html`<span class="badge${tone ? ` ${tone}` : ""}">${codeLabel("verdict", verdict)}</span>`;
}

export const timingBadge = (onTime: boolean): Html =>
  onTime
    ? html`<span class="badge ok">${t("admin.changes.timing.onTime")}</span>`
    : html`<span class="badge late">${t("admin.changes.timing.late")}</span>`;

/** The whole days left in a notice's window, for the DPO's tables ("17 days left"). */
export function daysLeftWords(days: number | null): string {
  if (days === null) return t("admin.changes.daysLeft.closed");
  if (days === 0) return t("admin.changes.daysLeft.lastDay");
  return days === 1 ? t("admin.changes.daysLeft.one") : t("admin.changes.daysLeft.other", { n: days });
}
