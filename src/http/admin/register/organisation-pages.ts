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
import { attempt, conflictPage, type FormView, formPage, postedRevision, postedView, redrawOf } from "./form-page.ts";
import { formErrors } from "./forms/form-errors.ts";
import { organisationForm } from "./forms/organisation-form.ts";
import { parseForm } from "./forms/parse-form.ts";
import { showFields } from "./forms/show-fields.ts";
import { historyPage } from "./history-page.ts";

const BASE = "/admin/organisation";
const TRAIL: [string, string][] = [[BASE, "Organisation"]];

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
      title: "History of the organisation profile",
      trail: TRAIL,
      entityType: "organisation",
      fields: organisationForm,
      path: `${BASE}/history`,
    }),
  );
}

async function viewProfile(c: Context<AppEnv>): Promise<Response> {
  const profile = await loadOrganisation(c.get("ctx").store.db);
  const role = c.get("actor").role;
  const actions = html`${can(role, "register:write") ? html`<a class="button" href="${BASE}/edit">${profile ? "Edit" : "Set up the profile"}</a>` : nothing}${
    can(role, "audit:read") ? html`<a href="${BASE}/history">History of the profile</a>` : nothing
  }`;
  const body = profile
    ? html`<div class="actions">${actions}</div>${showFields(organisationForm, withoutMeta(profile), new Map())}
<h2>Record</h2><dl class="facts"><dt>Revision</dt><dd>${profile.revision}</dd><dt>Last changed</dt><dd>${instant(profile.updatedAt)}</dd></dl>`
    : html`<p>The organisation profile has not been set up yet. Documents name the organisation from it.</p><div class="actions">${actions}</div>`;
  return renderPage(c, { title: profile ? profile.legalName : "Organisation", body });
}

function profileForm(c: Context<AppEnv>, values: unknown, revision: number, issues?: AppError, view?: FormView) {
  return formPage(c, {
    view,
    title: "Edit the organisation profile",
    trail: TRAIL,
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
    return conflictPage(c, { message: error.message, trail: TRAIL, view: BASE, edit: `${BASE}/edit` });
  }
  setFlash(c, "Saved.");
  return c.redirect(BASE, 303);
}
