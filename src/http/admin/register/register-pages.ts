import type { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { registerKindRoutes } from "./kind-routes.ts";
import { registerOrganisationPages } from "./organisation-pages.ts";
import { KIND_PAGES } from "./register-kinds.ts";

/** The register's pages: the organisation profile, then list, view, forms and history of every entity kind. */
export function registerRegisterPages(app: Hono<AppEnv>): void {
  registerOrganisationPages(app);
  for (const page of KIND_PAGES) registerKindRoutes(app, page);
}
