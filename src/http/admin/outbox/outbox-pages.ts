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
import { t, uiNumber } from "../ui/ui-language.ts";

const PAGE_SIZE = 200;

/** What each message is, as a person says it: its message in the catalogue (the record names a kind added without one). */
const KIND_KEYS = {
  change_notice: "admin.outbox.kind.change_notice",
  authorisation_request: "admin.outbox.kind.authorisation_request",
  dpo_reminder: "admin.outbox.kind.dpo_reminder",
  objection_alert: "admin.outbox.kind.objection_alert",
  objection_receipt: "admin.outbox.kind.objection_receipt",
  window_reminder: "admin.outbox.kind.window_reminder",
  subscription_confirmation: "admin.outbox.kind.subscription_confirmation",
  subscriber_notice: "admin.outbox.kind.subscriber_notice",
  change_effective: "admin.outbox.kind.change_effective",
  change_withdrawn: "admin.outbox.kind.change_withdrawn",
  duty_reminder: "admin.outbox.kind.duty_reminder",
  review_reminder: "admin.outbox.kind.review_reminder",
  breach_notice: "admin.outbox.kind.breach_notice",
  breach_update: "admin.outbox.kind.breach_update",
  terms_notice: "admin.outbox.kind.terms_notice",
  terms_effective: "admin.outbox.kind.terms_effective",
  terms_withdrawn: "admin.outbox.kind.terms_withdrawn",
  webhook: "admin.outbox.kind.webhook",
} satisfies Record<MessageKind, string>;

const STATUS_BADGES: Record<OutboxStatus, string> = { pending: "warn", sending: "warn", sent: "ok", failed: "late" };

/** A stored kind this version does not know (a row from an older one) reads as its code in words. */
const kindLabel = (kind: string): string => (Object.hasOwn(KIND_KEYS, kind) ? t(KIND_KEYS[kind as MessageKind]) : kind.replace(/_/g, " "));
const statusLabel = (status: OutboxStatus): string => t(`admin.outbox.status.${status}`);
const statusBadge = (status: OutboxStatus): Html => html`<span class="badge ${STATUS_BADGES[status]}">${statusLabel(status)}</span>`;

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
    const filters = html`<nav class="actions" aria-label="${t("admin.outbox.filter.label")}">${[undefined, ...OUTBOX_STATUSES].map((s) => {
      const label = s ? `${statusLabel(s)} (${uiNumber(summary.counts[s])})` : t("admin.outbox.filter.all");
      return s === status ? html`<strong>${label}</strong>` : html`<a href="/admin/outbox${s ? `?status=${s}` : ""}">${label}</a>`;
    })}</nav>`;
    const backlog = summary.oldestPendingCreatedAt
      ? html`<p>${t("admin.outbox.oldestPending", { when: instant(summary.oldestPendingCreatedAt) })}</p>`
      : html`<p>${t("admin.outbox.nothingPending")}</p>`;
    const empty = html`<p>${t(status ? `admin.outbox.empty.${status}` : "admin.outbox.empty")}</p>`;
    const body = html`${backlog}${filters}${messages.length ? outboxTable(messages, csrf, status) : empty}`;
    return renderPage(c, { title: t("admin.outbox.title"), body });
  });

  adminRoute(app, "GET", "/admin/outbox/:id", "operations:run", async (c) => {
    const message = await outboxMessage(c.get("ctx").store.db, c.req.param("id") ?? "");
    const csrf = c.get("session").csrfToken;
    const body = html`<dl class="facts">
<dt>${t("admin.outbox.kind")}</dt><dd>${kindLabel(message.kind)}</dd>
<dt>${t("admin.outbox.to")}</dt><dd>${message.recipient}</dd>
<dt>${t("admin.outbox.subject")}</dt><dd>${message.subject}</dd>
<dt>${t("admin.common.status")}</dt><dd>${statusBadge(message.status)}${message.status === "sent" ? html` ${instant(message.sentAt)}` : nothing}</dd>
<dt>${t("admin.outbox.queued")}</dt><dd>${instant(message.createdAt)}</dd>
<dt>${t("admin.outbox.attempts")}</dt><dd>${attempts(message)}</dd>
${message.lastError ? html`<dt>${t(message.status === "failed" ? "admin.outbox.whyFailed" : "admin.outbox.lastError")}</dt><dd>${message.lastError}</dd>` : nothing}
</dl>
${message.status === "failed" ? postButton({ action: `/admin/outbox/${seg(message.id)}/retry`, label: t("admin.outbox.requeue"), csrf }) : nothing}
<h2>${t("admin.outbox.message")}</h2>
<pre class="mail">${message.body}</pre>`;
    return renderPage(c, { title: message.subject, body, trail: [["/admin/outbox", t("admin.outbox.title")]] });
  });

  adminRoute(app, "POST", "/admin/outbox/:id/retry", "operations:run", async (c) => {
    const ctx = c.get("ctx");
    const message = await retryMessage(ctx.store.db, c.req.param("id") ?? "", ctx.clock);
    setFlash(c, t("admin.outbox.requeuedFlash", { recipient: message.recipient }));
    return c.redirect(`/admin/outbox/${seg(message.id)}`, 303);
  });
}

/** A webhook's page is its delivery log (with each request's answer); an e-mail's is the message. */
const pageOf = (m: OutboxMessage): string =>
  m.kind === "webhook" ? `/admin/webhooks/deliveries/${seg(m.id)}` : `/admin/outbox/${seg(m.id)}`;

/** How often delivery was tried and, for one waiting to be tried again, when that is. */
const attempts = (message: OutboxMessage): string =>
  message.status === "pending" && message.attempts > 0
    ? t("admin.outbox.attemptsNext", { attempts: message.attempts, when: instant(message.nextAttemptAt) })
    : String(message.attempts);

function outboxTable(messages: OutboxMessage[], csrf: string, status: OutboxStatus | undefined): Html {
  const caption = t(status ? "admin.outbox.caption.status" : "admin.outbox.caption.all", { max: PAGE_SIZE });
  return html`<div class="table-scroll"><table><caption class="hint">${caption}</caption>
<thead><tr><th scope="col">${t("admin.outbox.queued")}</th><th scope="col">${t("admin.outbox.to")}</th><th scope="col">${t("admin.outbox.subject")}</th><th scope="col">${t("admin.outbox.kind")}</th><th scope="col">${t("admin.common.status")}</th><th scope="col">${t("admin.outbox.attempts")}</th><th scope="col">${t("admin.outbox.reason")}</th><th scope="col"><span class="visually-hidden">${t("admin.outbox.action")}</span></th></tr></thead>
<tbody>${messages.map(
    (
      m,
    ) => html`<tr><td>${instant(m.createdAt)}</td><td>${m.recipient}</td><td><a href="${pageOf(m)}">${m.subject}</a></td><td>${kindLabel(m.kind)}</td>
<td>${statusBadge(m.status)}${m.status === "sent" ? html` ${instant(m.sentAt)}` : nothing}</td><td>${m.attempts}</td><td>${m.lastError ?? ""}</td>
<td>${m.status === "failed" ? postButton({ action: `/admin/outbox/${seg(m.id)}/retry`, label: t("admin.outbox.retry"), csrf }) : nothing}</td></tr>`,
  )}</tbody></table></div>`;
}
