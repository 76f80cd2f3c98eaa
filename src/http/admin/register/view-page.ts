import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { EntityMeta } from "../../../core/register/index.ts";
import { can } from "../../../core/kernel/roles.ts";
import type { AppEnv } from "../../env.ts";
import { csrfField } from "../ui/fields.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { t, uiMessage } from "../ui/ui-language.ts";
import { loadNames } from "./choices.ts";
import { showFields } from "./forms/show-fields.ts";
import { referencedIds } from "./forms/referenced-ids.ts";
import { coreKind, type KindPage, kindText } from "./register-kinds.ts";

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

  const body = html`${problem ? html`<div class="error-summary" role="alert"><p>${uiMessage(problem.message)}</p></div>` : nothing}
${entity.archivedAt ? html`<p class="warning">${t("admin.register.view.archivedNotice", { at: instant(entity.archivedAt) })}</p>` : nothing}
<div class="actions">${actions(c, page, entity, base)}</div>
${showFields(page.fields, values, names)}
${page.section ? await page.section(c, entity) : nothing}
<h2>${t("admin.register.view.record")}</h2>
${managed.length ? showFields(managed, entity, names) : nothing}
<dl class="facts"><dt>${t("admin.register.view.identifier")}</dt><dd><code>${entity.id}</code></dd><dt>${t("admin.register.view.revision")}</dt><dd>${entity.revision}</dd>
<dt>${t("admin.register.view.created")}</dt><dd>${instant(entity.createdAt)}</dd><dt>${t("admin.register.view.lastChanged")}</dt><dd>${instant(entity.updatedAt)}</dd></dl>`;

  return renderPage(c, {
    title: page.title(entity),
    trail: [[`/admin/${page.segment}`, kindText(page, "plural")]],
    body,
    status: problem?.status,
  });
}

function actions(c: Context<AppEnv>, page: KindPage, entity: EntityMeta, base: string): Html {
  const role = c.get("actor").role;
  const parts: Html[] = [];
  if (can(role, page.writePermission) && !entity.archivedAt) {
    parts.push(html`<a class="button" href="${base}/edit">${t("admin.common.edit")}</a>`);
    parts.push(removalForm(c, page, base));
  }
  if (coreKind(page).directWriteIssues && can(role, "register:correct") && !entity.archivedAt) {
    parts.push(html`<a href="${base}/correct">${t("admin.register.view.correct")}</a>`);
  }
  if (can(role, "audit:read")) parts.push(html`<a href="${base}/history">${kindText(page, "history")}</a>`);
  return html`${parts}`;
}

/** The kind's one way of removing an entity, archiving or deleting, as a button that asks first. */
function removalForm(c: Context<AppEnv>, page: KindPage, base: string): Html {
  const removal = coreKind(page).removal;
  const confirm = kindText(page, removal === "archive" ? "confirmArchive" : "confirmDelete");
  return html`<form method="post" action="${base}/${removal}" class="inline" data-confirm="${confirm}">${csrfField(c.get("session").csrfToken)}<button type="submit" class="danger">${t(`admin.register.view.${removal}`)}</button></form>`;
}
