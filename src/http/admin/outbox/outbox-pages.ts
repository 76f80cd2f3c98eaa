import type { Hono } from "hono";
import {
  listOutbox,
  type MessageKind,
  OUTBOX_STATUSES,
  type OutboxMessage,
  outboxMessage,
  outboxSummary,
  retryMessage,
} from "../../../core/outbox/index.ts";
import type { OutboxStatus } from "../../../core/kernel/values/values.ts";
import type { AppEnv } from "../../env.ts";
import { adminRoute } from "../admin-route.ts";
import { setFlash } from "../session-cookie.ts";
import { postButton } from "../ui/fields.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";

const PAGE_SIZE = 200;

/** What each message is, as a person says it. */
const KIND_LABELS: Record<MessageKind, string> = {
  change_notice: "Notice of a sub-processor change",
  authorisation_request: "Request for authorisation",
  dpo_reminder: "Reminder to the DPO: window closing",
  objection_alert: "Objection received (to the DPO)",
  objection_receipt: "Receipt of an objection (to the customer)",
  window_reminder: "Reminder to the customer: window closing",
  subscription_confirmation: "Confirmation of an e-mail subscription",
  subscriber_notice: "Announced change (to a subscriber)",
  change_effective: "Change in effect",
  change_withdrawn: "Change withdrawn",
  duty_reminder: "Reminder of a duty",
  review_reminder: "Reminder of a review",
  breach_notice: "Breach notification",
  breach_update: "Breach update",
  terms_notice: "Notice of a change of the terms",
  terms_effective: "Terms change in effect",
  terms_withdrawn: "Terms change withdrawn",
};

const STATUS_LABELS: Record<OutboxStatus, { label: string; badge: string }> = {
  pending: { label: "queued", badge: "warn" },
  sending: { label: "being sent", badge: "warn" },
  sent: { label: "sent", badge: "ok" },
  failed: { label: "failed", badge: "late" },
};

const kindLabel = (kind: string): string => KIND_LABELS[kind as MessageKind] ?? kind.replace(/_/g, " ");
const statusBadge = (status: OutboxStatus): Html =>
  html`<span class="badge ${STATUS_LABELS[status].badge}">${STATUS_LABELS[status].label}</span>`;

/**
 * The outbox for admins: every e-mail the register queued, whether it went,
 * and why not; a failed one can be put back in the queue once its cause is
 * fixed (the same as POST /api/v1/outbox/{id}/retry).
 */
export function registerOutboxPages(app: Hono<AppEnv>): void {
  adminRoute(app, "GET", "/admin/outbox", "operations:run", async (c) => {
    const db = c.get("ctx").store.db;
    const wanted = c.req.query("status");
    const status = OUTBOX_STATUSES.find((s) => s === wanted);
    const [summary, messages] = await Promise.all([outboxSummary(db), listOutbox(db, { status, limit: PAGE_SIZE })]);
    const csrf = c.get("session").csrfToken;
    const filters = html`<nav class="actions" aria-label="Show">${[undefined, ...OUTBOX_STATUSES].map((s) => {
      const label = s ? `${STATUS_LABELS[s].label} (${summary.counts[s]})` : "all";
      return s === status ? html`<strong>${label}</strong>` : html`<a href="/admin/outbox${s ? `?status=${s}` : ""}">${label}</a>`;
    })}</nav>`;
    const backlog = summary.oldestPendingCreatedAt
      ? html`<p>The oldest message not yet delivered was queued ${instant(summary.oldestPendingCreatedAt)}.</p>`
      : html`<p>Nothing is waiting to be sent.</p>`;
    const body = html`${backlog}${filters}${messages.length ? outboxTable(messages, csrf, status) : html`<p>No messages${status ? html` ${STATUS_LABELS[status].label}` : nothing}.</p>`}`;
    return renderPage(c, { title: "Outbox", body });
  });

  adminRoute(app, "GET", "/admin/outbox/:id", "operations:run", async (c) => {
    const message = await outboxMessage(c.get("ctx").store.db, c.req.param("id") ?? "");
    const csrf = c.get("session").csrfToken;
    const body = html`<dl class="facts">
<dt>Kind</dt><dd>${kindLabel(message.kind)}</dd>
<dt>To</dt><dd>${message.recipient}</dd>
<dt>Subject</dt><dd>${message.subject}</dd>
<dt>Status</dt><dd>${statusBadge(message.status)}${message.status === "sent" ? html` ${instant(message.sentAt)}` : nothing}</dd>
<dt>Queued</dt><dd>${instant(message.createdAt)}</dd>
<dt>Attempts</dt><dd>${message.attempts}${message.status === "pending" && message.attempts > 0 ? html`; next ${instant(message.nextAttemptAt)}` : nothing}</dd>
${message.lastError ? html`<dt>${message.status === "failed" ? "Why it failed" : "Last error"}</dt><dd>${message.lastError}</dd>` : nothing}
</dl>
${message.status === "failed" ? postButton({ action: `/admin/outbox/${seg(message.id)}/retry`, label: "Put back in the queue", csrf }) : nothing}
<h2>Message</h2>
<pre class="mail">${message.body}</pre>`;
    return renderPage(c, { title: message.subject, body, trail: [["/admin/outbox", "Outbox"]] });
  });

  adminRoute(app, "POST", "/admin/outbox/:id/retry", "operations:run", async (c) => {
    const ctx = c.get("ctx");
    const message = await retryMessage(ctx.store.db, c.req.param("id") ?? "", ctx.clock);
    setFlash(c, `Back in the queue: the message to ${message.recipient} goes with the next delivery run.`);
    return c.redirect(`/admin/outbox/${seg(message.id)}`, 303);
  });
}

function outboxTable(messages: OutboxMessage[], csrf: string, status: OutboxStatus | undefined): Html {
  return html`<div class="table-scroll"><table><caption class="hint">Newest first${status ? nothing : html`, every status`}; at most ${PAGE_SIZE}.</caption>
<thead><tr><th scope="col">Queued</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Kind</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Reason</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
<tbody>${messages.map(
    (
      m,
    ) => html`<tr><td>${instant(m.createdAt)}</td><td>${m.recipient}</td><td><a href="/admin/outbox/${seg(m.id)}">${m.subject}</a></td><td>${kindLabel(m.kind)}</td>
<td>${statusBadge(m.status)}${m.status === "sent" ? html` ${instant(m.sentAt)}` : nothing}</td><td>${m.attempts}</td><td>${m.lastError ?? ""}</td>
<td>${m.status === "failed" ? postButton({ action: `/admin/outbox/${seg(m.id)}/retry`, label: "Retry", csrf }) : nothing}</td></tr>`,
  )}</tbody></table></div>`;
}
