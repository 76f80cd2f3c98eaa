import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { EntityMeta } from "../../../core/register/index.ts";
import { can } from "../../../core/kernel/roles.ts";
import type { AppEnv } from "../../env.ts";
import { csrfField } from "../ui/fields.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { loadNames } from "./choices.ts";
import { showFields } from "./forms/show-fields.ts";
import { referencedIds } from "./forms/referenced-ids.ts";
import { coreKind, type KindPage } from "./register-kinds.ts";

/** Every field of one entity, with links to what it refers to and, for writers, its actions. */
export async function viewPage(
  c: Context<AppEnv>,
  page: KindPage,
  entity: EntityMeta,
  problem?: { message: string; status: ContentfulStatusCode },
): Promise<Response> {
  const kind = coreKind(page);
  const values = kind.toInput(entity);
  const managed = page.managedFields ?? [];
  const ids = referencedIds(page.fields, values);
  referencedIds(managed, entity, ids);
  const names = await loadNames(c.get("ctx"), ids);
  const base = `/admin/${page.segment}/${seg(entity.id)}`;

  const body = html`${problem ? html`<div class="error-summary" role="alert"><p>${problem.message}</p></div>` : nothing}
${entity.archivedAt ? html`<p class="warning">Archived on ${instant(entity.archivedAt)}: kept for the record and earlier documents, but it can no longer change or be referred to.</p>` : nothing}
<div class="actions">${actions(c, page, entity, base)}</div>
${showFields(page.fields, values, names)}
${page.section ? await page.section(c, entity) : nothing}
<h2>Record</h2>
${managed.length ? showFields(managed, entity, names) : nothing}
<dl class="facts"><dt>Identifier</dt><dd><code>${entity.id}</code></dd><dt>Revision</dt><dd>${entity.revision}</dd>
<dt>Created</dt><dd>${instant(entity.createdAt)}</dd><dt>Last changed</dt><dd>${instant(entity.updatedAt)}</dd></dl>`;

  return renderPage(c, {
    title: page.title(entity),
    trail: [[`/admin/${page.segment}`, page.plural]],
    body,
    status: problem?.status,
  });
}

function actions(c: Context<AppEnv>, page: KindPage, entity: EntityMeta, base: string): Html {
  const role = c.get("actor").role;
  const parts: Html[] = [];
  if (can(role, page.writePermission) && !entity.archivedAt) {
    parts.push(html`<a class="button" href="${base}/edit">Edit</a>`);
    const archives = coreKind(page).removal === "archive";
    const verb = archives ? "Archive" : "Delete";
    parts.push(
      html`<form method="post" action="${base}/${verb.toLowerCase()}" class="inline" data-confirm="${verb} this ${page.singular}?">${csrfField(c.get("session").csrfToken)}<button type="submit" class="danger">${verb}</button></form>`,
    );
  }
  if (coreKind(page).directWriteIssues && can(role, "register:correct") && !entity.archivedAt) {
    parts.push(html`<a href="${base}/correct">Correct a mistake (admin)</a>`);
  }
  if (can(role, "audit:read")) parts.push(html`<a href="${base}/history">History of this ${page.singular}</a>`);
  return html`${parts}`;
}
