// The Efficado case's register: the ClearFacts demo plus three Efficado customers whose agreements
// have Efficado's terms-change clock (art. 1.3: 14 days to object), and the helpers its tests share.
import { expect } from "vitest";
import { changeWorld } from "../helpers/changes.ts";
import { bodyOf, type TestApp } from "../helpers/test-app.ts";

/** Friday 20 November 2026, 10:00 in Brussels: the notice day. Fourteen calendar days later is Friday 4 December. */
export const NOTICE = "2026-11-20T09:00:00.000Z";
/** The last instant of 4 December in Brussels (CET, UTC+1), and the first one after it. */
export const LAST_DAY_2330 = "2026-12-04T22:30:00.000Z";
export const WINDOW_CLOSED = "2026-12-04T23:00:00.000Z";
export const FOURTEEN_DAYS = { length: 14, unit: "calendar_days" } as const;

export interface TermsChange {
  id: string;
  status: string;
  version: string;
  effectiveOn: string;
  earliestEffective: string | null;
  agreementIds: string[];
}
export interface NoticeLine {
  notice: {
    id: string;
    agreementId: string;
    subject: string;
    lastDay: string;
    closesAt: string;
    status: string;
    outcome: string;
    outcomeReason: string | null;
  };
  agreementReference: string;
  objections: { onTime: boolean; channel: string }[];
  mayTerminate: boolean;
}

export const CUSTOMERS = [
  { reference: "EFF-001", legalName: "Bakkerij Claes BV", language: "nl", email: "dpo@claes.example" },
  { reference: "EFF-002", legalName: "Imprimerie Lambert SRL", language: "fr", email: "dpo@lambert.example" },
  { reference: "EFF-003", legalName: "Harbour Freight Ltd", language: "en", email: "dpo@harbour.example" },
] as const;

export async function created(t: TestApp, path: string, body: unknown): Promise<{ id: string }> {
  const response = await t.request("POST", path, { body });
  expect(response.status, await response.clone().text()).toBe(201);
  return bodyOf<{ id: string }>(response);
}

/** The demo register plus three Efficado customers, each agreement with Efficado's 14-day terms-change clock. */
export async function efficadoWorld() {
  const w = await changeWorld(NOTICE);
  for (const c of CUSTOMERS) {
    const customer = await created(w.t, "/api/v1/customers", {
      legalName: c.legalName,
      address: { street: "Kerkstraat 1", postalCode: "9000", city: "Gent", country: "BE" },
      contact: { name: `DPO ${c.legalName}`, email: c.email },
      language: c.language,
    });
    await created(w.t, "/api/v1/agreements", {
      customerId: customer.id,
      reference: c.reference,
      version: "2024.1",
      signedOn: "2024-06-01",
      language: c.language,
      authorisation: "general",
      clocks: { subProcessorNotice: { length: 30, unit: "calendar_days" }, termsChangeObjection: FOURTEEN_DAYS },
      governingCountry: "BE",
      timeZone: "Europe/Brussels",
      status: "active",
      activityIds: [w.maintenance],
    });
  }
  return w;
}

export const termsChange = (overrides: Record<string, unknown> = {}) => ({
  version: "2027.1",
  summary: {
    en: "Invoices are now payable within 30 days instead of 14.",
    nl: "Facturen zijn voortaan betaalbaar binnen 30 dagen in plaats van 14.",
    fr: "Les factures sont désormais payables à 30 jours au lieu de 14.",
  },
  effectiveOn: "2026-12-07",
  documents: [{ title: "General terms 2027.1", url: "https://efficado.example/terms/2027.1.pdf" }],
  agreementIds: CUSTOMERS.map((c) => c.reference),
  announce: true,
  ...overrides,
});

export async function detailOf(t: TestApp, id: string) {
  const response = await t.request("GET", `/api/v1/terms-changes/${id}`, { token: "read-only" });
  expect(response.status).toBe(200);
  return bodyOf<TermsChange & { notices: NoticeLine[] }>(response);
}

export const versionOf = async (t: TestApp, reference: string) =>
  (await bodyOf<{ version: string }>(await t.request("GET", `/api/v1/agreements/${reference}`))).version;
