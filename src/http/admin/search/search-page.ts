import type { Context, Hono } from "hono";
import { AppError } from "../../../core/kernel/errors.ts";
import { type SearchGroup, type SearchKind, searchRegister } from "../../../core/search/index.ts";
import type { AppEnv } from "../../env.ts";
import { adminRoute } from "../admin-route.ts";
import { errorSummary, FieldErrors, textField } from "../ui/fields.ts";
import { type Html, html, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { t, uiNumber } from "../ui/ui-language.ts";

/** Where each kind's records live; its heading is the catalogue's "admin.search.kind.<kind>". */
const PATHS: Record<SearchKind, string> = {
  customer: "/admin/customers",
  agreement: "/admin/agreements",
  sub_processor: "/admin/sub-processors",
  activity: "/admin/activities",
  data_category: "/admin/data-categories",
  subject_category: "/admin/subject-categories",
  security_measure: "/admin/security-measures",
};

/** GET /admin/search?q=: the register's search, results grouped by kind, each linking to its record. */
export function registerSearchPage(app: Hono<AppEnv>): void {
  adminRoute(app, "GET", "/admin/search", "register:read", searchPage);
}

function groupSection(group: SearchGroup): Html {
  const path = PATHS[group.kind];
  const more =
    group.total > group.items.length
      ? html`<p class="hint">${t("admin.search.more", { n: uiNumber(group.total - group.items.length) })}</p>`
      : nothing;
  return html`<h2>${t(`admin.search.kind.${group.kind}`)} (${uiNumber(group.total)})</h2>
<ul>${group.items.map((item) => html`<li><a href="${path}/${seg(item.id)}">${item.label}</a></li>`)}</ul>${more}`;
}

async function searchPage(c: Context<AppEnv>): Promise<Response> {
  const q = c.req.query("q") ?? "";
  const form = (errors: FieldErrors) => html`${errorSummary(errors, t("admin.search.nothingSearched"))}
<form method="get" action="/admin/search" role="search">${textField({ name: "q", label: t("admin.common.search.label"), type: "search", value: q, errors, hint: t("admin.search.hint") })}
<div class="actions"><button type="submit">${t("admin.common.search.button")}</button></div></form>`;
  if (q.trim() === "") return renderPage(c, { title: t("admin.search.title"), body: form(new FieldErrors()) });
  try {
    const result = await searchRegister(c.get("ctx"), { q });
    const body = html`${form(new FieldErrors())}
${result.groups.length === 0 ? html`<p>${t("admin.search.noMatch", { query: result.query })}</p>` : result.groups.map(groupSection)}`;
    return renderPage(c, { title: t("admin.search.titleWithQuery", { query: result.query }), body });
  } catch (error) {
    if (error instanceof AppError && error.code === "validation") {
      return renderPage(c, { title: t("admin.search.title"), body: form(new FieldErrors(error.issues)), status: 422 });
    }
    throw error;
  }
}
