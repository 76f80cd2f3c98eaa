import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { SEARCH_KINDS, SearchQuery, searchRegister } from "../../core/search/index.ts";
import type { AppEnv } from "../env.ts";
import { requirePermission } from "../middleware/auth.ts";
import { json, permissionOf, readErrors, security } from "./openapi-common.ts";

const SearchOut = z
  .object({
    query: z.string(),
    groups: z.array(
      z.object({
        kind: z.enum(SEARCH_KINDS),
        items: z.array(z.object({ id: z.string(), label: z.string() })).describe("The best matches of this kind, at most 10."),
        total: z.int().describe("How many of the 200 best matches are of this kind."),
      }),
    ),
  })
  .meta({ id: "SearchResults" });

/** One search over the register, results grouped by kind. */
export function registerSearchRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/search",
      operationId: "searchRegister",
      tags: ["Search"],
      summary: "Search the register",
      description:
        "Names, descriptions, references, vendors and customers, in every language a text is in: any fragment of 3 characters or more (several fragments: all must match), best matches first, grouped by kind.",
      security,
      ...permissionOf("register:read"),
      middleware: [requirePermission("register:read")] as const,
      request: { query: SearchQuery },
      responses: { 200: json(SearchOut, "Grouped by kind, in a fixed order of kinds."), ...readErrors },
    }),
    async (c) => c.json(await searchRegister(c.get("ctx"), c.req.query()), 200),
  );
}
