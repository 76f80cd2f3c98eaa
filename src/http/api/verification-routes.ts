import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { Checkpoint } from "../../core/kernel/audit/checkpoints.ts";
import { lastVerification, VerificationReport, verifyRegister } from "../../core/evidence/index.ts";
import { AppError } from "../../core/kernel/errors.ts";
import { parseInput } from "../../core/kernel/input/parse-input.ts";
import type { AppWiring, AppEnv } from "../env.ts";
import { requirePermission } from "../middleware/auth.ts";
import { json, permissionOf, readErrors, security, writeErrors } from "./openapi-common.ts";
import { jsonOrEmpty, optionalBody } from "./optional-body.ts";

const VerifyInput = z.strictObject({
  checkpoints: z
    .array(Checkpoint.strict())
    .max(10_000)
    .optional()
    .describe(
      "Checkpoints kept outside the register (from GET /public/checkpoints, the Atom feed or a document): a truncated or rewritten tail no longer matches them.",
    ),
});
const Report = VerificationReport.meta({ id: "VerificationReport" });
const LastRun = VerificationReport.pick({ id: true, at: true, trigger: true, ok: true, entries: true, head: true, problems: true }).meta({
  id: "VerificationRun",
});

/** The register's verification: run it now (admins), or see the last run. */
export function registerVerificationRoutes(app: OpenAPIHono<AppEnv>, deps: Pick<AppWiring, "checkpoints">): void {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/verifications",
      tags: ["Audit"],
      summary: "Verify the whole register now",
      description:
        "Walks the audit chain, checks every checkpoint's signature and key and that the chain still extends it, and compares every entity row, user and token with the state its audit trail gives. `ok` is false when anything is wrong; the first broken entry comes first.",
      security,
      ...permissionOf("operations:run"),
      middleware: [requirePermission("operations:run")] as const,
      request: optionalBody(VerifyInput),
      responses: { 200: json(Report, "The report (ok or not)."), ...writeErrors },
    }),
    async (c) => {
      const input = parseInput(VerifyInput, await jsonOrEmpty(c));
      const report = await verifyRegister(c.get("ctx"), {
        trigger: "admin",
        trustedKeys: deps.checkpoints?.trusted ?? [],
        externalCheckpoints: input.checkpoints ?? [],
      });
      return c.json(report, 200);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/verifications/latest",
      tags: ["Audit"],
      summary: "The last verification and its result",
      security,
      ...permissionOf("audit:read"),
      middleware: [requirePermission("audit:read")] as const,
      responses: { 200: json(LastRun, "The last run."), ...readErrors },
    }),
    async (c) => {
      const last = await lastVerification(c.get("ctx").store);
      if (!last) throw new AppError("not_found", "The register has not been verified yet: POST /api/v1/verifications.");
      return c.json(last, 200);
    },
  );
}
