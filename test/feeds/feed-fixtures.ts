import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { activities } from "../../db/schema.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { bodyOf, makeTestApp, type TestApp } from "../helpers/test-app.ts";

/** The ClearFacts case: notices given on Friday 20 November 2026; 15 calendar days end on Saturday 5 December, moved to Monday 7 December. */
export const NOTICE_GIVEN = "2026-11-20T09:00:00.000Z";
export const LAST_DAY = "2026-12-07";
export const INTENDED_START = "2026-12-08";

export interface FeedWorld {
  t: TestApp;
  clock: { t: number; now(): Date };
  processorActivityIds: string[];
  agreementIds: Record<string, string>;
}

export async function clearFactsWorld(): Promise<FeedWorld> {
  const store = memoryStore();
  const { agreementIds } = await loadDemoRegister(store);
  const clock = {
    t: Date.parse(NOTICE_GIVEN),
    now() {
      return new Date(this.t);
    },
  };
  const t = await makeTestApp(store, clock);
  const rows = await store.db.select({ id: activities.id }).from(activities).where(eq(activities.role, "processor"));
  return { t, clock, processorActivityIds: rows.map((r) => r.id), agreementIds };
}

export interface ProposedChange {
  id: string;
  subProcessorId: string;
  status: string;
  announcedAt: string | null;
}

/** Proposes (and by default announces) adding a new vendor, through the API as procurement would. */
export async function proposeVendor(
  w: FeedWorld,
  legalName: string,
  options: { announce?: boolean; service?: string; country?: string } = {},
): Promise<ProposedChange> {
  const response = await w.t.request("POST", "/api/v1/sub-processor-changes", {
    token: "procurement",
    body: {
      kind: "add",
      vendor: {
        legalName,
        address: { street: "Hauptstrasse 1", postalCode: "10115", city: "Berlin", country: "DE" },
        contact: { email: "privacy@vendor.example" },
        service: { en: options.service ?? "OCR", nl: options.service ?? "OCR" },
        locations: [{ country: options.country ?? "DE" }],
        ...(options.country === "US" ? { transferMechanism: { kind: "scc" } } : {}),
      },
      activityIds: w.processorActivityIds.slice(0, 1),
      reason: { en: "Better recognition" },
      intendedStart: INTENDED_START,
      announce: options.announce ?? true,
    },
  });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return bodyOf<ProposedChange>(response);
}

export interface NoticeOut {
  id: string;
  kind: string;
  lastDay: string;
  agreementId: string;
  authorisation: string | null;
}

export async function noticesOf(w: FeedWorld, changeId: string): Promise<NoticeOut[]> {
  const response = await w.t.request("GET", `/api/v1/sub-processor-changes/${changeId}/notices`);
  expect(response.status).toBe(200);
  return (await bodyOf<{ items: NoticeOut[] }>(response)).items;
}

/** Grants every option-1 authorisation still awaited, moves past the last window and runs the scheduler: the change takes effect. */
export async function makeEffective(w: FeedWorld, changeId: string, at: string): Promise<void> {
  for (const notice of (await noticesOf(w, changeId)).filter((n) => n.authorisation === "requested")) {
    const granted = await w.t.request("POST", `/api/v1/change-notices/${notice.id}/authorisation`, { body: { decision: "granted" } });
    expect(granted.status, JSON.stringify(await granted.clone().json())).toBe(200);
  }
  w.clock.t = Date.parse(at);
  const run = await w.t.request("POST", "/api/v1/lifecycle/run");
  expect(run.status).toBe(200);
  expect((await bodyOf<{ effective: string[] }>(run)).effective).toContain(changeId);
}

export const publicGet = (w: FeedWorld, path: string, headers: Record<string, string> = {}) =>
  w.t.request("GET", path, { token: null, headers });
