import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { subjectCategoryKind } from "../../src/core/register/subject-categories.ts";
import { createEntity } from "../../src/core/register/use-cases/create-entity.ts";
import { expectHeading, signIn, startWorld, type World } from "./harness.ts";

/**
 * A long list of register entries to tick (here, 16 categories of data subjects): a box narrows it
 * to the names holding what is typed, and a ticked entry never disappears from it.
 */
let world: World;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  world = await startWorld();
  const ctx = makeCtx(world.store, SYSTEM_ACTOR);
  for (const name of [
    "Trainees",
    "Temporary staff",
    "Suppliers' staff",
    "Visitors",
    "Job applicants",
    "Pensioners",
    "Board members",
    "Shareholders",
    "Patients",
    "Students",
    "Volunteers",
    "Website visitors",
  ]) {
    await createEntity(ctx, subjectCategoryKind, { name: { en: name } });
  }
  context = await world.newContext();
  page = await context.newPage();
  await signIn(page);
});
afterAll(async () => {
  await world?.close();
});

describe("picking from a long list", () => {
  test("narrows the checkboxes as a name is typed, keeping the ticked ones", async () => {
    await page.goto("/admin/activities/new");
    await expectHeading(page, "New activity");
    const group = page.getByRole("group", { name: "Categories of data subjects" });
    const filter = group.getByLabel("Find in Categories of data subjects");
    expect(await filter.isVisible()).toBe(true);
    const shown = async () => (await group.locator(".check:visible label").allInnerTexts()).sort();
    const all = await shown();
    expect(all.length).toBeGreaterThanOrEqual(16);

    await group.getByLabel("Volunteers").check();
    await filter.fill("visit");
    expect(await shown()).toEqual(["Visitors", "Volunteers", "Website visitors"]);
    await filter.fill("");
    expect(await shown()).toEqual(all);
  });
});
