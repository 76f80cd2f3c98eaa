import { z } from "@hono/zod-openapi";
import type { NamedRecord } from "../../core/register/index.ts";
import type { Permission } from "../../core/kernel/roles.ts";

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string().describe("The request's id, as in the Request-Id response header; quote it when reporting a problem."),
    errors: z
      .array(z.object({ field: z.string(), pointer: z.string(), message: z.string() }))
      .optional()
      .describe("One entry per bad field."),
  })
  .openapi("Problem");

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: Problem } },
});

/** Error responses every authenticated route can give. */
export const commonErrors = {
  401: problem("No valid API token."),
  403: problem("The token's role may not do this."),
};

export const writeErrors = {
  ...commonErrors,
  400: problem("Malformed JSON."),
  404: problem("Not found."),
  409: problem("Conflicts with the register's current state."),
  412: problem("If-Match names a revision the record has moved on from; nothing was changed."),
  413: problem("Body too large."),
  415: problem("Body is not JSON."),
  422: problem("Invalid fields; each is named."),
};

export const readErrors = { ...commonErrors, 404: problem("Not found."), 422: problem("Invalid query parameters.") };

export const IdParam = z.object({
  id: z.uuid().openapi({ param: { name: "id", in: "path" }, description: "The entity's id." }),
});

/** The path parameter of a record people also name by its reference: either works. */
export const namedIdParam = (named: NamedRecord, name = "id") =>
  z.object({
    [name]: z.string().openapi({
      param: { name, in: "path" },
      description: `The ${named.label}'s id or its reference (e.g. ${named.example}).`,
      example: named.example,
    }),
  });

export const security = [{ bearer: [] }];

/** Routes carry their permission into the OpenAPI document, so the docs and the matrix test read the same rule. */
export const permissionOf = (permission: Permission) => ({ "x-required-permission": permission });

export const json = <T>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
