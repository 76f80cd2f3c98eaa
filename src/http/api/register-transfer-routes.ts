import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { VerificationReport } from "../../core/evidence/index.ts";
import { exportRegister, importRegister, RegisterExport } from "../../core/register-transfer/index.ts";
import type { AppEnv, AppWiring } from "../env.ts";
import { requirePermission } from "../middleware/auth.ts";
import { json, permissionOf, readErrors, security, writeErrors } from "./openapi-common.ts";

export const REGISTER_EXPORT_PATH = "/api/v1/admin/register-export";
export const REGISTER_IMPORT_PATH = "/api/v1/admin/register-import";
/** An import body may be far larger than other requests; a Worker has 128 MB of memory to parse it in. */
export const REGISTER_IMPORT_MAX_BYTES = 32 * 1024 * 1024;

const Document = RegisterExport.meta({ id: "RegisterExport" });
const ImportResult = z
  .object({
    rows: z.record(z.string(), z.int()).describe("Rows imported, by table."),
    chain: z.object({ entries: z.int(), head: z.string() }).describe("The imported audit chain: the same head as the file's."),
    verification: VerificationReport.describe("The register verified right after the import (also recorded for the dashboard)."),
  })
  .meta({ id: "RegisterImportResult" });

/**
 * The whole register out and in, as one JSON document (docs/register-export-format.md):
 * to move a register between Node and a Worker, or keep a copy outside the database.
 */
export function registerRegisterTransferRoutes(app: OpenAPIHono<AppEnv>, deps: Pick<AppWiring, "checkpoints">): void {
  const common = {
    tags: ["Operations"],
    security,
    ...permissionOf("register:transfer"),
    middleware: requirePermission("register:transfer"),
  };
  app.openapi(
    createRoute({
      method: "get",
      path: REGISTER_EXPORT_PATH,
      operationId: "exportRegister",
      summary: "Export the whole register",
      ...common,
      description:
        "Every table but sessions (audit trail, checkpoints, users with their password hashes, API token hashes and the app's secrets included) as one versioned JSON document. Confidential: keep it like a database backup. The export is recorded in the audit trail after what it holds.",
      responses: {
        200: {
          ...json(Document, "The export, as a file (`register-export_<instant>.json`)."),
          headers: { "X-Content-SHA256": { description: "The document's contentSha256.", schema: { type: "string" as const } } },
        },
        ...readErrors,
      },
    }),
    async (c) => {
      const { document, text } = await exportRegister(c.get("ctx"));
      return c.body(text, 200, {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="register-export_${document.exportedAt.replace(/\.\d+Z$/, "Z").replace(/:/g, "")}.json"`,
        "cache-control": "no-store",
        "x-content-sha256": document.contentSha256,
      }) as never;
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: REGISTER_IMPORT_PATH,
      operationId: "importRegister",
      summary: "Import a register export into an empty register",
      ...common,
      description:
        "Checks the file (format, version, schema, every row, its digest, the audit chain and its signed checkpoints, which must be signed with a key this service trusts), then writes every row as it is in one atomic unit that holds only while the register is empty. An empty register may hold the first admin's credentials made with `./dev cli token sql` or `user sql`: the import replaces them with the file's users and tokens. No audit entry is added, so the chain's head stays the file's. Bodies up to 32 MiB.",
      request: { body: { content: { "application/json": { schema: Document } }, required: true } },
      responses: { 201: json(ImportResult, "Imported, and the result of verifying the register right after."), ...writeErrors },
    }),
    async (c) => {
      const result = await importRegister(c.get("ctx"), await c.req.json(), { trustedKeys: deps.checkpoints?.trusted ?? [] });
      return c.json(result, 201);
    },
  );
}
