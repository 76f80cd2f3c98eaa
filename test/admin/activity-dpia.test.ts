// An activity's impact assessment and review date through its edit form (no script).
import { describe, expect, it } from "vitest";
import { activityKind } from "../../src/core/register/activities.ts";
import { getEntity } from "../../src/core/register/use-cases/get-entity.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { errorBeside, fill, flashOf, follow, readForm, signedIn } from "./register-form-reader.ts";

describe("an activity's impact assessment in the admin UI", () => {
  it("asks the reason beside the field when none is needed, then saves it with the review date", async () => {
    const { ui, session, store } = await signedIn("editor", { demo: true });
    const list = await (await ui.get("/admin/activities", session)).text();
    const id = /href="\/admin\/activities\/([0-9a-f-]{36})"/.exec(list)?.[1] ?? "";
    const form = readForm(await (await ui.get(`/admin/activities/${id}/edit`, session)).text());

    const before = await snapshot(store);
    const missing = await ui.post(form.action, fill(form, { "Impact assessment": "not_required" }), session);
    expect(missing.status).toBe(422);
    expect(errorBeside(await missing.text(), "dpia.reason")).toBeTruthy();
    expect(await snapshot(store)).toEqual(before);

    const saved = await follow(
      ui,
      await ui.post(
        form.action,
        fill(form, {
          "Impact assessment": "not_required",
          "Why none is needed": "No large-scale or special-category processing",
          "Next review on": "2027-03-01",
        }),
        session,
      ),
      session,
    );
    expect(flashOf(saved.html)).toBe("Saved.");
    expect(await getEntity(makeCtx(store, SYSTEM_ACTOR), activityKind, id)).toMatchObject({
      dpia: { kind: "not_required", reason: "No large-scale or special-category processing" },
      nextReviewOn: "2027-03-01",
    });
    expect(saved.html).toContain("No large-scale or special-category processing");
  });
});
