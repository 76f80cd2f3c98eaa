import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { getOrganisation, Organisation, OrganisationInput, putOrganisation } from "../../core/organisation/index.ts";
import type { AppEnv } from "../env.ts";
import { requirePermission } from "../middleware/auth.ts";
import { json, permissionOf, readErrors, security, writeErrors } from "./openapi-common.ts";
import { ETAG_HEADER, IfMatchHeader, ifMatchOf, tagged } from "./preconditions.ts";

export function registerOrganisationRoutes(app: OpenAPIHono<AppEnv>): void {
  const Output = Organisation.meta({ id: "Organisation" });
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/organisation",
      tags: ["Organisation"],
      summary: "The organisation's own profile",
      security,
      ...permissionOf("register:read"),
      middleware: [requirePermission("register:read")] as const,
      responses: { 200: { ...json(Output, "The profile."), headers: ETAG_HEADER }, ...readErrors },
    }),
    async (c) => tagged(c, await getOrganisation(c.get("ctx"))),
  );
  app.openapi(
    createRoute({
      method: "put",
      path: "/api/v1/organisation",
      tags: ["Organisation"],
      summary: "Set the organisation's profile",
      security,
      ...permissionOf("register:write"),
      middleware: [requirePermission("register:write")] as const,
      request: {
        headers: IfMatchHeader,
        body: { content: { "application/json": { schema: OrganisationInput.meta({ id: "OrganisationInput" }) } }, required: true },
      },
      responses: { 200: { ...json(Output, "Saved."), headers: ETAG_HEADER }, ...writeErrors },
    }),
    async (c) => tagged(c, await putOrganisation(c.get("ctx"), await c.req.json(), ifMatchOf(c))),
  );
}
