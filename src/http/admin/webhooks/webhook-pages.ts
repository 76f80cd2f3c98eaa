import type { Context, Hono } from "hono";
import type { Ctx } from "../../../core/kernel/context.ts";
import {
  createEndpoint,
  deleteEndpoint,
  deliveryWithAttempts,
  getEndpoint,
  listDeliveries,
  listEndpoints,
  redeliver,
  rotateEndpointSecret,
  updateEndpoint,
  WEBHOOK_EVENTS,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookEndpoint,
} from "../../../core/webhooks/index.ts";
import type { AppEnv, AppWiring } from "../../env.ts";
import { readForm } from "../../forms/form-reader.ts";
import { adminRoute } from "../admin-route.ts";
import { orFieldErrors } from "../people/form-errors.ts";
import { setFlash } from "../session-cookie.ts";
import { checkbox, checkboxes, csrfField, errorSummary, FieldErrors, postButton, textField } from "../ui/fields.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { t, uiNumber } from "../ui/ui-language.ts";

const STATUS_BADGES: Record<WebhookDelivery["status"], string> = { pending: "warn", sending: "warn", sent: "ok", failed: "late" };
const PAGE_SIZE = 100;

/** An event as a person reads it, with its code beside it for whoever writes the receiver. */
const eventLabel = (event: string): Html => html`${t(`admin.webhooks.event.${event}`)} <code>${event}</code>`;
const eventChoices = () => WEBHOOK_EVENTS.map((e) => ({ value: e, label: t(`admin.webhooks.event.${e}`) }));
const statusBadge = (status: WebhookDelivery["status"]): Html =>
  html`<span class="badge ${STATUS_BADGES[status]}">${t(`admin.outbox.status.${status}`)}</span>`;
const enabledBadge = (endpoint: WebhookEndpoint): Html =>
  endpoint.enabled
    ? html`<span class="badge ok">${t("admin.webhooks.enabled")}</span>`
    : html`<span class="badge blocked">${t("admin.webhooks.disabled")}</span>`;

interface EndpointForm {
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
}

async function postedEndpoint(c: Context<AppEnv>): Promise<EndpointForm> {
  const form = await readForm(c);
  return {
    url: form.only("url"),
    description: form.only("description"),
    events: form.all("events"),
    enabled: form.only("enabled") === "true",
  };
}

/**
 * Webhooks for the admin who connects other systems (the same as /api/v1/webhooks): endpoints,
 * what each was sent and how it answered, and redelivery. A signing secret is shown once, on the
 * page that made it, never in a redirect or a cookie.
 */
export function registerWebhookPages(app: Hono<AppEnv>, deps: AppWiring): void {
  const withPolicy = (ctx: Ctx): Ctx => ({ ...ctx, webhookPolicy: deps.webhookPolicy });

  adminRoute(app, "GET", "/admin/webhooks", "operations:run", (c) => endpointsPage(c, null, new FieldErrors()));

  adminRoute(app, "POST", "/admin/webhooks", "operations:run", async (c) => {
    const input = await postedEndpoint(c);
    const result = await orFieldErrors(() => createEndpoint(withPolicy(c.get("ctx")), input));
    if ("errors" in result) return endpointsPage(c, input, result.errors, 422);
    return endpointPage(c, result.ok.id, null, new FieldErrors(), 201, result.ok.secret);
  });

  adminRoute(app, "GET", "/admin/webhooks/:id", "operations:run", (c) => endpointPage(c, c.req.param("id") ?? "", null, new FieldErrors()));

  adminRoute(app, "POST", "/admin/webhooks/:id", "operations:run", async (c) => {
    const id = c.req.param("id") ?? "";
    const input = await postedEndpoint(c);
    const result = await orFieldErrors(() => updateEndpoint(withPolicy(c.get("ctx")), id, input));
    if ("errors" in result) return endpointPage(c, id, input, result.errors, 422);
    setFlash(c, t("admin.webhooks.savedFlash"));
    return c.redirect(`/admin/webhooks/${seg(id)}`, 303);
  });

  adminRoute(app, "POST", "/admin/webhooks/:id/secret", "operations:run", async (c) => {
    const rotated = await rotateEndpointSecret(c.get("ctx"), c.req.param("id") ?? "");
    return endpointPage(c, rotated.id, null, new FieldErrors(), 200, rotated.secret);
  });

  adminRoute(app, "POST", "/admin/webhooks/:id/delete", "operations:run", async (c) => {
    const id = c.req.param("id") ?? "";
    const { url } = await getEndpoint(c.get("ctx").store.db, id);
    await deleteEndpoint(c.get("ctx"), id);
    setFlash(c, t("admin.webhooks.deletedFlash", { url }));
    return c.redirect("/admin/webhooks", 303);
  });

  adminRoute(app, "GET", "/admin/webhooks/deliveries/:id", "operations:run", async (c) => {
    const db = c.get("ctx").store.db;
    const delivery = await deliveryWithAttempts(db, c.req.param("id") ?? "");
    const endpoint = await getEndpoint(db, delivery.endpointId).catch(() => null);
    const csrf = c.get("session").csrfToken;
    const body = html`<dl class="facts">
<dt>${t("admin.webhooks.event")}</dt><dd>${eventLabel(delivery.event)}</dd>
<dt>${t("admin.webhooks.endpoint")}</dt><dd>${endpoint ? html`<a href="/admin/webhooks/${seg(endpoint.id)}">${endpoint.url}</a>` : t("admin.webhooks.endpointDeleted")}</dd>
<dt>${t("admin.common.status")}</dt><dd>${statusBadge(delivery.status)}${delivery.sentAt ? html` ${instant(delivery.sentAt)}` : nothing}</dd>
<dt>${t("admin.outbox.queued")}</dt><dd>${instant(delivery.createdAt)}</dd>
<dt>${t("admin.webhooks.messageId")}</dt><dd><code>${delivery.id}</code></dd>
${delivery.status === "pending" && delivery.attempts > 0 ? html`<dt>${t("admin.webhooks.nextAttempt")}</dt><dd>${instant(delivery.nextAttemptAt)}</dd>` : nothing}
${delivery.lastError ? html`<dt>${t(delivery.status === "failed" ? "admin.outbox.whyFailed" : "admin.outbox.lastError")}</dt><dd>${delivery.lastError}</dd>` : nothing}
</dl>
${redeliverButton(delivery, csrf)}
<h2>${t("admin.webhooks.log")}</h2>
${delivery.log.length ? attemptTable(delivery.log) : html`<p>${t("admin.webhooks.log.empty")}</p>`}
<h2>${t("admin.webhooks.payload")}</h2>
<pre class="mail">${JSON.stringify(JSON.parse(delivery.payload), null, 2)}</pre>`;
    const trail: [string, string][] = [["/admin/webhooks", t("admin.webhooks.title")]];
    if (endpoint) trail.push([`/admin/webhooks/${seg(endpoint.id)}`, endpoint.url]);
    return renderPage(c, {
      title: t("admin.webhooks.delivery.title", { event: t(`admin.webhooks.event.${delivery.event}`) }),
      body,
      trail,
    });
  });

  adminRoute(app, "POST", "/admin/webhooks/deliveries/:id/redeliver", "operations:run", async (c) => {
    const ctx = c.get("ctx");
    const delivery = await redeliver(ctx.store.db, c.req.param("id") ?? "", ctx.clock);
    setFlash(c, t("admin.webhooks.redeliveredFlash"));
    return c.redirect(`/admin/webhooks/deliveries/${seg(delivery.id)}`, 303);
  });
}

function redeliverButton(delivery: WebhookDelivery, csrf: string): Html {
  if (delivery.status !== "sent" && delivery.status !== "failed") return nothing;
  return postButton({ action: `/admin/webhooks/deliveries/${seg(delivery.id)}/redeliver`, label: t("admin.webhooks.redeliver"), csrf });
}

function endpointFields(values: EndpointForm, errors: FieldErrors): Html {
  return html`${textField({ name: "url", label: t("admin.webhooks.url"), value: values.url, errors, required: true, type: "url", hint: t("admin.webhooks.url.hint") })}
${textField({ name: "description", label: t("admin.webhooks.description"), value: values.description, errors, hint: t("admin.webhooks.description.hint") })}
${checkboxes({ name: "events", label: t("admin.webhooks.events"), values: values.events, choices: eventChoices(), errors, required: true })}
${checkbox({ name: "enabled", label: t("admin.webhooks.enabledField"), checked: values.enabled, errors })}`;
}

async function endpointsPage(c: Context<AppEnv>, values: EndpointForm | null, errors: FieldErrors, status: 200 | 422 = 200) {
  const endpoints = await listEndpoints(c.get("ctx").store.db);
  const csrf = c.get("session").csrfToken;
  const table = endpoints.length
    ? html`<div class="table-scroll"><table><thead><tr><th scope="col">${t("admin.webhooks.url")}</th><th scope="col">${t("admin.webhooks.description")}</th><th scope="col">${t("admin.webhooks.events")}</th><th scope="col">${t("admin.common.status")}</th></tr></thead>
<tbody>${endpoints.map(
        (e) =>
          html`<tr><td><a href="/admin/webhooks/${seg(e.id)}">${e.url}</a></td><td>${e.description}</td><td>${uiNumber(e.events.length)}</td><td>${enabledBadge(e)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>${t("admin.webhooks.none")}</p>`;
  const form = values ?? { url: "", description: "", events: [], enabled: true };
  return renderPage(c, {
    title: t("admin.webhooks.title"),
    status,
    body: html`<p>${t("admin.webhooks.intro")}</p>
<p>${t("admin.webhooks.signing")}</p>
${table}
<h2>${t("admin.webhooks.add")}</h2>${errorSummary(errors)}
<form method="post" action="/admin/webhooks" class="narrow">${csrfField(csrf)}
${endpointFields(form, errors)}
<div class="actions"><button type="submit">${t("admin.webhooks.addButton")}</button></div></form>`,
  });
}

async function endpointPage(
  c: Context<AppEnv>,
  id: string,
  values: EndpointForm | null,
  errors: FieldErrors,
  status: 200 | 201 | 422 = 200,
  secret?: string,
) {
  const db = c.get("ctx").store.db;
  const endpoint = await getEndpoint(db, id);
  const deliveries = await listDeliveries(db, id, PAGE_SIZE);
  const csrf = c.get("session").csrfToken;
  const shownOnce = secret
    ? html`<div class="flash" role="status"><h2>${t("admin.webhooks.secret.heading")}</h2><p>${t("admin.webhooks.secret.copyNow")}</p><pre>${secret}</pre></div>`
    : nothing;
  const form = values ?? { url: endpoint.url, description: endpoint.description, events: endpoint.events, enabled: endpoint.enabled };
  const body = html`${shownOnce}<dl class="facts">
<dt>${t("admin.common.status")}</dt><dd>${enabledBadge(endpoint)}</dd>
<dt>${t("admin.webhooks.description")}</dt><dd>${endpoint.description || "–"}</dd>
<dt>${t("admin.webhooks.events")}</dt><dd><ul>${endpoint.events.map((e) => html`<li>${eventLabel(e)}</li>`)}</ul></dd>
<dt>${t("admin.webhooks.created")}</dt><dd>${instant(endpoint.createdAt)}</dd>
</dl>
<h2>${t("admin.webhooks.deliveries")}</h2>
${deliveries.length ? deliveryTable(deliveries, csrf) : html`<p>${t("admin.webhooks.deliveries.empty")}</p>`}
<h2>${t("admin.webhooks.edit")}</h2>${errorSummary(errors)}
<form method="post" action="/admin/webhooks/${seg(endpoint.id)}" class="narrow">${csrfField(csrf)}
${endpointFields(form, errors)}
<div class="actions"><button type="submit">${t("admin.common.save")}</button></div></form>
<h2>${t("admin.webhooks.secret")}</h2>
<p>${t("admin.webhooks.secret.rotateHint")}</p>
<div class="actions">${postButton({ action: `/admin/webhooks/${seg(endpoint.id)}/secret`, label: t("admin.webhooks.secret.rotate"), csrf })}
${postButton({ action: `/admin/webhooks/${seg(endpoint.id)}/delete`, label: t("admin.webhooks.delete"), csrf, danger: true })}</div>`;
  return renderPage(c, { title: endpoint.url, status, body, trail: [["/admin/webhooks", t("admin.webhooks.title")]] });
}

function deliveryTable(deliveries: WebhookDelivery[], csrf: string): Html {
  return html`<div class="table-scroll"><table><caption class="hint">${t("admin.webhooks.deliveries.caption", { max: PAGE_SIZE })}</caption>
<thead><tr><th scope="col">${t("admin.outbox.queued")}</th><th scope="col">${t("admin.webhooks.event")}</th><th scope="col">${t("admin.common.status")}</th><th scope="col">${t("admin.outbox.attempts")}</th><th scope="col">${t("admin.outbox.reason")}</th><th scope="col"><span class="visually-hidden">${t("admin.outbox.action")}</span></th></tr></thead>
<tbody>${deliveries.map(
    (d) => html`<tr><td><a href="/admin/webhooks/deliveries/${seg(d.id)}">${instant(d.createdAt)}</a></td><td>${eventLabel(d.event)}</td>
<td>${statusBadge(d.status)}</td><td>${uiNumber(d.attempts)}</td><td>${d.lastError ?? ""}</td><td>${redeliverButton(d, csrf)}</td></tr>`,
  )}</tbody></table></div>`;
}

function attemptTable(log: WebhookAttempt[]): Html {
  return html`<div class="table-scroll"><table><thead><tr><th scope="col">${t("admin.webhooks.attempt")}</th><th scope="col">${t("admin.webhooks.when")}</th><th scope="col">${t("admin.webhooks.answer")}</th><th scope="col">${t("admin.webhooks.duration")}</th><th scope="col">${t("admin.webhooks.detail")}</th></tr></thead>
<tbody>${log.map(
    (a) => html`<tr><td>${uiNumber(a.attempt)}</td><td>${instant(a.startedAt)}</td>
<td>${a.status === null ? html`<span class="badge late">${t("admin.webhooks.noAnswer")}</span>` : html`<span class="badge ${a.ok ? "ok" : "late"}">${a.status}</span>`}</td>
<td>${t("admin.webhooks.ms", { ms: uiNumber(a.durationMs) })}</td><td>${a.detail ? html`<code>${a.detail}</code>` : ""}</td></tr>`,
  )}</tbody></table></div>`;
}
