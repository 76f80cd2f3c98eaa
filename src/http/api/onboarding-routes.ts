import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../../core/kernel/errors.ts";
import { IMPORT_KINDS, type ImportKind, importRegister, type ImportReport } from "../../core/onboarding/index.ts";
import { formatOf, readSpreadsheet, SPREADSHEET_FORMATS, type SpreadsheetFormat } from "../../spreadsheets/read-spreadsheet.ts";
import { writeTemplate } from "../../spreadsheets/template-writer.ts";
import { XLSX_TYPE } from "../../spreadsheets/xlsx-reader.ts";
import type { AppEnv, AppWiring } from "../env.ts";
import { bearerAuth, requirePermission } from "../middleware/auth.ts";
import { requestIdOf } from "../middleware/request-log.ts";
import { json, permissionOf, Problem, readErrors, security, writeErrors } from "./openapi-common.ts";

/** A spreadsheet register is larger than any JSON body the API takes. */
export const MAX_SPREADSHEET_BYTES = 8 * 1024 * 1024;
export const TEMPLATE_FILE_NAME = "dpa-register-template.xlsx";

const ImportIssue = z
  .object({
    sheet: z.string(),
    row: z.int().nullable().describe("1-based; the header is row 1. Null for a problem with a whole sheet or file."),
    column: z.string().nullable().describe("The column letter, e.g. C."),
    header: z.string().nullable().describe("The column's header, e.g. Name (en)."),
    cell: z.string().describe("Spreadsheet coordinates, e.g. Activities!C7."),
    message: z.string().describe("The rule the cell breaks, in the register's own words."),
  })
  .meta({ id: "ImportIssue" });

export const ImportReportSchema = z
  .object({
    dryRun: z.boolean(),
    valid: z.boolean().describe("Every row passed every check."),
    written: z.boolean().describe("The rows were written (never on a dry run, never with issues)."),
    issues: z.array(ImportIssue),
    rows: z.record(z.enum(IMPORT_KINDS), z.int()).describe("Rows read, by kind."),
    subProcessors: z.object({
      path: z
        .enum(["none", "direct", "proposed_changes"])
        .describe(
          "direct: recorded as they stand (the register had no agreements); proposed_changes: each arrived as a proposed sub-processor change, to be announced to customers.",
        ),
      changeIds: z.array(z.string()).describe("The proposed changes made (after a written import)."),
    }),
  })
  .meta({ id: "ImportReport" });

const ImportRefusal = Problem.extend({ issues: z.array(ImportIssue) }).openapi("ImportRefusal");

const JsonUpload = z
  .strictObject({
    format: z.enum(SPREADSHEET_FORMATS).describe("The file's format."),
    fileName: z.string().trim().min(1).max(255).optional(),
    // Bounded by the body limit, not here: a maxLength in the document would be one more number to keep in step.
    content: z.string().min(1).describe("The file, base64-encoded (the body is at most 8 MiB)."),
  })
  .meta({ id: "SpreadsheetUpload" });

const ImportQuery = z.object({
  dryRun: z.enum(["true", "false"]).optional().describe("true: check every row and report, writing nothing."),
  kind: z.enum(IMPORT_KINDS).optional().describe("For a CSV: the kind of rows it holds (else guessed from its header row)."),
  fileName: z.string().max(255).optional().describe("The file's name, kept in the reasons of what the import records."),
});

/**
 * Spreadsheet onboarding: the template, and the import of a filled one (XLSX,
 * or one CSV per kind). Registered ahead of the JSON API's body middleware:
 * these bodies are files, not JSON, so the routes authenticate and bound
 * their bodies themselves.
 */
export function registerOnboardingRoutes(app: OpenAPIHono<AppEnv>, deps: AppWiring): void {
  const auth = bearerAuth(deps.store, deps.clock);
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/onboarding/template.xlsx",
      tags: ["Onboarding"],
      operationId: "getSpreadsheetTemplate",
      summary: "The XLSX template of the register, to fill in and import",
      security,
      ...permissionOf("register:read"),
      middleware: [auth, requirePermission("register:read")] as const,
      responses: {
        200: {
          description: "The template: a notes sheet and one sheet per kind.",
          content: { [XLSX_TYPE]: { schema: z.string().meta({ format: "binary" }) } },
        },
        ...readErrors,
      },
    }),
    async (c) => templateResponse(c) as never,
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/onboarding/import",
      tags: ["Onboarding"],
      operationId: "importSpreadsheet",
      summary: "Import a spreadsheet register (or check it with dryRun=true)",
      description:
        "Every row goes through the same checks as the register's create routes. Any problem: every bad cell is reported and nothing is written. Otherwise every row is written at once, with its audit entries. Sub-processors arrive as proposed changes once the register has agreements.",
      security,
      ...permissionOf("register:write"),
      middleware: [auth, requirePermission("register:write"), spreadsheetLimit()] as const,
      request: {
        query: ImportQuery,
        // Not "required": the validator would then insist on JSON; a file body is read by the handler.
        body: {
          required: false,
          content: {
            [XLSX_TYPE]: { schema: z.string().meta({ format: "binary" }) },
            "text/csv": { schema: z.string() },
            "application/json": { schema: JsonUpload },
          },
        },
      },
      responses: {
        200: json(ImportReportSchema, "The dry run's report (valid or not); nothing was written."),
        201: json(ImportReportSchema, "Imported: every row was written."),
        ...writeErrors,
        422: {
          description: "Problems in the spreadsheet, each by cell; nothing was written.",
          content: { "application/problem+json": { schema: ImportRefusal } },
        },
      },
    }),
    async (c) => {
      if (!deps.scratchStore)
        throw new AppError(
          "bad_request",
          "This deployment does not import spreadsheets (it has no scratch database); use the Node server.",
        );
      const query = c.req.valid("query");
      const upload = await uploadOf(c, query.kind ?? null, query.fileName);
      const report = await importRegister(c.get("ctx"), deps.scratchStore, {
        workbook: await readSpreadsheet(upload.bytes, upload.format, query.kind ?? null, upload.fileName),
        dryRun: query.dryRun === "true",
        source: upload.fileName,
      });
      return reportResponse(c, report) as never;
    },
  );
}

export async function templateResponse(c: Context): Promise<Response> {
  return c.body((await writeTemplate()) as Uint8Array<ArrayBuffer>, 200, {
    "content-type": XLSX_TYPE,
    "content-disposition": `attachment; filename="${TEMPLATE_FILE_NAME}"`,
  });
}

function spreadsheetLimit() {
  return bodyLimit({
    maxSize: MAX_SPREADSHEET_BYTES,
    onError: () => {
      throw new AppError("payload_too_large", `The file is larger than ${MAX_SPREADSHEET_BYTES} bytes.`);
    },
  });
}

async function uploadOf(
  c: Context<AppEnv>,
  kind: ImportKind | null,
  fileName: string | undefined,
): Promise<{ bytes: Uint8Array; format: SpreadsheetFormat; fileName: string }> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/json") {
    const body = (c.req as unknown as { valid(target: "json"): z.infer<typeof JsonUpload> }).valid("json");
    let bytes: Uint8Array;
    try {
      bytes = Uint8Array.from(atob(body.content.replace(/\s+/g, "")), (ch) => ch.charCodeAt(0));
    } catch {
      throw new AppError("validation", "The request has invalid fields.", [{ path: "content", message: "Not base64." }]);
    }
    return { bytes, format: body.format, fileName: body.fileName ?? fileName ?? `upload.${body.format}` };
  }
  const format = formatOf(type);
  if (!format) throw new AppError("unsupported_media_type", `Send the file as ${XLSX_TYPE}, text/csv, or JSON with the file in base64.`);
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length === 0)
    throw new AppError("validation", "The request has invalid fields.", [{ path: "(body)", message: "The file is empty." }]);
  return { bytes, format, fileName: fileName ?? (kind ? `${kind}.${format}` : `upload.${format}`) };
}

function reportResponse(c: Context, report: ImportReport): Response {
  if (report.dryRun) return c.json(report, 200);
  if (report.written) return c.json(report, 201);
  const body = {
    type: "urn:dpa-register:problem:validation",
    title: "Invalid fields",
    status: 422,
    detail: `The spreadsheet has ${report.issues.length} problem${report.issues.length === 1 ? "" : "s"}; nothing was written.`,
    instance: new URL(c.req.url).pathname,
    requestId: requestIdOf(c),
    errors: report.issues.map((i) => ({ field: i.cell, pointer: "", message: i.header ? `${i.header}: ${i.message}` : i.message })),
    issues: report.issues,
  };
  return new Response(JSON.stringify(body), { status: 422, headers: { "content-type": "application/problem+json" } });
}
