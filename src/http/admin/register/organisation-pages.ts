import type { Context, Hono } from "hono";
import { AppError } from "../../../core/kernel/errors.ts";
import { loadOrganisation, OrganisationInput, putOrganisation } from "../../../core/organisation/index.ts";
import { can } from "../../../core/kernel/roles.ts";
import { withoutMeta } from "../../../core/register/index.ts";
import type { AppEnv } from "../../env.ts";
import { readForm } from "../../forms/form-reader.ts";
import { adminRoute } from "../admin-route.ts";
import { setFlash } from "../session-cookie.ts";
import { html, instant, nothing } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { t } from "../ui/ui-language.ts";
import { attempt, conflictPage, type FormView, formPage, postedRevision, postedView, redrawOf } from "./form-page.ts";
import { formErrors } from "./forms/form-errors.ts";
import { organisationForm } from "./forms/organisation-form.ts";
import { parseForm } from "./forms/parse-form.ts";
import { showFields } from "./forms/show-fields.ts";
import { historyPage } from "./history-page.ts";

const BASE = "/admin/organisation";
/** The breadcrumb back to the profile, named in the page's language. */
const trail = (): [string, string][] => [[BASE, t("admin.common.nav.organisation")]];

/** The organisation's own profile: one record, shown, edited and audited like the register's entities. */
export function registerOrganisationPages(app: Hono<AppEnv>): void {
  adminRoute(app, "GET", BASE, "register:read", viewProfile);
  adminRoute(app, "GET", `${BASE}/edit`, "register:write", async (c) => {
    const current = await loadOrganisation(c.get("ctx").store.db);
    return profileForm(c, current ? withoutMeta(current) : { defaultLanguage: "en" }, current?.revision ?? 0);
  });
  adminRoute(app, "POST", BASE, "register:write", saveProfile);
  // The register has one profile, so its entity type alone selects its history.
  adminRoute(app, "GET", `${BASE}/history`, "audit:read", (c) =>
    historyPage(c, {
      title: t("admin.register.organisation.historyTitle"),
      trail: trail(),
      entityType: "organisation",
      fields: organisationForm,
      path: `${BASE}/history`,
    }),
  );
}

async function viewProfile(c: Context<AppEnv>): Promise<Response> {
  const profile = await loadOrganisation(c.get("ctx").store.db);
  const role = c.get("actor").role;
  const actions = html`${can(role, "register:write") ? html`<a class="button" href="${BASE}/edit">${profile ? t("admin.common.edit") : t("admin.register.organisation.setUp")}</a>` : nothing}${
    can(role, "audit:read") ? html`<a href="${BASE}/history">${t("admin.register.organisation.historyLink")}</a>` : nothing
  }`;
  const body = profile
    ? html`<div class="actions">${actions}</div>${showFields(organisationForm, withoutMeta(profile), new Map())}
<h2>${t("admin.register.view.record")}</h2>${recordFacts(profile)}`
    : html`<p>${t("admin.register.organisation.notSetUp")}</p><div class="actions">${actions}</div>`;
  return renderPage(c, { title: profile ? profile.legalName : t("admin.common.nav.organisation"), body });
}

/** The profile's bookkeeping: its revision and when it last changed. */
const recordFacts = (profile: { revision: number; updatedAt: string }) =>
  html`<dl class="facts"><dt>${t("admin.register.view.revision")}</dt><dd>${profile.revision}</dd><dt>${t("admin.register.view.lastChanged")}</dt><dd>${instant(profile.updatedAt)}</dd></dl>`;

function profileForm(c: Context<AppEnv>, values: unknown, revision: number, issues?: AppError, view?: FormView) {
  return formPage(c, {
    view,
    title: t("admin.register.organisation.editTitle"),
    trail: trail(),
    action: BASE,
    cancel: BASE,
    fields: organisationForm,
    values,
    revision,
    errors: issues ? formErrors(organisationForm, issues.issues, values) : undefined,
    status: issues ? 422 : undefined,
  });
}

async function saveProfile(c: Context<AppEnv>): Promise<Response> {
  const posted = await readForm(c);
  const revision = postedRevision(posted);
  const values = parseForm(organisationForm, posted, OrganisationInput);
  const redraw = redrawOf(posted, values);
  if (redraw) return profileForm(c, redraw.values, revision, undefined, redraw.view);
  try {
    const result = await attempt(() => putOrganisation(c.get("ctx"), values, { expectedRevision: revision }));
    if ("issues" in result) return profileForm(c, values, revision, result.issues, postedView(posted));
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "conflict") throw error;
    return conflictPage(c, { message: error.message, trail: trail(), view: BASE, edit: `${BASE}/edit` });
  }
  setFlash(c, t("admin.register.flash.saved"));
  return c.redirect(BASE, 303);
}
