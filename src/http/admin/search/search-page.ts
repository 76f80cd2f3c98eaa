import type { Context, Hono } from "hono";
import { AppError } from "../../../core/kernel/errors.ts";
import { type SearchGroup, type SearchKind, searchRegister } from "../../../core/search/index.ts";
import type { AppEnv } from "../../env.ts";
import { adminRoute } from "../admin-route.ts";
import { errorSummary, FieldErrors, textField } from "../ui/fields.ts";
import { type Html, html, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";

const KINDS: Record<SearchKind, { label: string; path: string }> = {
  customer: { label: "Customers", path: "/admin/customers" },
  agreement: { label: "Agreements", path: "/admin/agreements" },
  sub_processor: { label: "Sub-processors", path: "/admin/sub-processors" },
  activity: { label: "Processing activities", path: "/admin/activities" },
  data_category: { label: "Data categories", path: "/admin/data-categories" },
  subject_category: { label: "Subject categories", path: "/admin/subject-categories" },
  security_measure: { label: "Security measures", path: "/admin/security-measures" },
};

/** GET /admin/search?q=: the register's search, results grouped by kind, each linking to its record. */
export function registerSearchPage(app: Hono<AppEnv>): void {
  adminRoute(app, "GET", "/admin/search", "register:read", searchPage);
}

function groupSection(group: SearchGroup): Html {
  const kind = KINDS[group.kind];
  const more =
    group.total > group.items.length
      ? html`<p class="hint">${group.total - group.items.length} more: add a word to narrow the search.</p>`
      : nothing;
  return html`<h2>${kind.label} (${group.total})</h2>
<ul>${group.items.map((item) => html`<li><a href="${kind.path}/${seg(item.id)}">${item.label}</a></li>`)}</ul>${more}`;
}

async function searchPage(c: Context<AppEnv>): Promise<Response> {
  const q = c.req.query("q") ?? "";
  const form = (errors: FieldErrors) => html`${errorSummary(errors, "Nothing was searched.")}
<form method="get" action="/admin/search" role="search">${textField({ name: "q", label: "Search the register", type: "search", value: q, errors, hint: "Names, descriptions, references, vendors, customers, in any language; any fragment of 3 characters or more." })}
<div class="actions"><button type="submit">Search</button></div></form>`;
  if (q.trim() === "") return renderPage(c, { title: "Search", body: form(new FieldErrors()) });
  try {
    const result = await searchRegister(c.get("ctx"), { q });
    const body = html`${form(new FieldErrors())}
${result.groups.length === 0 ? html`<p>Nothing in the register matches “${result.query}”.</p>` : result.groups.map(groupSection)}`;
    return renderPage(c, { title: `Search: ${result.query}`, body });
  } catch (error) {
    if (error instanceof AppError && error.code === "validation") {
      return renderPage(c, { title: "Search", body: form(new FieldErrors(error.issues)), status: 422 });
    }
    throw error;
  }
}
