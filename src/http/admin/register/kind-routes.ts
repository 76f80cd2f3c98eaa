import type { Context, Hono } from "hono";
import { listAuditEntries } from "../../../core/evidence/index.ts";
import { AppError } from "../../../core/kernel/errors.ts";
import { archiveEntity, deleteEntity, getEntity } from "../../../core/register/index.ts";
import type { AppEnv } from "../../env.ts";
import { adminRoute } from "../admin-route.ts";
import { setFlash } from "../session-cookie.ts";
import { seg } from "../ui/html.ts";
import { t } from "../ui/ui-language.ts";
import { correctFromForm, correctionForm, createFromForm, editForm, newForm, updateFromForm } from "./entity-forms.ts";
import { historyPage } from "./history-page.ts";
import { listPage } from "./list-page.ts";
import { coreKind, type KindPage, kindText } from "./register-kinds.ts";
import { viewPage } from "./view-page.ts";

const idOf = (c: Context<AppEnv>) => c.req.param("id") ?? "";

/**
 * List, view, new, edit, archive-or-delete and history pages of one register
 * kind. Fixed paths ("new") are registered before "/:id" so they win.
 */
export function registerKindRoutes(app: Hono<AppEnv>, page: KindPage): void {
  const kind = coreKind(page);
  const base = `/admin/${page.segment}`;
  const write = page.writePermission;
  const load = (c: Context<AppEnv>) => getEntity(c.get("ctx"), kind, idOf(c));

  adminRoute(app, "GET", base, "register:read", (c) => listPage(c, page));
  adminRoute(app, "GET", `${base}/new`, write, (c) => newForm(c, page));
  adminRoute(app, "POST", base, write, (c) => createFromForm(c, page));
  adminRoute(app, "GET", `${base}/:id`, "register:read", async (c) => viewPage(c, page, await load(c)));
  adminRoute(app, "GET", `${base}/:id/edit`, write, async (c) => editForm(c, page, await load(c)));
  adminRoute(app, "POST", `${base}/:id`, write, (c) => updateFromForm(c, page));

  // Kinds whose fields partly follow a workflow (sub-processors): an admin corrects a real mistake, with a reason.
  if (kind.directWriteIssues) {
    adminRoute(app, "GET", `${base}/:id/correct`, "register:correct", async (c) => correctionForm(c, page, await load(c)));
    adminRoute(app, "POST", `${base}/:id/correct`, "register:correct", (c) => correctFromForm(c, page));
  }

  if (kind.removal === "archive") {
    adminRoute(app, "POST", `${base}/:id/archive`, write, async (c) => {
      const archived = await archiveEntity(c.get("ctx"), kind, idOf(c));
      setFlash(c, t("admin.register.flash.archived"));
      return c.redirect(`${base}/${seg(archived.id)}`, 303);
    });
  } else {
    adminRoute(app, "POST", `${base}/:id/delete`, write, async (c) => {
      const entity = await load(c);
      try {
        await deleteEntity(c.get("ctx"), kind, entity.id);
      } catch (error) {
        // Still in use: the entity's page again, saying what uses it.
        if (error instanceof AppError && error.code === "conflict")
          return viewPage(c, page, entity, { message: error.message, status: 409 });
        throw error;
      }
      setFlash(c, kindText(page, "deleted", { title: page.title(entity) }));
      return c.redirect(base, 303);
    });
  }

  adminRoute(app, "GET", `${base}/:id/history`, "audit:read", async (c) => {
    // A deleted entity keeps its history: the title then comes from the last audit entry.
    const entity = await load(c).catch((error) => {
      if (error instanceof AppError && error.code === "not_found") return null;
      throw error;
    });
    // The path may name the record by its reference; the history is filed under its id.
    const id = entity?.id ?? idOf(c);
    const title = entity ? page.title(entity) : await deletedTitle(c, page, id);
    return historyPage(c, {
      title: t("admin.register.history.title", { title }),
      trail: [[base, kindText(page, "plural")], ...(entity ? [[`${base}/${seg(id)}`, title] as [string, string]] : [])],
      entityType: kind.type,
      entityId: id,
      fields: [...page.fields, ...(page.managedFields ?? [])],
      path: `${base}/${seg(id)}/history`,
    });
  });
}

async function deletedTitle(c: Context<AppEnv>, page: KindPage, id: string): Promise<string> {
  if (id.length > 60) throw new AppError("not_found", kindText(page, "notFound", { id }));
  const { items } = await listAuditEntries(c.get("ctx"), { entityType: coreKind(page).type, entityId: id, limit: "1" });
  const first = items[0];
  if (!first) throw new AppError("not_found", kindText(page, "notFoundNoHistory", { id }));
  return t("admin.register.history.deletedTitle", { title: page.title((first.after ?? first.before) as never) });
}
