import fc from "fast-check";
import type { z } from "zod";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { textProblem } from "../../src/core/kernel/input/text-rules.ts";
import { type Components, type JsonSchema, valid } from "../helpers/schema-arbitrary.ts";
import { memoryStore } from "../helpers/sqlite.ts";

// What the OpenAPI document allows, the validator takes: request bodies
// generated from the document's own schemas must pass the zod schemas the
// routes validate with (and the text rule every input goes through), so a
// client built from the document never meets a 422 the document did not
// announce. What is left for the use cases is the register's state (an id
// that names nothing, a workflow) and rules across records.

const EXAMPLES_PER_ROUTE = 200;

interface RouteDefinition {
  type: "route";
  route: { method: string; path: string; request?: { body?: { content: Record<string, { schema: z.ZodType }> } } };
}

describe("the OpenAPI document against the validator", () => {
  it(`lets through every request body it allows (${EXAMPLES_PER_ROUTE} generated per route)`, async () => {
    const app = createApp({ store: memoryStore() });
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: { "application/json"?: { schema: JsonSchema } } } }>>;
      components: { schemas: Components };
    };
    const routes = (app.openAPIRegistry.definitions as unknown as RouteDefinition[]).filter(
      (d) => d.type === "route" && d.route.request?.body,
    );
    expect(routes.length).toBeGreaterThan(20);
    const refused: string[] = [];
    for (const { route } of routes) {
      const validator = route.request?.body?.content["application/json"]?.schema;
      const documented = doc.paths[route.path]?.[route.method]?.requestBody?.content["application/json"]?.schema;
      if (!validator || !documented) throw new Error(`${route.method} ${route.path}: no JSON body in the document or the route`);
      for (const example of fc.sample(valid(documented, doc.components.schemas), { numRuns: EXAMPLES_PER_ROUTE, seed: 7 })) {
        const result = validator.safeParse(example);
        const text = JSON.stringify(example, (_key, value) => (typeof value === "string" && textProblem(value) ? "(bad text)" : value));
        if (!result.success || text.includes("(bad text)")) {
          const first = result.success ? "text rule" : `${result.error.issues[0]?.path.join(".")}: ${result.error.issues[0]?.message}`;
          refused.push(`${route.method.toUpperCase()} ${route.path} ${first}`);
        }
      }
    }
    const distinct = [...new Set(refused)].sort();
    expect(distinct, distinct.join("\n")).toEqual([]);
  }, 300_000);
});
