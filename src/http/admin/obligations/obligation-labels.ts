import type { ObligationKind, ObligationStatus } from "../../../core/obligations/index.ts";
import { type Html, html } from "../ui/html.ts";

export const DUTY_LABELS: Record<ObligationKind, string> = {
  account_deactivation: "Deactivate the customer's accounts",
  data_export: "Export window for the customer's data closes",
  deletion_or_return: "Delete or return the customer's personal data",
  breach_notification: "Notify the customer of the personal data breach",
};

const STATUS_LABELS: Record<ObligationStatus, string> = { open: "Open", overdue: "Overdue", done: "Done", waived: "Waived" };

export function statusBadge(status: ObligationStatus, onTime: boolean | null = null): Html {
  if (status === "overdue") return html`<span class="badge warn">Overdue</span>`;
  if (status === "done" && onTime === false) return html`<span class="badge warn">Done late</span>`;
  return html`<span class="badge">${STATUS_LABELS[status]}</span>`;
}
