import { expect } from "vitest";
import { createApp } from "../../src/app.ts";
import type { AppDeps } from "../../src/http/env.ts";
import { type Clock, makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import type { Store } from "../../src/core/kernel/ports/store.ts";
import type { Role } from "../../src/core/kernel/roles.ts";
import { createToken, revokeToken } from "../../src/core/accounts/token-use-cases.ts";

export type TokenName = Role | "revoked";

export interface TestApp {
  store: Store;
  tokens: Record<TokenName, string>;
  request(method: string, path: string, options?: RequestOptions): Promise<Response>;
}

export interface RequestOptions {
  token?: TokenName | null;
  body?: unknown;
  /** A raw body sent as is, with no content type unless given. */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** The real app over `store`, with one token per role and one revoked token. */
export async function makeTestApp(store: Store, clock?: Clock, deps: Partial<AppDeps> = {}): Promise<TestApp> {
  const ctx = makeCtx(store, SYSTEM_ACTOR, clock);
  const tokens = {} as Record<TokenName, string>;
  for (const role of ["admin", "editor", "read-only", "procurement", "calendar"] as const) {
    tokens[role] = (await createToken(ctx, { name: `test ${role}`, role })).token;
  }
  const revoked = await createToken(ctx, { name: "revoked", role: "admin" });
  await revokeToken(ctx, revoked.id);
  tokens.revoked = revoked.token;

  const app = createApp({ store, clock, ...deps });
  return {
    store,
    tokens,
    request(method, path, { token = "admin", body, rawBody, headers = {} } = {}) {
      const h: Record<string, string> = { ...headers };
      if (token) h.authorization = `Bearer ${tokens[token]}`;
      let payload: string | undefined = rawBody;
      if (body !== undefined) {
        payload = JSON.stringify(body);
        h["content-type"] ??= "application/json";
      }
      return Promise.resolve(app.request(path, { method, headers: h, body: payload }));
    },
  };
}

/** Parses a JSON or problem+json response body. */
export async function bodyOf<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** POSTs a body that must be valid and returns the new entity's id; a refusal fails the test with its problem details. */
export async function createdVia(t: TestApp, path: string, body: unknown): Promise<{ id: string }> {
  const response = await t.request("POST", path, { body });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return bodyOf<{ id: string }>(response);
}

/**
 * A sub-processor recorded as proposed and made active by an admin's
 * correction, as a DPO records a vendor that was in place before the register
 * was kept: a direct create may only propose one.
 */
export async function activeSubProcessorVia(t: TestApp, body: Record<string, unknown>): Promise<Record<string, unknown> & { id: string }> {
  const { status: _status, ...fields } = body;
  const created = await createdVia(t, "/api/v1/sub-processors", { ...fields, status: "proposed" });
  const response = await t.request("POST", `/api/v1/sub-processors/${created.id}/corrections`, {
    body: { reason: "In place before the register was kept; every customer signed it.", changes: { status: "active" } },
  });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
  return bodyOf(response);
}
