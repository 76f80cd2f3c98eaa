import { expect } from "vitest";
import { settableClock } from "./clocks.ts";
import { loadDemoRegister } from "./demo-register.ts";
import { memoryStore } from "./sqlite.ts";
import { bodyOf, makeTestApp, type TestApp, type TokenName } from "./test-app.ts";

/** The day before the ClearFacts notice: Friday 20 November 2026, 10:00 in Brussels. */
export const NOTICE_DAY = "2026-11-20T09:00:00.000Z";

/**
 * The ClearFacts demo register behind the real app, with a settable clock:
 * three agreements covering the "maintenance" activity (two under general
 * authorisation, 15 calendar days; one under prior specific authorisation).
 */
export async function changeWorld(start = NOTICE_DAY) {
  const store = memoryStore();
  const demo = await loadDemoRegister(store);
  const clock = settableClock(start);
  const t = await makeTestApp(store, clock);
  const activities = await bodyOf<{ items: { id: string; name: { en?: string } }[] }>(
    await t.request("GET", "/api/v1/activities?limit=200"),
  );
  const activity = (prefix: string) => activities.items.find((a) => a.name.en?.startsWith(prefix))?.id as string;
  const vendors = await bodyOf<{ items: { id: string; legalName: string }[] }>(await t.request("GET", "/api/v1/sub-processors"));
  const vendor = (name: string) => vendors.items.find((s) => s.legalName.startsWith(name))?.id as string;
  return {
    store,
    clock,
    t,
    agreements: demo.agreementIds,
    maintenance: activity("Maintenance"),
    access: activity("Managing access"),
    aws: vendor("Amazon"),
    ixordocs: vendor("IxorDocs"),
  };
}
export type ChangeWorld = Awaited<ReturnType<typeof changeWorld>>;

export const OCR_VENDOR = {
  legalName: "Klippa OCR GmbH",
  address: { street: "Friedrichstraße 10", postalCode: "10117", city: "Berlin", country: "DE" },
  contact: { name: "Privacy Team", email: "privacy@klippa.example" },
  service: { en: "OCR of invoices and receipts", nl: "OCR van facturen en bonnetjes" },
  processingDescription: { en: "Reads uploaded invoices and returns the recognised fields." },
  locations: [{ country: "DE" }],
};

export function ocrProposal(activityId: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: "add",
    vendor: OCR_VENDOR,
    activityIds: [activityId],
    reason: { en: "Better recognition of handwritten receipts.", nl: "Betere herkenning van handgeschreven bonnetjes." },
    intendedStart: "2026-12-08",
    announce: true,
    ...overrides,
  };
}

export interface ChangeOut {
  id: string;
  subProcessorId: string;
  status: string;
  earliestStart: string | null;
  intendedStart: string;
}
export interface NoticeOut {
  id: string;
  changeId: string;
  agreementId: string;
  kind: string;
  noticeDate: string;
  lastDay: string;
  closesAt: string;
  status: string;
  outcome: string;
  authorisation: string | null;
}

/** Proposes through the API and expects it accepted. */
export async function propose(t: TestApp, body: unknown, token: TokenName = "procurement", key?: string): Promise<ChangeOut> {
  const response = await t.request("POST", "/api/v1/sub-processor-changes", {
    token,
    body,
    headers: key ? { "idempotency-key": key } : {},
  });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return bodyOf<ChangeOut>(response);
}

export async function noticesOf(t: TestApp, changeId: string): Promise<NoticeOut[]> {
  const response = await t.request("GET", `/api/v1/sub-processor-changes/${changeId}/notices?limit=500`);
  expect(response.status).toBe(200);
  return (await bodyOf<{ items: NoticeOut[] }>(response)).items;
}

export async function clearanceOf(t: TestApp, query: Record<string, string>) {
  const response = await t.request("GET", `/api/v1/clearance?${new URLSearchParams(query)}`, { token: "procurement" });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
  return bodyOf<{ status: string; until: string | null; reasons: string[]; objections: { id: string; agreementId: string }[] }>(response);
}

export async function runLifecycle(t: TestApp) {
  const response = await t.request("POST", "/api/v1/lifecycle/run");
  expect(response.status).toBe(200);
  return bodyOf<{
    effective: string[];
    reminded: string[];
    failed: unknown[];
    duties: { reminded: string[]; failed: unknown[] };
    reviews: { reminded: string[]; failed: unknown[] };
    windows: { reminded: string[]; failed: unknown[] };
  }>(response);
}
