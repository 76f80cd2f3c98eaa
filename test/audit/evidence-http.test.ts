import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type Checkpoint,
  type CheckpointKeys,
  checkpointKeys,
  newSigningKey,
  signatureHolds,
} from "../../src/core/kernel/audit/checkpoints.ts";
import type { VerificationReport } from "../../src/core/evidence/verification-report.ts";
import type { SqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { makeAdminUi } from "../helpers/admin-ui.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { flat, pdfInfo, pdfText } from "../helpers/pdf-text.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { bodyOf, makeTestApp, type TestApp } from "../helpers/test-app.ts";

/** "size=…; head=…; …" from the Audit-Checkpoint header. */
function parseHeader(line: string | null): Record<string, string> {
  return Object.fromEntries((line ?? "").split("; ").map((part) => part.split("=", 2) as [string, string]));
}

describe("signed checkpoints and verification through HTTP", () => {
  let store: SqliteStore;
  let keys: CheckpointKeys;
  let t: TestApp;
  beforeEach(async () => {
    store = memoryStore() as SqliteStore;
    const demo = await loadDemoRegister(store);
    keys = await checkpointKeys((await newSigningKey()).privateKey, undefined);
    t = await makeTestApp(store, demo.clock, { checkpoints: keys });
  });
  afterEach(() => store.close());

  it("signs every export: the checkpoint is in the headers, the PDF's info and footer, and the JSON, and is published", async () => {
    const pdf = await t.request("GET", "/api/v1/documents/annex/CF-DPA-2024-001?format=pdf&lang=en");
    expect(pdf.status).toBe(200);
    const header = parseHeader(pdf.headers.get("audit-checkpoint"));
    expect(header.publicKey).toBe(keys.signer?.publicKey);
    const published = await t.request("GET", `/public/checkpoints/${header.size}`, { token: null });
    expect(published.status).toBe(200);
    const checkpoint = await bodyOf<Checkpoint>(published);
    expect(checkpoint).toMatchObject({ size: Number(header.size), head: header.head, signature: header.signature, at: header.at });
    expect(await signatureHolds(checkpoint)).toBe(true);

    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(JSON.parse(pdfInfo(bytes).AuditCheckpoint ?? "")).toEqual(checkpoint);
    expect(flat(pdfText(bytes))).toContain(`Audit trail checkpoint ${checkpoint.size}, head ${checkpoint.head.slice(0, 16)}…, signed`);

    const json = await bodyOf<{ meta: { checkpoint: Checkpoint } }>(
      await t.request("GET", "/api/v1/documents/art30-processor?format=json"),
    );
    expect(await signatureHolds(json.meta.checkpoint)).toBe(true);
    expect(json.meta.checkpoint.size).toBeGreaterThan(checkpoint.size);

    // The file downloaded again is the same bytes, with the same checkpoint.
    const again = await t.request("GET", `/api/v1/exports/${pdf.headers.get("x-export-id")}/file`);
    expect(again.headers.get("x-content-sha256")).toBe(pdf.headers.get("x-content-sha256"));
    expect(again.headers.get("audit-checkpoint")).toBe(pdf.headers.get("audit-checkpoint"));
    const verified = await bodyOf<{ verified: boolean }>(
      await t.request("GET", `/api/v1/exports/${pdf.headers.get("x-export-id")}/verify`),
    );
    expect(verified.verified).toBe(true);
  });

  it("publishes the checkpoints and the trusted key as JSON and Atom, without a token", async () => {
    await t.request("GET", "/api/v1/documents/art30-controller?format=json");
    const list = await bodyOf<{ keys: { publicKey: string; signing: boolean }[]; checkpoints: Checkpoint[] }>(
      await t.request("GET", "/public/checkpoints", { token: null }),
    );
    expect(list.keys).toEqual([{ publicKey: keys.signer?.publicKey, keyId: keys.signer?.keyId, signing: true }]);
    expect(list.checkpoints).toHaveLength(1);
    const atom = await (await t.request("GET", "/public/checkpoints.atom", { token: null })).text();
    expect(atom).toContain(`<id>http://localhost:3000/public/checkpoints/${list.checkpoints[0]?.size}</id>`);
    expect(atom).toContain(list.checkpoints[0]?.signature);
    expect((await t.request("GET", "/public/checkpoints/999999", { token: null })).status).toBe(404);
    expect((await t.request("GET", "/public/checkpoints?before=abc", { token: null })).status).toBe(422);
  });

  it("verifies on request (admins), names what a direct edit changed, and keeps the last run", async () => {
    const ok = await bodyOf<VerificationReport>(await t.request("POST", "/api/v1/verifications"));
    expect(ok).toMatchObject({ ok: true, problems: [], trigger: "admin" });
    expect((await t.request("POST", "/api/v1/verifications", { token: "editor" })).status).toBe(403);

    const [token] = store.sqlite.prepare("select id from api_tokens where role = 'editor'").all() as { id: string }[];
    store.sqlite.prepare("update api_tokens set role = 'admin' where id = ?").run(token?.id);
    const broken = await bodyOf<VerificationReport>(await t.request("POST", "/api/v1/verifications"));
    expect(broken.ok).toBe(false);
    expect(broken.problems).toEqual([expect.objectContaining({ check: "state", subject: `API token ${token?.id}` })]);
    expect(broken.problems[0]?.message).toContain("role differs from its audit entry");
    const latest = await bodyOf<{ ok: boolean; id: string }>(
      await t.request("GET", "/api/v1/verifications/latest", { token: "read-only" }),
    );
    expect(latest).toMatchObject({ ok: false, id: broken.id });
  });

  it("refuses a malformed checkpoint given to verify, and detects a truncated tail against a kept one", async () => {
    expect((await t.request("POST", "/api/v1/verifications", { body: { checkpoints: [{ size: "x" }] } })).status).toBe(422);
    const exported = await t.request("GET", "/api/v1/documents/art30-controller?format=csv");
    const header = parseHeader(exported.headers.get("audit-checkpoint"));
    const kept = await bodyOf<Checkpoint>(await t.request("GET", `/public/checkpoints/${header.size}`, { token: null }));
    store.sqlite.prepare("delete from audit_entries where seq > ?").run(kept.size - 3);
    store.sqlite.prepare("delete from audit_checkpoints").run();
    const report = await bodyOf<VerificationReport>(await t.request("POST", "/api/v1/verifications", { body: { checkpoints: [kept] } }));
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.check)).toContain("checkpoint");
    expect(report.problems.find((p) => p.check === "checkpoint" && p.seq === kept.size - 2)?.message).toContain("were removed");
  });
});

describe("the dashboard's evidence section", () => {
  it("shows the last verification and lets an admin verify now", async () => {
    const store = memoryStore();
    await loadDemoRegister(store);
    const ui = await makeAdminUi(store, undefined, undefined, {
      checkpoints: await checkpointKeys((await newSigningKey()).privateKey, undefined),
    });
    const admin = await ui.signIn("admin");
    expect(await (await ui.get("/admin", admin)).text()).toContain("The register has not been verified yet.");
    const posted = await ui.post("/admin/verification", {}, admin);
    expect(posted.status).toBe(303);
    const page = await (await ui.get("/admin", admin)).text();
    expect(page).toMatch(/<span class="badge ok">verified<\/span>/);
    const auditor = await ui.signIn("read-only");
    const seen = await (await ui.get("/admin", auditor)).text();
    expect(seen).toContain("badge ok");
    expect(seen).not.toContain('action="/admin/verification"');
    expect((await ui.post("/admin/verification", {}, auditor)).status).toBe(403);
  });
});
