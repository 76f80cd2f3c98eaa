// A certification a measure relies on runs out: the documents that name it say so once, and the
// dashboard warns before it does.
import { describe, expect, it } from "vitest";
import { makeAdminUi } from "../helpers/admin-ui.ts";
import { changeWorld } from "../helpers/changes.ts";
import { bodyOf } from "../helpers/test-app.ts";

interface Finding {
  article: string;
  code: string;
  message: string;
  entityId: string | null;
}

describe("certification expiry", () => {
  it("is a finding in the annex once it has expired, and a dashboard warning from 60 days before", async () => {
    // 20 November 2026.
    const w = await changeWorld();
    const activity = await bodyOf<{ securityMeasureIds: string[] }>(await w.t.request("GET", `/api/v1/activities/${w.maintenance}`));
    const measureId = activity.securityMeasureIds[0] as string;
    const patched = await w.t.request("PATCH", `/api/v1/security-measures/${measureId}`, {
      body: {
        certifications: [
          { name: "ISO/IEC 27001:2022", issuer: "BSI", validUntil: "2026-11-01" },
          { name: "SOC 2 Type II", validUntil: "2026-12-31" },
          { name: "ISAE 3402", validUntil: "2027-12-31" },
        ],
      },
    });
    expect(patched.status, await patched.clone().text()).toBe(200);
    const title = (await bodyOf<{ title: { en: string } }>(patched)).title.en;

    const check = await bodyOf<{ complete: boolean; findings: Finding[] }>(
      await w.t.request("GET", `/api/v1/documents/annex/${w.agreements["CF-DPA-2024-001"]}/completeness?lang=en`),
    );
    const expired = check.findings.filter((f) => f.code === "certificationExpired");
    expect(expired).toEqual([
      {
        article: "Annex III",
        code: "certificationExpired",
        message: `${title}: certification ISO/IEC 27001:2022 expired on 2026-11-01`,
        entityType: "security_measure",
        entityId: measureId,
      },
    ]);
    expect(check.complete).toBe(false);

    const ui = await makeAdminUi(w.store, w.clock);
    const dashboard = await (await ui.get("/admin", await ui.signIn("read-only"))).text();
    const section = dashboard.slice(dashboard.indexOf("<h2>Certifications expiring</h2>"));
    expect(section).toMatch(/ISO\/IEC 27001:2022 \(BSI\)<\/td>[\s\S]*?1 November 2026 <span class="badge warn">expired<\/span>/);
    expect(section).toMatch(/SOC 2 Type II<\/td>[\s\S]*?31 December 2026 <span class="badge">expires soon<\/span>/);
    expect(section).not.toContain("ISAE 3402");
  });
});
