import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEntries, documentExports, outbox } from "../../db/schema.ts";
import { ADMIN_ROUTES } from "../../src/http/admin/admin-route.ts";
import type { UserRole } from "../../src/core/accounts/user-model.ts";
import { makeAdminUi, type UiSession } from "../helpers/admin-ui.ts";
import { bodyOf } from "../helpers/test-app.ts";
import { changeWorld, noticesOf, ocrProposal, propose } from "../helpers/changes.ts";
import { snapshot } from "../helpers/snapshot.ts";

/**
 * The role x route matrix of the admin UI: who may use each route. It is
 * written out by hand, apart from the code's own access declarations, and
 * every route the app serves under /admin must be in it: a route added
 * without a line here fails the first test (deny by default).
 */
type Allowed = "anyone" | readonly UserRole[];
const ALL = ["admin", "editor", "read-only"] as const;
const WRITERS = ["admin", "editor"] as const;
const ADMINS = ["admin"] as const;
const AUDITORS = ALL; // audit:read: everyone who signs in

const REGISTER = ["activities", "data-categories", "subject-categories", "security-measures", "sub-processors", "customers", "agreements"];
const DELETED_NOT_ARCHIVED = new Set(["data-categories", "subject-categories", "security-measures"]);

const MATRIX: Record<string, Allowed> = {
  "GET /admin/sign-in": "anyone",
  "POST /admin/sign-in": "anyone",
  "POST /admin/sign-out": ALL,
  "GET /admin/account": ALL,
  "POST /admin/account/password": ALL,
  "POST /admin/account/language": ALL,
  "GET /admin": ALL,
  // The end of an agreement goes through its termination; an admin corrects a mistaken end directly.
  // Before the register's routes, whose archive post archives the agreement these pages are about.
  "GET /admin/agreements/:id/correct": ADMINS,
  "POST /admin/agreements/:id/correct": ADMINS,
  "GET /admin/agreements/:id/terminate": WRITERS,
  "POST /admin/agreements/:id/terminate": WRITERS,
  // Register entities: everyone reads; editors and admins write (sub-processors too: procurement is API-only).
  ...Object.fromEntries(
    REGISTER.flatMap((s) => [
      [`GET /admin/${s}`, ALL],
      [`GET /admin/${s}/new`, WRITERS],
      [`POST /admin/${s}`, WRITERS],
      [`GET /admin/${s}/:id`, ALL],
      [`GET /admin/${s}/:id/edit`, WRITERS],
      [`POST /admin/${s}/:id`, WRITERS],
      [`POST /admin/${s}/:id/${DELETED_NOT_ARCHIVED.has(s) ? "delete" : "archive"}`, WRITERS],
      [`GET /admin/${s}/:id/history`, AUDITORS],
    ]),
  ),
  // What customers were promised about a sub-processor: only an admin corrects it directly, with a reason.
  "GET /admin/sub-processors/:id/correct": ADMINS,
  "POST /admin/sub-processors/:id/correct": ADMINS,
  "GET /admin/obligations": ALL,
  "GET /admin/obligations/:id": ALL,
  "POST /admin/obligations/:id/completion": WRITERS,
  "POST /admin/obligations/:id/waiver": WRITERS,
  "POST /admin/obligations/:id/owner": WRITERS,
  "GET /admin/agreements/:id/audits/new": WRITERS,
  "POST /admin/agreements/:id/audits": WRITERS,
  "GET /admin/customer-audits": ALL,
  "GET /admin/customer-audits/:id": ALL,
  "POST /admin/customer-audits/:id/schedule": WRITERS,
  "POST /admin/customer-audits/:id/outcome": WRITERS,
  "POST /admin/customer-audits/:id/cancellation": WRITERS,
  "GET /admin/breaches": ALL,
  "GET /admin/breaches/new": WRITERS,
  "POST /admin/breaches": WRITERS,
  "GET /admin/breaches/:id": ALL,
  "GET /admin/breaches/:id/report/:agreementId": ALL,
  "POST /admin/breaches/:id/notification": WRITERS,
  "POST /admin/breaches/:id/updates": WRITERS,
  "GET /admin/search": ALL,
  "GET /admin/terms-changes": ALL,
  "GET /admin/terms-changes/new": WRITERS,
  "POST /admin/terms-changes": WRITERS,
  "GET /admin/terms-changes/:id": ALL,
  "POST /admin/terms-changes/:id/announce": WRITERS,
  "POST /admin/terms-changes/:id/withdraw": WRITERS,
  "POST /admin/verification": ADMINS,
  "GET /admin/organisation": ALL,
  "GET /admin/organisation/edit": WRITERS,
  "POST /admin/organisation": WRITERS,
  "GET /admin/organisation/history": AUDITORS,
  // Sub-processor changes and the decisions on objections.
  "GET /admin/changes": ALL,
  "GET /admin/changes/new": WRITERS,
  "POST /admin/changes": WRITERS,
  "GET /admin/changes/:id": ALL,
  "POST /admin/changes/:id/announce": WRITERS,
  "POST /admin/changes/:id/withdraw": WRITERS,
  "GET /admin/notices/:id": ALL,
  "POST /admin/notices/:id/objections": WRITERS,
  "POST /admin/notices/:id/authorisation": WRITERS,
  "POST /admin/notices/:id/exclusion": WRITERS,
  "GET /admin/objections/:id": ALL,
  "POST /admin/objections/:id/resolution": WRITERS,
  // Documents: everyone may read and download them.
  "GET /admin/documents": ALL,
  "GET /admin/documents/art30-controller/preview": ALL,
  "GET /admin/documents/art30-controller/download": ALL,
  "GET /admin/documents/art30-processor/preview": ALL,
  "GET /admin/documents/art30-processor/download": ALL,
  "GET /admin/documents/annex/:agreementId/preview": ALL,
  "GET /admin/documents/annex/:agreementId/download": ALL,
  "GET /admin/documents/exports/:id": ALL,
  "GET /admin/documents/exports/:id/file": ALL,
  // Spreadsheet onboarding: writers check and import; everyone may download the template.
  "GET /admin/onboarding": WRITERS,
  "POST /admin/onboarding": WRITERS,
  "GET /admin/onboarding/template.xlsx": ALL,
  "GET /admin/audit": AUDITORS,
  "GET /admin/audit/:id": AUDITORS,
  // The outbox: what was e-mailed to whom, and putting a failed message back in the queue.
  "GET /admin/outbox": ADMINS,
  "GET /admin/outbox/:id": ADMINS,
  "POST /admin/outbox/:id/retry": ADMINS,
  // Webhooks: endpoints (with their signing secrets) and redelivery, admins only.
  "GET /admin/webhooks": ADMINS,
  "POST /admin/webhooks": ADMINS,
  "GET /admin/webhooks/:id": ADMINS,
  "POST /admin/webhooks/:id": ADMINS,
  "POST /admin/webhooks/:id/secret": ADMINS,
  "POST /admin/webhooks/:id/delete": ADMINS,
  "GET /admin/webhooks/deliveries/:id": ADMINS,
  "POST /admin/webhooks/deliveries/:id/redeliver": ADMINS,
  // People and tokens: admins (DPOs) only.
  "GET /admin/users": ADMINS,
  "GET /admin/users/new": ADMINS,
  "POST /admin/users": ADMINS,
  "GET /admin/users/:id": ADMINS,
  "POST /admin/users/:id": ADMINS,
  "POST /admin/users/:id/password": ADMINS,
  "GET /admin/tokens": ADMINS,
  "POST /admin/tokens": ADMINS,
  "POST /admin/tokens/:id/revoke": ADMINS,
};

/** The register with an announced change, an objection and an export, so every :param has something real behind it. */
async function world() {
  const w = await changeWorld();
  const change = await propose(w.t, ocrProposal(w.maintenance));
  const notice = (await noticesOf(w.t, change.id)).find((n) => n.kind === "objection_window");
  const objection = await bodyOf<{ id: string }>(
    await w.t.request("POST", `/api/v1/change-notices/${notice?.id}/objections`, {
      token: "editor",
      body: { grounds: "We audited only the current vendors." },
    }),
  );
  const firstId = async (segment: string) =>
    (await bodyOf<{ items: { id: string }[] }>(await w.t.request("GET", `/api/v1/${segment}?limit=1`))).items[0]?.id;
  const endpoint = await bodyOf<{ id: string }>(
    await w.t.request("POST", "/api/v1/webhooks/endpoints", {
      body: { url: "https://procurement.example/hooks", events: ["export.made"] },
    }),
  );
  await w.t.request("GET", `/api/v1/documents/annex/${w.agreements["CF-DPA-2024-001"]}?format=json`, { token: "read-only" });
  const [delivery] = await w.store.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.kind, "webhook"));
  const ended = await w.t.request("POST", "/api/v1/agreements/CF-DPA-2024-002/termination", { body: { endedOn: "2026-11-20" } });
  const duties = await bodyOf<{ obligations: { id: string }[] }>(ended);
  const audit = await bodyOf<{ id: string }>(
    await w.t.request("POST", "/api/v1/agreements/CF-DPA-2024-001/audits", {
      body: { proposedStart: "2026-12-20", scope: "Hosting controls" },
    }),
  );
  const breach = await bodyOf<{ breach: { id: string; affectedAgreementIds: string[] } }>(
    await w.t.request("POST", "/api/v1/breaches", {
      body: {
        summary: "A laptop was stolen.",
        discoveredAt: "2026-11-20T08:00:00Z",
        activityIds: [w.maintenance],
        likelyConsequences: "None: the disk is encrypted.",
        measuresTaken: "The device was wiped remotely.",
        notify: false,
      },
    }),
  );
  const terms = await bodyOf<{ id: string }>(
    await w.t.request("POST", "/api/v1/terms-changes", {
      body: { version: "2027.1", summary: { en: "Longer payment terms." }, effectiveOn: "2027-03-01" },
    }),
  );
  const ui = await makeAdminUi(w.store, w.clock);
  const [exportRow] = await w.store.db.select({ id: documentExports.id }).from(documentExports);
  const [auditRow] = await w.store.db.select({ id: auditEntries.id }).from(auditEntries);
  const [mail] = await w.store.db.select({ id: outbox.id }).from(outbox);
  const users = await bodyOf<{ items: { id: string }[] }>(await w.t.request("GET", "/api/v1/tokens"));
  const ids: Record<string, string | undefined> = {
    changes: change.id,
    notices: notice?.id,
    objections: objection.id,
    annex: w.agreements["CF-DPA-2024-001"],
    exports: exportRow?.id,
    audit: auditRow?.id,
    tokens: users.items[0]?.id,
    obligations: duties.obligations[0]?.id,
    "customer-audits": audit.id,
    breaches: breach.breach.id,
    report: breach.breach.affectedAgreementIds[0],
    "terms-changes": terms.id,
    outbox: mail?.id,
    webhooks: endpoint.id,
    deliveries: delivery?.id,
  };
  for (const segment of REGISTER) ids[segment] = await firstId(segment);
  const userList = await (await ui.get("/admin/users", await ui.signIn("admin"))).text();
  ids.users = /href="\/admin\/users\/([0-9a-f-]{36})"/.exec(userList)?.[1];
  return { store: w.store, ui, ids };
}

/** A route's path with each :param replaced by a real id (or `unknown` for the last one). */
function concrete(path: string, ids: Record<string, string | undefined>, unknown?: string): string {
  const parts = path.split("/");
  const last = parts.findLastIndex((p) => p.startsWith(":"));
  return parts
    .map((p, i) => {
      if (!p.startsWith(":")) return p;
      if (unknown && i === last) return unknown;
      const id = ids[parts[i - 1] ?? ""];
      if (!id) throw new Error(`no id for ${path}`);
      return id;
    })
    .join("/");
}

/** Routes that need a query to do their job (a download needs its format). */
const queryOf = (path: string) => (path.endsWith("/download") ? "?format=json" : "");

const UNKNOWN_ID = "01900000-0000-7000-8000-000000000000";
const routeKey = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

describe("the admin UI's role x route matrix", () => {
  let w: Awaited<ReturnType<typeof world>>;
  let sessions: Record<UserRole, UiSession>;
  beforeAll(async () => {
    w = await world();
    sessions = { admin: await w.ui.signIn("admin"), editor: await w.ui.signIn("editor"), "read-only": await w.ui.signIn("read-only") };
  });

  it("lists every route the app serves under /admin, and nothing it does not serve", () => {
    const served = new Set(
      w.ui.app.routes.filter((r) => (r.path === "/admin" || r.path.startsWith("/admin/")) && r.method !== "ALL").map(routeKey),
    );
    expect(
      [...served].filter((r) => !(r in MATRIX)),
      "routes missing from the matrix",
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((r) => !served.has(r)),
      "matrix lines without a route",
    ).toEqual([]);
    // Every signed-in route declares its access through adminRoute.
    const declared = new Set(ADMIN_ROUTES.map(routeKey));
    expect(
      Object.entries(MATRIX)
        .filter(([r, a]) => a !== "anyone" && !declared.has(r))
        .map(([r]) => r),
    ).toEqual([]);
  });

  it.each(Object.entries(MATRIX).filter(([, allowed]) => allowed !== "anyone"))(
    "%s: 401 without a session, 403 for other roles (nothing changes), served for %j",
    async (key, allowed) => {
      const [method, path] = key.split(" ") as ["GET" | "POST", string];
      const url = concrete(path, w.ids) + queryOf(path);
      const call = (session: UiSession | null) => (method === "GET" ? w.ui.get(url, session) : w.ui.post(url, {}, session));

      const anonymous = await call(null);
      expect(anonymous.status, "anonymous").toBe(401);

      for (const role of ALL.filter((r) => !(allowed as readonly string[]).includes(r))) {
        const before = await snapshot(w.store);
        const refused = await call(sessions[role]);
        expect(refused.status, role).toBe(403);
        expect(await snapshot(w.store), `${role} changed nothing`).toEqual(before);
      }

      // Allowed roles reach the handler. A GET page renders; an empty form post is answered by the
      // handler itself (saved, or refused for its content), never by the access checks.
      // Sign-out is last for the role whose session it ends.
      for (const role of allowed as readonly UserRole[]) {
        const response = await call(key === "POST /admin/sign-out" ? await w.ui.signIn(role) : sessions[role]);
        if (method === "GET") expect(response.status, `${role} ${url}`).toBe(200);
        else expect([200, 201, 303, 400, 409, 422], `${role} ${url}: ${response.status}`).toContain(response.status);
      }
    },
  );

  it.each(Object.entries(MATRIX).filter(([key, allowed]) => allowed !== "anyone" && key.startsWith("GET") && key.includes(":")))(
    "%s: 404 for an id that does not exist",
    async (key, allowed) => {
      const path = key.split(" ")[1] as string;
      const role = (allowed as readonly UserRole[])[0] as UserRole;
      expect((await w.ui.get(concrete(path, w.ids, UNKNOWN_ID) + queryOf(path), sessions[role])).status).toBe(404);
    },
  );

  it("serves the routes for anyone without a session", async () => {
    expect((await w.ui.get("/admin/sign-in")).status).toBe(200);
    expect((await w.ui.post("/admin/sign-in", { email: "", password: "" })).status).toBe(422);
  });
});
