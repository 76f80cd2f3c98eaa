import { join } from "node:path";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditEntries, subProcessors } from "../../db/schema.ts";
import { textProblem } from "../../src/core/kernel/input/text-rules.ts";
import { type ChangeWorld, changeWorld, OCR_VENDOR } from "../helpers/changes.ts";
import { flat, pdfText } from "../helpers/pdf-text.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { bodyOf } from "../helpers/test-app.ts";
import { makeAdminUi } from "../helpers/admin-ui.ts";
import { errorBeside, fill, readForm } from "../admin/register-form-reader.ts";
import { ROOT, run, tempDir } from "../node/helpers.ts";
import { stopStartedAfterEach } from "../helpers/cleanup.ts";
import { CHILD_PROCESS_TEST_MS } from "../helpers/wait.ts";

// Processes, servers and SMTP sinks started through the helpers are stopped by these hooks, even when a test fails or times out.
stopStartedAfterEach();

// One rule for every free-text field: no broken characters (lone UTF-16
// surrogates) and no control characters but tab and line breaks, refused with
// a 422 naming the field wherever the text comes in; and documents never fail
// on text stored before the rule.

interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
}

const LONE = "Vendor \ud800 BV";
const NUL = "Acme\u0000 Ltd";
const BELL = "Hosting\u0007";

let w: ChangeWorld;
beforeEach(async () => {
  w = await changeWorld();
});

async function refused(response: Response, field: string, message: RegExp) {
  expect(response.status).toBe(422);
  const problem = await bodyOf<Problem>(response);
  expect(problem.errors?.find((e) => e.field === field)?.message, JSON.stringify(problem.errors)).toMatch(message);
}

describe("the text rule", () => {
  it("accepts what people write, tabs and line breaks included, and refuses broken and control characters", () => {
    for (const ok of [
      "Boekhoudkantoor Peeters BV",
      "Zürich «Œuvre» 東京 😀",
      "Line one\r\nLine two\tTabbed",
      "\u202Eright-to-left override",
    ])
      expect(textProblem(ok), ok).toBeNull();
    expect(textProblem(LONE)).toMatch(/lone UTF-16 surrogate/);
    expect(textProblem("\udc00 trailing half")).toMatch(/lone UTF-16 surrogate/);
    expect(textProblem(NUL)).toBe("Contains the control character U+0000; only tabs and line breaks may appear in text.");
    expect(textProblem(BELL)).toMatch(/U\+0007/);
    expect(textProblem("C1 \u0085 control")).toMatch(/U\+0085/);
  });
});

describe("text through every door", () => {
  it("refuses it on the API with a 422 on the field, nested fields included, and stores nothing", async () => {
    const before = await snapshot(w.store);
    await refused(
      await w.t.request("POST", "/api/v1/sub-processors", { token: "procurement", body: { ...OCR_VENDOR, legalName: LONE } }),
      "legalName",
      /lone UTF-16 surrogate/,
    );
    await refused(
      await w.t.request("PATCH", "/api/v1/customers/CF-CUST-001", { body: { contact: { name: NUL, email: "an@peeters.example" } } }),
      "contact.name",
      /U\+0000/,
    );
    await refused(
      await w.t.request("PATCH", "/api/v1/sub-processors/IXORDOCS", { body: { service: { en: BELL } } }),
      "service.en",
      /U\+0007/,
    );
    await refused(await w.t.request("PATCH", "/api/v1/customers/CF-CUST-001", { body: { "bad\u0001key": "x" } }), "(key)", /U\+0001/);
    expect(await snapshot(w.store)).toEqual(before);
  });

  it("refuses it in a change proposal's reason and vendor, and over-long vendor fields, with 422 not 500", async () => {
    const before = await snapshot(w.store);
    const propose = (body: Record<string, unknown>) =>
      w.t.request("POST", "/api/v1/sub-processor-changes", {
        token: "procurement",
        body: {
          kind: "add",
          vendor: OCR_VENDOR,
          activityIds: [w.maintenance],
          reason: { en: "Better OCR." },
          intendedStart: "2026-12-08",
          ...body,
        },
      });
    await refused(await propose({ reason: { en: LONE } }), "reason.en", /lone UTF-16 surrogate/);
    await refused(await propose({ vendor: { ...OCR_VENDOR, legalName: NUL } }), "vendor.legalName", /U\+0000/);
    await refused(await propose({ vendor: { ...OCR_VENDOR, legalName: "x".repeat(501) } }), "vendor.legalName", /500/);
    await refused(
      await propose({ vendor: { ...OCR_VENDOR, locations: [{ country: "DE", region: "r".repeat(501) }] } }),
      "vendor.locations.0.region",
      /500/,
    );
    await refused(await propose({ vendor: { ...OCR_VENDOR, companyNumber: "1".repeat(61) } }), "vendor.companyNumber", /60/);
    await refused(await propose({ vendor: { ...OCR_VENDOR, reference: "R".repeat(101) } }), "vendor.reference", /100/);
    expect(await snapshot(w.store)).toEqual(before);
  });

  it("refuses it in an objection received by letter", async () => {
    const proposed = await w.t.request("POST", "/api/v1/sub-processor-changes", {
      token: "procurement",
      body: {
        kind: "add",
        vendor: OCR_VENDOR,
        activityIds: [w.maintenance],
        reason: { en: "Better OCR." },
        intendedStart: "2026-12-08",
        announce: true,
      },
    });
    const changeId = (await bodyOf<{ id: string }>(proposed)).id;
    const notices = await bodyOf<{ items: { id: string }[] }>(
      await w.t.request("GET", `/api/v1/sub-processor-changes/${changeId}/notices`),
    );
    const before = await snapshot(w.store);
    const objection = await w.t.request("POST", `/api/v1/change-notices/${notices.items[0]?.id}/objections`, {
      token: "editor",
      body: { grounds: `We object ${NUL}` },
    });
    await refused(objection, "grounds", /U\+0000/);
    expect(await snapshot(w.store)).toEqual(before);
  });

  it("refuses it in an admin form beside the field", async () => {
    const ui = await makeAdminUi(w.store, w.clock);
    const session = await ui.signIn("admin");
    const form = readForm(await (await ui.get("/admin/customers/CF-CUST-001/edit", session)).text());
    const before = await snapshot(w.store);
    const response = await ui.post(form.action, fill(form, { "Legal name (required)": `Peeters${"\u0008"} BV` }), session);
    expect(response.status).toBe(422);
    expect(errorBeside(await response.text(), "legalName")).toMatch(/U\+0008/);
    expect(await snapshot(w.store)).toEqual(before);
  });

  it(
    "refuses it on the command line",
    async () => {
      const database = join(tempDir(), "register.db");
      const result = await run([
        join(ROOT, "src/cli/main.ts"),
        "--database",
        database,
        "token",
        "create",
        "--role",
        "admin",
        "--name",
        `ops${"\u0007"}`,
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/name: Contains the control character U\+0007/);
    },
    CHILD_PROCESS_TEST_MS,
  );
});

describe("documents over text stored before the rule", () => {
  it("render for every instant while a broken character was stored, showing it as U+FFFD", async () => {
    // As an earlier version could store it: in the record and in its audit entry.
    for (const entry of await w.store.db.select().from(auditEntries).where(eq(auditEntries.entityId, w.ixordocs))) {
      const broken = { ...(entry.after as Record<string, unknown>), legalName: LONE };
      await w.store.db.update(auditEntries).set({ after: broken }).where(eq(auditEntries.seq, entry.seq));
    }
    await w.store.db.update(subProcessors).set({ legalName: LONE }).where(eq(subProcessors.id, w.ixordocs));
    const asOf = "2025-06-01T00:00:00Z";
    for (const path of ["/api/v1/documents/art30-processor", "/api/v1/documents/annex/CF-DPA-2024-001"]) {
      for (const format of ["html", "json", "pdf"]) {
        for (const when of [asOf, null]) {
          const query = new URLSearchParams({ format, lang: "en", ...(when ? { asOf: when } : {}) });
          const response = await w.t.request("GET", `${path}?${query}`, { token: "read-only" });
          expect(response.status, `${path} ${format} ${when}`).toBe(200);
          if (format === "pdf") expect(flat(pdfText(new Uint8Array(await response.arrayBuffer())))).toContain("Vendor \uFFFD BV");
          else expect(await response.text()).toContain("Vendor \uFFFD BV");
        }
      }
    }
  });
});
