import { describe, expect, it } from "vitest";
import { createSqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { writeTemplate } from "../../src/spreadsheets/template-writer.ts";
import { readXlsx, XLSX_TYPE } from "../../src/spreadsheets/xlsx-reader.ts";
import { cookieHeader, makeAdminUi, ORIGIN, type UiSession } from "../helpers/admin-ui.ts";
import { clearFactsRows } from "./clearfacts-sheet.ts";
import { registerState } from "./onboarding-app.ts";

async function ui() {
  const store = createSqliteStore(":memory:");
  const admin = await makeAdminUi(store, undefined, undefined, { scratchStore: () => createSqliteStore(":memory:") });
  return { store, admin };
}

/** Posts the upload form as a browser does: multipart, with the session's CSRF token. */
function upload(
  u: Awaited<ReturnType<typeof ui>>,
  session: UiSession,
  file: { bytes: Uint8Array | string; name: string; type: string } | null,
  action: "check" | "import",
  csrf = session.csrf,
) {
  const form = new FormData();
  form.append("_csrf", csrf);
  if (file) form.append("file", new File([file.bytes as BlobPart], file.name, { type: file.type }));
  form.append("kind", "");
  form.append("action", action);
  return u.admin.app.request(`${ORIGIN}/admin/onboarding`, {
    method: "POST",
    body: form,
    headers: { origin: ORIGIN, cookie: cookieHeader(session) },
  });
}

describe("the admin UI's spreadsheet import page", () => {
  it("links the template and checks an upload with a per-cell report, writing nothing", async () => {
    const u = await ui();
    const editor = await u.admin.signIn("editor");
    const admin = await u.admin.signIn("admin");
    const page = await (await u.admin.get("/admin/onboarding", editor)).text();
    expect(page).toContain('href="/admin/onboarding/template.xlsx"');
    expect(page).toContain('enctype="multipart/form-data"');
    expect(page).toContain('value="check"');
    expect(page).toContain('value="import"');
    const template = await u.admin.get("/admin/onboarding/template.xlsx", admin);
    expect(template.status).toBe(200);
    expect((await readXlsx(new Uint8Array(await template.arrayBuffer()))).sheets).toHaveLength(8);

    const rows = clearFactsRows();
    rows["sub-processors"]?.push({ Reference: "AWS", "Legal name": "Amazon again", Locations: "Mars" });
    const bad = { bytes: await writeTemplate(rows), name: "register.xlsx", type: XLSX_TYPE };
    const before = await registerState(u.store);
    const refused = await upload(u, editor, bad, "import");
    expect(refused.status).toBe(422);
    const report = await refused.text();
    expect(report).toContain("nothing was written");
    expect(report).toContain("<code>&#39;Sub-processors&#39;!A4</code>");
    expect(report).toContain("<code>&#39;Sub-processors&#39;!S4</code>");
    expect(report).toContain("Not an ISO 3166-1 alpha-2 country code");
    expect(await registerState(u.store)).toEqual(before);

    const good = { bytes: await writeTemplate(clearFactsRows()), name: "register.xlsx", type: XLSX_TYPE };
    // Vendors recorded as active without the change workflow are an admin's correction, as through the API.
    const editorCheck = await upload(u, editor, good, "check");
    expect(editorCheck.status).toBe(422);
    expect(await editorCheck.text()).toContain("Only an admin may correct what follows a workflow.");
    const checked = await upload(u, admin, good, "check");
    expect(checked.status).toBe(200);
    expect(await checked.text()).toContain("passes every check");
    expect(await registerState(u.store)).toEqual(before);
  });

  it("imports as an admin, and refuses a missing file or a post without the CSRF token", async () => {
    const u = await ui();
    const admin = await u.admin.signIn("admin");
    const missing = await upload(u, admin, null, "check");
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain("Choose the filled-in spreadsheet");

    const good = { bytes: await writeTemplate(clearFactsRows()), name: "register.xlsx", type: XLSX_TYPE };
    const forged = await upload(u, admin, good, "import", "not-the-token");
    expect(forged.status).toBe(403);
    expect((await registerState(u.store)).rows.customers).toHaveLength(0);

    const imported = await upload(u, admin, good, "import");
    expect(imported.status).toBe(200);
    const text = await imported.text();
    expect(text).toContain("Imported register.xlsx");
    expect(text).toContain("Sub-processors are recorded as they stand");
    expect((await registerState(u.store)).rows.customers).toHaveLength(3);
  });
});
