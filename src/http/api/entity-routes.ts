import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  type AnyEntityKind,
  archiveEntity,
  correctEntity,
  CorrectionInput,
  createEntity,
  deleteEntity,
  getEntity,
  listEntities,
  listQuery,
  updateEntity,
} from "../../core/register/index.ts";
import type { Permission } from "../../core/kernel/roles.ts";
import type { AppEnv } from "../env.ts";
import { requirePermission } from "../middleware/auth.ts";
import { completeResponse } from "../complete-response.ts";
import { IdParam, json, namedIdParam, permissionOf, readErrors, security, writeErrors } from "./openapi-common.ts";
import { rememberedUntilChange } from "../../core/kernel/remembered.ts";
import { ETAG_HEADER, etagOf, IfMatchHeader, ifMatchOf, jsonBytes, jsonText, tagged } from "./preconditions.ts";

export interface EntityRouteSpec {
  segment: string;
  kind: AnyEntityKind;
  /** Component name in the OpenAPI document, e.g. "DataCategory". */
  schemaName: string;
  tag: string;
  writePermission: Permission;
}

/** List, get, create, update and archive-or-delete routes for one register entity kind. */
export function registerEntityRoutes(app: OpenAPIHono<AppEnv>, spec: EntityRouteSpec): void {
  const { segment, kind, schemaName, tag, writePermission } = spec;
  const base = `/api/v1/${segment}`;
  const Output = kind.output.meta({ id: schemaName });
  const Input = kind.input.meta({ id: `${schemaName}Input` });
  const Patch = kind.input.partial().meta({ id: `${schemaName}Patch` });
  const Query = listQuery(kind);
  const PageOf = z.object({ items: z.array(Output), nextCursor: z.string().nullable() }).meta({ id: `${schemaName}Page` });
  const Param = kind.named ? namedIdParam(kind.named) : IdParam;
  const plural = schemaName.endsWith("y") ? `${schemaName.slice(0, -1)}ies` : `${schemaName}s`;
  const read = requirePermission("register:read");
  const write = requirePermission(writePermission);

  app.openapi(
    createRoute({
      method: "get",
      path: base,
      operationId: `list${plural}`,
      tags: [tag],
      summary: `List ${kind.label} records`,
      security,
      ...permissionOf("register:read"),
      middleware: [read] as const,
      request: { query: Query },
      responses: { 200: json(PageOf, "One page, oldest first."), ...readErrors },
    }),
    async (c) => {
      const query = c.req.query();
      const ctx = c.get("ctx");
      const page = await rememberedUntilChange(c.get("reads"), `${segment}?${JSON.stringify(query)}`, async () =>
        jsonBytes(await listEntities(ctx, kind, query)),
      );
      return jsonText(c, page) as never; // the JSON of a Page, already serialised
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: base,
      operationId: `create${schemaName}`,
      tags: [tag],
      summary: `Create a ${kind.label}`,
      security,
      ...permissionOf(writePermission),
      middleware: [write] as const,
      request: { body: { content: { "application/json": { schema: Input } }, required: true } },
      responses: { 201: json(Output, "Created."), ...writeErrors },
    }),
    async (c) => {
      const entity = await createEntity(c.get("ctx"), kind, await c.req.json());
      return completeResponse(c, JSON.stringify(entity), 201, {
        "content-type": "application/json",
        location: `${base}/${entity.id}`,
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{id}`,
      operationId: `get${schemaName}`,
      tags: [tag],
      summary: `Get a ${kind.label}`,
      security,
      ...permissionOf("register:read"),
      middleware: [read] as const,
      request: { params: Param },
      responses: { 200: { ...json(Output, "Found."), headers: ETAG_HEADER }, ...readErrors },
    }),
    async (c) => {
      const ctx = c.get("ctx");
      const id = c.req.param("id");
      const { body, revision } = await rememberedUntilChange(c.get("reads"), `${segment}/${id}`, async () => {
        const entity = await getEntity(ctx, kind, id);
        return { body: jsonBytes(entity), revision: entity.revision };
      });
      return jsonText(c, body, { ETag: etagOf(revision) }) as never; // the JSON of one record
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: `${base}/{id}`,
      operationId: `update${schemaName}`,
      tags: [tag],
      summary: `Change a ${kind.label}`,
      description: "Fields left out keep their value; the result is validated as a whole.",
      security,
      ...permissionOf(writePermission),
      middleware: [write] as const,
      request: { params: Param, headers: IfMatchHeader, body: { content: { "application/json": { schema: Patch } }, required: true } },
      responses: { 200: { ...json(Output, "Changed."), headers: ETAG_HEADER }, ...writeErrors },
    }),
    async (c) => tagged(c, await updateEntity(c.get("ctx"), kind, c.req.param("id"), await c.req.json(), ifMatchOf(c))),
  );

  if (kind.directWriteIssues) {
    const Correction = CorrectionInput.extend({ changes: Patch }).meta({ id: `${schemaName}Correction` });
    app.openapi(
      createRoute({
        method: "post",
        path: `${base}/{id}/corrections`,
        operationId: `correct${schemaName}`,
        tags: [tag],
        summary: `Correct a ${kind.label}, fields that follow a workflow included (admin)`,
        description:
          "For a real mistake only, once the customers concerned have been told: sets fields that a PATCH refuses because they change through a workflow. Recorded in the audit trail as a correction, with its reason.",
        security,
        ...permissionOf("register:correct"),
        middleware: [requirePermission("register:correct")] as const,
        request: {
          params: Param,
          headers: IfMatchHeader,
          body: { content: { "application/json": { schema: Correction } }, required: true },
        },
        responses: { 200: { ...json(Output, "Corrected."), headers: ETAG_HEADER }, ...writeErrors },
      }),
      async (c) => tagged(c, await correctEntity(c.get("ctx"), kind, c.req.param("id"), await c.req.json(), ifMatchOf(c))),
    );
  }

  if (kind.removal === "archive") {
    app.openapi(
      createRoute({
        method: "post",
        path: `${base}/{id}/archive`,
        operationId: `archive${schemaName}`,
        tags: [tag],
        summary: `Archive a ${kind.label}`,
        description: "Archived records are kept for the history but hidden from lists and can no longer be referenced.",
        security,
        ...permissionOf(writePermission),
        middleware: [write] as const,
        request: { params: Param, headers: IfMatchHeader },
        responses: { 200: { ...json(Output, "Archived."), headers: ETAG_HEADER }, ...writeErrors },
      }),
      async (c) => tagged(c, await archiveEntity(c.get("ctx"), kind, c.req.param("id"), ifMatchOf(c))),
    );
  } else {
    app.openapi(
      createRoute({
        method: "delete",
        path: `${base}/{id}`,
        operationId: `delete${schemaName}`,
        tags: [tag],
        summary: `Delete an unused ${kind.label}`,
        security,
        ...permissionOf(writePermission),
        middleware: [write] as const,
        request: { params: Param, headers: IfMatchHeader },
        responses: { 204: { description: "Deleted." }, ...writeErrors },
      }),
      async (c) => {
        await deleteEntity(c.get("ctx"), kind, c.req.param("id"), ifMatchOf(c));
        return c.body(null, 204);
      },
    );
  }
}
