import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { ApiToken, CreatedToken, createToken, listTokens, revokeToken, TokenInput } from "../../core/accounts/index.ts";
import type { AppEnv } from "../env.ts";
import { requirePermission } from "../middleware/auth.ts";
import { IdParam, json, permissionOf, readErrors, security, writeErrors } from "./openapi-common.ts";

export function registerTokenRoutes(app: OpenAPIHono<AppEnv>): void {
  const manage = requirePermission("tokens:manage");
  const Token = ApiToken.meta({ id: "ApiToken" });
  const common = { tags: ["API tokens"], security, ...permissionOf("tokens:manage"), middleware: manage };
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/tokens",
      summary: "List API tokens (never their secrets)",
      ...common,
      responses: { 200: json(z.object({ items: z.array(Token) }), "All tokens, newest first."), ...readErrors },
    }),
    async (c) => c.json({ items: await listTokens(c.get("ctx")) }, 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/tokens",
      summary: "Create an API token",
      ...common,
      request: { body: { content: { "application/json": { schema: TokenInput.meta({ id: "TokenInput" }) } }, required: true } },
      responses: {
        201: json(CreatedToken.meta({ id: "CreatedToken" }), "Created; the secret is in `token`, shown this once."),
        ...writeErrors,
      },
    }),
    async (c) => c.json(await createToken(c.get("ctx"), await c.req.json()), 201),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/tokens/{id}/revoke",
      summary: "Revoke an API token",
      ...common,
      request: { params: IdParam },
      responses: { 200: json(Token, "Revoked: requests with it are refused from now on."), ...writeErrors },
    }),
    async (c) => c.json(await revokeToken(c.get("ctx"), c.req.valid("param").id), 200),
  );
}
