import type { Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { publicOrganisation } from "../../core/feeds/index.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../core/kernel/context.ts";
import { AppError } from "../../core/kernel/errors.ts";
import { translate } from "../../core/kernel/i18n/localise.ts";
import type { Language } from "../../core/kernel/values/values.ts";
import {
  confirmSubscription,
  type Subscriber,
  subscribe,
  subscriptionOf,
  UNCONFIRMED_KEPT_DAYS,
  unsubscribe,
} from "../../core/subscriptions/index.ts";
import { rejectCrossSitePosts } from "../admin/form-guard.ts";
import { type Html, html } from "../admin/ui/html.ts";
import { renderBarePage } from "../admin/ui/page.ts";
import type { AppEnv, AppWiring } from "../env.ts";
import { readForm } from "../forms/form-reader.ts";
import { feedLanguage } from "./feed-language.ts";

/** Who the register's bookkeeping of subscriptions is done by: the visitor, not a user. */
const VISITOR = { ...SYSTEM_ACTOR, id: "public:subscription", name: "visitor of the public page", role: "read-only" as const };

/**
 * E-mail updates from the public sub-processor page, with double opt-in: the
 * form asks, a link sent to the address confirms (a button on the page the
 * link opens, so a mail scanner following links confirms nothing), and every
 * e-mail's link unsubscribes, deleting the address. The form's answer is the
 * same whatever the address's state. Cross-site posts are refused.
 */
export function registerSubscriptionRoutes(app: Hono<AppEnv>, deps: AppWiring): void {
  const ctxOf = () => ({ ...makeCtx(deps.store, VISITOR, deps.clock), publicBaseUrl: deps.publicBaseUrl });
  app.use("/public/subscriptions", rejectCrossSitePosts());
  app.use("/public/subscriptions/*", rejectCrossSitePosts());

  app.post("/public/subscriptions", async (c) => {
    const organisation = await publicOrganisation(deps.store.db);
    const { values } = await readForm(c);
    const lang = feedLanguage(values.lang, organisation.defaultLanguage);
    const t = words(lang, organisation.legalName);
    const wait = deps.limits.subscriptionsPerAddress.take(deps.clientAddress?.(c) ?? "unknown");
    if (wait > 0) {
      c.header("Retry-After", String(wait));
      return page(
        c,
        lang,
        t("title"),
        html`<p role="alert">${t("busy", { minutes: Math.max(1, Math.ceil(wait / 60)) })}</p>${back(t, lang)}`,
        429,
      );
    }
    try {
      await subscribe(ctxOf(), { email: values.email ?? "", language: lang });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "validation") throw error;
      return page(c, lang, t("title"), html`<p role="alert">${t("invalidEmail")}</p>${back(t, lang)}`, 422);
    }
    return page(c, lang, t("title"), html`<p role="status">${t("checkMailbox")}</p>${back(t, lang)}`);
  });

  app.get("/public/subscriptions/:token", async (c) => {
    const found = await subscriptionOf(ctxOf(), c.req.param("token"));
    return found ? stateOf(c, found) : invalid(c);
  });

  app.post("/public/subscriptions/:token/confirm", async (c) => {
    const confirmed = await confirmSubscription(ctxOf(), c.req.param("token"));
    return confirmed ? stateOf(c, confirmed) : invalid(c);
  });

  app.post("/public/subscriptions/:token/unsubscribe", async (c) => {
    const ctx = ctxOf();
    const found = await subscriptionOf(ctx, c.req.param("token"));
    if (!found || !(await unsubscribe(ctx, c.req.param("token")))) return invalid(c);
    const organisation = await publicOrganisation(deps.store.db);
    const t = words(found.language, organisation.legalName);
    return page(c, found.language, t("title"), html`<p role="status">${t("unsubscribed")}</p>${back(t, found.language)}`);
  });

  /** The subscription's page: confirm it while pending; unsubscribe once confirmed. */
  async function stateOf(c: Context, s: Subscriber): Promise<Response> {
    const organisation = await publicOrganisation(deps.store.db);
    const t = words(s.language, organisation.legalName);
    const token = c.req.param("token") ?? "";
    const action = (step: "confirm" | "unsubscribe", label: string) =>
      html`<form method="post" action="/public/subscriptions/${token}/${step}"><button type="submit">${label}</button></form>`;
    const body =
      s.status === "pending"
        ? html`<p>${t("pending", { email: s.email })}</p>${action("confirm", t("confirm"))}`
        : html`<p role="status">${t("confirmed", { email: s.email })}</p>${action("unsubscribe", t("unsubscribe"))}`;
    return page(c, s.language, t("title"), html`${body}${back(t, s.language)}`);
  }

  async function invalid(c: Context): Promise<Response> {
    const organisation = await publicOrganisation(deps.store.db);
    const lang = organisation.defaultLanguage;
    const t = words(lang, organisation.legalName);
    return page(c, lang, t("title"), html`<p role="alert">${t("invalid", { days: UNCONFIRMED_KEPT_DAYS })}</p>${back(t, lang)}`, 404);
  }
}

type Words = (key: string, params?: Record<string, string | number>) => string;

const words =
  (lang: Language, organisation: string): Words =>
  (key, params = {}) =>
    translate(lang, `subscription.page.${key}`, { organisation, ...params });

const back = (t: Words, lang: Language): Html => html`<p><a href="/public/sub-processors?lang=${lang}">${t("back")}</a></p>`;

/** Pages behind a personal link stay out of search engines. */
const page = (c: Context, lang: Language, title: string, body: Html, status: ContentfulStatusCode = 200) =>
  renderBarePage(c, { title, body: html`<div class="narrow">${body}</div>`, status, lang, noindex: true });
