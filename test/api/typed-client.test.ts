import { describe, expect, it } from "vitest";
import type { paths } from "../generated/openapi-types.ts";
import { changeWorld } from "../helpers/changes.ts";
import type { TestApp } from "../helpers/test-app.ts";

// The procurement team generates its client from /api/openapi.json. This is
// such a client: its types come from the document (scripts/openapi.ts runs
// openapi-typescript), so a body or an answer that drifts from the document
// fails to compile here before it fails in production.

type Json<T> = T extends { content: { "application/json": infer B } } ? B : never;
type Operation<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];
type BodyOf<P extends keyof paths, M extends keyof paths[P]> = Operation<P, M> extends { requestBody: infer R } ? Json<R> : never;
type AnswerOf<P extends keyof paths, M extends keyof paths[P], S extends number> =
  Operation<P, M> extends { responses: infer R } ? (S extends keyof R ? Json<R[S]> : never) : never;

function client(t: TestApp) {
  return {
    async call<P extends keyof paths, M extends keyof paths[P] & string, S extends number>(
      method: M,
      path: P,
      expected: S,
      options: { params?: Record<string, string>; query?: Record<string, string>; body?: BodyOf<P, M> } = {},
    ): Promise<AnswerOf<P, M, S>> {
      const filled = String(path).replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(options.params?.[name] ?? ""));
      const query = options.query ? `?${new URLSearchParams(options.query)}` : "";
      const response = await t.request(method.toUpperCase(), `${filled}${query}`, { token: "procurement", body: options.body });
      expect(response.status, await response.clone().text()).toBe(expected);
      return (await response.json()) as AnswerOf<P, M, S>;
    },
  };
}

describe("a client generated from the OpenAPI document", () => {
  it("proposes and announces a sub-processor change, then asks for clearance, with typed bodies and answers", async () => {
    const w = await changeWorld();
    const api = client(w.t);
    const proposal: BodyOf<"/api/v1/sub-processor-changes", "post"> = {
      kind: "add",
      vendor: {
        legalName: "Klippa OCR GmbH",
        reference: "KLIPPA",
        address: { street: "Friedrichstraße 10", postalCode: "10117", city: "Berlin", country: "DE" },
        contact: { email: "privacy@klippa.example" },
        service: { en: "OCR of invoices" },
        locations: [{ country: "DE" }],
      },
      activityIds: [w.maintenance],
      reason: { en: "Better recognition of handwritten receipts." },
      intendedStart: "2026-12-08",
      announce: true,
    };
    const created = await api.call("post", "/api/v1/sub-processor-changes", 201, { body: proposal });
    expect(created.status).toBe("announced");
    const vendor = await api.call("get", "/api/v1/sub-processors/{id}", 200, { params: { id: "KLIPPA" } });
    expect(vendor.status).toBe("proposed");
    const answer = await api.call("get", "/api/v1/clearance", 200, { query: { subProcessorId: "KLIPPA", agreementId: "CF-DPA-2024-001" } });
    expect(answer.status).toBe("pending");
    expect(answer.reasons).toEqual(["Awaiting the authorisation of agreement CF-DPA-2025-003 (asked to answer by 2026-12-07)."]);
  });
});
