import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { can, type Permission } from "../../../core/kernel/roles.ts";
import type { SignedInSession } from "../../../core/accounts/index.ts";
import type { AppEnv } from "../../env.ts";
import { takeFlash } from "../session-cookie.ts";
import { ASSET_PATHS } from "./assets.ts";
import { csrfField } from "./fields.ts";
import { type Html, html, nothing } from "./html.ts";
import { t, uiLanguage } from "./ui-language.ts";

interface NavItem {
  href: string;
  /** Its key in templates/messages/admin/common. */
  label: string;
  needs?: Permission;
}

const NAV: NavItem[] = [
  { href: "/admin", label: "admin.common.nav.dashboard" },
  { href: "/admin/organisation", label: "admin.common.nav.organisation" },
  { href: "/admin/activities", label: "admin.common.nav.activities" },
  { href: "/admin/data-categories", label: "admin.common.nav.dataCategories" },
  { href: "/admin/subject-categories", label: "admin.common.nav.subjectCategories" },
  { href: "/admin/security-measures", label: "admin.common.nav.securityMeasures" },
  { href: "/admin/sub-processors", label: "admin.common.nav.subProcessors" },
  { href: "/admin/customers", label: "admin.common.nav.customers" },
  { href: "/admin/agreements", label: "admin.common.nav.agreements" },
  { href: "/admin/obligations", label: "admin.common.nav.obligations" },
  { href: "/admin/customer-audits", label: "admin.common.nav.customerAudits" },
  { href: "/admin/breaches", label: "admin.common.nav.breaches" },
  { href: "/admin/changes", label: "admin.common.nav.changes" },
  { href: "/admin/terms-changes", label: "admin.common.nav.termsChanges" },
  { href: "/admin/documents", label: "admin.common.nav.documents" },
  { href: "/admin/onboarding", label: "admin.common.nav.onboarding", needs: "register:write" },
  { href: "/admin/audit", label: "admin.common.nav.audit", needs: "audit:read" },
  { href: "/admin/outbox", label: "admin.common.nav.outbox", needs: "operations:run" },
  { href: "/admin/webhooks", label: "admin.common.nav.webhooks", needs: "operations:run" },
  { href: "/admin/users", label: "admin.common.nav.users", needs: "tokens:manage" },
  { href: "/admin/tokens", label: "admin.common.nav.tokens", needs: "tokens:manage" },
];

export interface PageOptions {
  title: string;
  body: Html;
  status?: ContentfulStatusCode;
  /** Breadcrumb links above the title, e.g. [["/admin/activities", "Activities"]]. */
  trail?: [string, string][];
}

/** A full admin page for the signed-in user: navigation, one-time message, content. */
export function renderPage(c: Context<AppEnv>, o: PageOptions): Response | Promise<Response> {
  const session = c.get("session");
  const flash = takeFlash(c);
  c.header("cache-control", "no-store");
  return c.html(shell({ title: o.title, session, path: c.req.path, flash, trail: o.trail ?? [], body: o.body }), o.status ?? 200);
}

/**
 * A page for someone who is not signed in (sign-in, customer objection pages,
 * errors). `noindex` keeps pages behind capability links out of search engines.
 */
export function renderBarePage(c: Context, o: PageOptions & { lang?: string; noindex?: boolean }): Response | Promise<Response> {
  c.header("cache-control", "no-store");
  if (o.noindex) c.header("x-robots-tag", "noindex, nofollow");
  return c.html(
    shell({ title: o.title, path: c.req.path, trail: [], body: o.body, lang: o.lang ?? uiLanguage(), noindex: o.noindex }),
    o.status ?? 200,
  );
}

function shell(o: {
  title: string;
  session?: SignedInSession;
  path: string;
  flash?: string;
  trail: [string, string][];
  body: Html;
  lang?: string;
  noindex?: boolean;
}): Html {
  return html`<!doctype html>
<html lang="${o.lang ?? uiLanguage()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${o.noindex ? html`<meta name="robots" content="noindex">` : nothing}
<title>${o.title} · DPA register</title>
<link rel="stylesheet" href="${ASSET_PATHS.css}"><script src="${ASSET_PATHS.js}" defer></script></head>
<body><a class="skip" href="#main">${t("admin.common.skip")}</a>
<header class="top"><span class="brand">DPA register</span>${o.session ? searchBox() : nothing}${o.session ? userBox(o.session) : nothing}</header>
<div class="layout">${o.session ? nav(o.session, o.path) : nothing}
<main id="main" tabindex="-1">
${o.trail.length ? html`<nav aria-label="${t("admin.common.breadcrumb")}" class="trail"><ol>${o.trail.map(([href, label]) => html`<li><a href="${href}">${label}</a></li>`)}</ol></nav>` : nothing}
<h1>${o.title}</h1>
${o.flash ? html`<p class="flash" role="status">${o.flash}</p>` : nothing}
${o.body}
</main></div></body></html>`;
}

/** The register's search box, on every signed-in page (a GET form: it works without script). */
function searchBox(): Html {
  return html`<form method="get" action="/admin/search" class="inline search" role="search"><label for="site-search" class="visually-hidden">${t("admin.common.search.label")}</label><input id="site-search" name="q" type="search" placeholder="${t("admin.common.search.label")}" minlength="3" maxlength="200"> <button type="submit">${t("admin.common.search.button")}</button></form>`;
}

function userBox(session: SignedInSession): Html {
  return html`<div class="user"><a href="/admin/account">${session.user.name}</a> <span class="role">${t(`admin.common.role.${session.user.role}`)}</span>
<form method="post" action="/admin/sign-out" class="inline">${csrfField(session.csrfToken)}<button type="submit" class="link">${t("admin.common.signOut")}</button></form></div>`;
}

function nav(session: SignedInSession, path: string): Html {
  const items = NAV.filter((i) => !i.needs || can(session.user.role, i.needs));
  const current = (href: string) => (href === "/admin" ? path === "/admin" : path === href || path.startsWith(`${href}/`));
  return html`<nav aria-label="${t("admin.common.mainNav")}" class="side"><ul>${items.map(
    (i) => html`<li><a href="${i.href}"${current(i.href) ? html` aria-current="page"` : nothing}>${t(i.label)}</a></li>`,
  )}</ul></nav>`;
}
