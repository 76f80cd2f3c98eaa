import type { Html } from "../ui/html.ts";
import { html } from "../ui/html.ts";

/** How the change workflow's codes read on the pages. */
export const KIND_LABELS: Record<string, string> = {
  add: "Add a sub-processor",
  replace: "Replace a sub-processor",
  remove: "Remove a sub-processor",
  change_locations: "Change of locations",
  change_chain: "Change of the sub-processor engaging it",
};

export const STATUS_LABELS: Record<string, string> = {
  proposed: "Proposed",
  announced: "Announced",
  effective: "In effect",
  withdrawn: "Withdrawn",
};

export const VERDICT_LABELS: Record<string, string> = {
  proposed: "Proposed, not announced",
  blocked: "Blocked",
  awaiting_authorisation: "Awaiting authorisations",
  pending: "Objection windows running",
  due: "Due to take effect",
  effective: "In effect",
  withdrawn: "Withdrawn",
};

export const RESOLUTION_LABELS: Record<string, string> = {
  overruled: "Overruled",
  withdrawn: "Withdrawn by the customer",
  alternative_offered: "Alternative offered",
  customer_terminated: "Customer terminates",
};

export const CHANNEL_LABELS: Record<string, string> = { api: "API", email: "E-mail", letter: "Letter", link: "Objection link" };

export const NOTICE_KIND_LABELS: Record<string, string> = {
  objection_window: "Objection window (option 2)",
  authorisation_request: "Authorisation request (option 1)",
};

export const OUTCOME_LABELS: Record<string, string> = {
  pending: "Not decided yet",
  applies: "The change applies",
  excluded: "Taken out of the change",
};

export const AUTHORISATION_LABELS: Record<string, string> = {
  requested: "Requested, not answered yet",
  granted: "Granted",
  refused: "Refused",
};

export const label = (labels: Record<string, string>, code: string | null | undefined): string => (code ? (labels[code] ?? code) : "—");

/** A badge whose meaning is in its words, the colour only repeats it. */
export function verdictBadge(verdict: string): Html {
  const tone =
    verdict === "blocked" ? "blocked" : verdict === "due" || verdict === "effective" ? "ok" : verdict === "withdrawn" ? "" : "warn";
  return html`<span class="badge${tone ? ` ${tone}` : ""}">${label(VERDICT_LABELS, verdict)}</span>`;
}

export const timingBadge = (onTime: boolean): Html =>
  onTime ? html`<span class="badge ok">On time</span>` : html`<span class="badge late">LATE</span>`;
