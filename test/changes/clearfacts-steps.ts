import { expect } from "vitest";
import { bodyOf } from "../helpers/test-app.ts";
import { type ChangeWorld, noticesOf, ocrProposal, propose } from "../helpers/changes.ts";

// The steps of the ClearFacts change tests: announcing a new OCR vendor to every customer, objecting, authorising, reading an annex.

// ClearFacts art. 13.6.3: a reasoned objection within 15 days of the notice.
// Notice on Friday 20 November 2026: day 15 is Saturday 5 December, so the
// window runs to the end of Monday 7 December in Brussels (23:00 UTC).
export const LAST_DAY = "2026-12-07";
export const CLOSES_AT = "2026-12-07T23:00:00.000Z";

export async function announced(w: ChangeWorld) {
  const change = await propose(w.t, ocrProposal(w.maintenance));
  const notices = await noticesOf(w.t, change.id);
  const byAgreement = (reference: string) => notices.find((n) => n.agreementId === w.agreements[reference]) as (typeof notices)[number];
  return {
    change,
    notices,
    peeters: byAgreement("CF-DPA-2024-001"),
    dupont: byAgreement("CF-DPA-2024-002"),
    janssens: byAgreement("CF-DPA-2025-003"),
  };
}

export async function object(w: ChangeWorld, noticeId: string, body: Record<string, unknown>) {
  const response = await w.t.request("POST", `/api/v1/change-notices/${noticeId}/objections`, {
    token: "editor",
    body: { grounds: "Our clients' data must stay with vendors we audited.", ...body },
  });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return bodyOf<{ id: string; onTime: boolean; receivedAt: string }>(response);
}

export async function grant(w: ChangeWorld, noticeId: string, decision = "granted") {
  const response = await w.t.request("POST", `/api/v1/change-notices/${noticeId}/authorisation`, { token: "editor", body: { decision } });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
}

export async function annexHtml(w: ChangeWorld, reference: string, asOf?: string) {
  const query = new URLSearchParams({ format: "html", lang: "en", ...(asOf ? { asOf } : {}) });
  const response = await w.t.request("GET", `/api/v1/documents/annex/${w.agreements[reference]}?${query}`, { token: "read-only" });
  expect(response.status).toBe(200);
  return response.text();
}
