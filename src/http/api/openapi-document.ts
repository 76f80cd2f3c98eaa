import { REQUEST_ID_HEADER, WELL_FORMED_REQUEST_ID } from "../middleware/request-log.ts";

/**
 * What the OpenAPI document says beyond the routes themselves: a stable
 * operationId for each operation a client generator names its methods by
 * (entity routes set theirs in entity-routes.ts), the tags' descriptions,
 * the server and the licence.
 */
const OPERATION_IDS: Record<string, string> = {
  "GET /api/v1/organisation": "getOrganisation",
  "PUT /api/v1/organisation": "putOrganisation",
  "GET /api/v1/agreements/{id}/clocks": "getAgreementClocks",
  "POST /api/v1/agreements/{id}/termination": "terminateAgreement",
  "GET /api/v1/obligations": "listObligations",
  "GET /api/v1/obligations/{id}": "getObligation",
  "POST /api/v1/obligations/{id}/completion": "completeObligation",
  "POST /api/v1/obligations/{id}/waiver": "waiveObligation",
  "PATCH /api/v1/obligations/{id}": "assignObligation",
  "POST /api/v1/agreements/{id}/audits": "requestCustomerAudit",
  "POST /api/v1/terms-changes": "proposeTermsChange",
  "GET /api/v1/terms-changes": "listTermsChanges",
  "GET /api/v1/terms-changes/{id}": "getTermsChange",
  "POST /api/v1/terms-changes/{id}/announce": "announceTermsChange",
  "POST /api/v1/terms-changes/{id}/withdraw": "withdrawTermsChange",
  "GET /api/v1/customer-audits": "listCustomerAudits",
  "GET /api/v1/customer-audits/{id}": "getCustomerAudit",
  "POST /api/v1/customer-audits/{id}/schedule": "scheduleCustomerAudit",
  "POST /api/v1/customer-audits/{id}/outcome": "recordCustomerAuditOutcome",
  "POST /api/v1/customer-audits/{id}/cancellation": "cancelCustomerAudit",
  "POST /api/v1/breaches": "recordBreach",
  "GET /api/v1/breaches": "listBreaches",
  "GET /api/v1/breaches/{id}": "getBreach",
  "POST /api/v1/breaches/{id}/notification": "notifyBreach",
  "POST /api/v1/breaches/{id}/updates": "sendBreachUpdate",
  "GET /api/v1/breaches/{id}/report/{agreementId}": "getBreachReport",
  "POST /api/v1/sub-processor-changes": "proposeSubProcessorChange",
  "GET /api/v1/sub-processor-changes": "listSubProcessorChanges",
  "GET /api/v1/sub-processor-changes/pending": "listPendingSubProcessorChanges",
  "GET /api/v1/sub-processor-changes/{id}": "getSubProcessorChange",
  "POST /api/v1/sub-processor-changes/{id}/announce": "announceSubProcessorChange",
  "POST /api/v1/sub-processor-changes/{id}/withdraw": "withdrawSubProcessorChange",
  "GET /api/v1/sub-processor-changes/{id}/notices": "listChangeNotices",
  "GET /api/v1/change-notices/{id}": "getChangeNotice",
  "POST /api/v1/change-notices/{id}/objections": "recordObjection",
  "POST /api/v1/change-notices/{id}/authorisation": "recordAuthorisation",
  "POST /api/v1/change-notices/{id}/exclusion": "excludeAgreementFromChange",
  "GET /api/v1/objections": "listObjections",
  "GET /api/v1/objections/{id}": "getObjection",
  "POST /api/v1/objections/{id}/resolution": "resolveObjection",
  "GET /api/v1/clearance": "getClearance",
  "POST /api/v1/lifecycle/run": "runLifecycle",
  "GET /api/v1/outbox": "listOutbox",
  "POST /api/v1/outbox/{id}/retry": "retryOutboxMessage",
  "GET /api/v1/webhooks/endpoints": "listWebhookEndpoints",
  "POST /api/v1/webhooks/endpoints": "createWebhookEndpoint",
  "GET /api/v1/webhooks/endpoints/{id}": "getWebhookEndpoint",
  "PATCH /api/v1/webhooks/endpoints/{id}": "updateWebhookEndpoint",
  "DELETE /api/v1/webhooks/endpoints/{id}": "deleteWebhookEndpoint",
  "POST /api/v1/webhooks/endpoints/{id}/secret": "rotateWebhookSecret",
  "GET /api/v1/webhooks/endpoints/{id}/deliveries": "listWebhookDeliveries",
  "GET /api/v1/webhooks/deliveries/{id}": "getWebhookDelivery",
  "POST /api/v1/webhooks/deliveries/{id}/redeliver": "redeliverWebhook",
  "GET /api/v1/documents/art30-controller": "getControllerRecord",
  "GET /api/v1/documents/art30-controller/completeness": "checkControllerRecord",
  "GET /api/v1/documents/art30-processor": "getProcessorRecord",
  "GET /api/v1/documents/art30-processor/completeness": "checkProcessorRecord",
  "GET /api/v1/documents/annex/{agreementId}": "getAnnex",
  "GET /api/v1/documents/annex/{agreementId}/completeness": "checkAnnex",
  "GET /api/v1/exports": "listExports",
  "GET /api/v1/exports/{id}": "getExport",
  "GET /api/v1/exports/{id}/verify": "verifyExport",
  "GET /api/v1/exports/{id}/file": "downloadExport",
  "GET /api/v1/audit": "listAuditEntries",
  "POST /api/v1/verifications": "verifyRegister",
  "GET /api/v1/verifications/latest": "getLastVerification",
  "GET /api/v1/tokens": "listTokens",
  "POST /api/v1/tokens": "createToken",
  "POST /api/v1/tokens/{id}/revoke": "revokeToken",
};

const TAG_DESCRIPTIONS: Record<string, string> = {
  Organisation: "The organisation's own profile: controller and processor identity, DPO, EU representative.",
  "Data categories": "Categories of personal data, with Art. 9 and Art. 10 flags.",
  "Subject categories": "Categories of data subjects.",
  "Security measures": "Technical and organisational measures under the Annex III headings of the 2021/915 clauses.",
  "Processing activities": "Processing activities as controller (Art. 30(1)) and as processor (Art. 30(2)).",
  "Sub-processors": "Sub-processors: what customers were promised changes only through sub-processor changes.",
  Customers: "The controllers the organisation processes for.",
  Agreements: "Data processing agreements and their contract clocks.",
  Obligations:
    "Duties a contract clock starts (the end of an agreement: account deactivation, export window, deletion or return), with their deadlines, owners and evidence.",
  Breaches:
    "The register of personal data breaches (Art. 33(5)): the agreements affected, the duty to notify each customer by its clock in hours, the notices with the content of Art. 33(3), and follow-ups.",
  "Customer audits":
    "Audits of the processor by its customers (Art. 28(3)(h), SCC clause 7.6): the notice against the agreement's audit clock, the earliest start, the schedule and the outcome.",
  "Sub-processor changes": "Proposals, notices, objections and authorisations: the Art. 28(2) / clause 7.7 workflow.",
  "Terms changes":
    "Changes of the agreements' terms, announced through the same notices and objection links, applied per agreement to those whose customer did not object in time.",
  Search: "One search over the register's names, descriptions, references, vendors and customers.",
  Documents: "Art. 30 records and DPA annexes, as HTML, PDF, CSV, XLSX, JSON or DPV JSON-LD, as of any instant, with their exports.",
  Audit: "Every change to the register, with before and after, in a hash chain; its signed checkpoints and the register's verification.",
  Operations: "The scheduler and the outbox.",
  Webhooks:
    "Signed HTTP requests (Standard Webhooks) telling other systems of register events: endpoints, their delivery log and redelivery.",
  "API tokens": "Tokens for this API, by role.",
};

type Operation = { operationId?: string; tags?: string[]; responses?: Record<string, Record<string, unknown>> };
type Document = { paths?: Record<string, Record<string, Operation>>; tags?: { name: string; description?: string }[] } & Record<
  string,
  unknown
>;

/**
 * The text rule every input goes through (core/model/text-rules.ts), and the
 * trimming of required text, as patterns on every free-text string: no control
 * character but tab and line breaks, and for required text at least one
 * character that is not a space.
 */
const CONTROL = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F";
const ANY_TEXT = `^[^${CONTROL}]*$`;
const SOME_TEXT = `^[^${CONTROL}]*[^\\s${CONTROL}][^${CONTROL}]*$`;

function stateTextRules(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) stateTextRules(child);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const schema = node as Record<string, unknown>;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (
    types.includes("string") &&
    schema.format === undefined &&
    schema.enum === undefined &&
    schema.const === undefined &&
    schema.pattern === undefined
  ) {
    schema.pattern = typeof schema.minLength === "number" && schema.minLength > 0 ? SOME_TEXT : ANY_TEXT;
  }
  for (const child of Object.values(schema)) stateTextRules(child);
}

export function finishDocument<D extends object>(document: D): D {
  const doc = document as unknown as Document;
  stateTextRules((doc as { components?: unknown }).components);
  for (const operations of Object.values(doc.paths ?? {}))
    stateTextRules(Object.values(operations).map((operation) => (operation as { requestBody?: unknown }).requestBody));
  const used = new Set<string>();
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations)) {
      operation.operationId ??= OPERATION_IDS[`${method.toUpperCase()} ${path}`];
      for (const tag of operation.tags ?? []) used.add(tag);
      // Every answer, errors included, carries its request id (http/middleware/request-log.ts).
      for (const response of Object.values(operation.responses ?? {})) {
        if (!("$ref" in response))
          response.headers = {
            ...(response.headers as object | undefined),
            [REQUEST_ID_HEADER]: { $ref: "#/components/headers/RequestId" },
          };
      }
    }
  }
  const withComponents = doc as { components?: Record<string, unknown> };
  const components = withComponents.components ?? {};
  withComponents.components = components;
  components.headers = {
    ...(components.headers as object | undefined),
    RequestId: {
      description:
        "The request's id: from a trusted proxy's header when configured and well-formed (on Cloudflare, cf-ray), else generated. Problem bodies repeat it as requestId, the admin UI's error pages as their reference, and the request log records it.",
      schema: { type: "string", pattern: WELL_FORMED_REQUEST_ID.source },
    },
  };
  doc.tags = [...used].sort().map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? name }));
  // Relative: the API is served by whatever origin served this document, wherever it is deployed.
  doc.servers = [{ url: "/", description: "This register (the origin this document came from)." }];
  const info = (doc.info ?? {}) as Record<string, unknown>;
  doc.info = { ...info, license: { name: "AGPL-3.0-only", url: "https://www.gnu.org/licenses/agpl-3.0.html" } };
  return document;
}
