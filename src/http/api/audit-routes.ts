import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { AuditEntry, AuditFilter, listAuditEntries } from "../../core/evidence/index.ts";
import type { AppEnv } from "../env.ts";
import { requirePermission } from "../middleware/auth.ts";
import { json, permissionOf, readErrors, security } from "./openapi-common.ts";

export function registerAuditRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/audit",
      tags: ["Audit"],
      summary: "The audit log: every change with before and after",
      security,
      ...permissionOf("audit:read"),
      middleware: [requirePermission("audit:read")] as const,
      request: { query: AuditFilter },
      responses: {
        200: json(
          z.object({ items: z.array(AuditEntry.meta({ id: "AuditEntry" })), nextCursor: z.string().nullable() }),
          "One page, oldest first.",
        ),
        ...readErrors,
      },
    }),
    async (c) => c.json(await listAuditEntries(c.get("ctx"), c.req.query()), 200),
  );
}
