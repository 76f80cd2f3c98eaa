import { createApp } from "../../src/app.ts";
import { type Clock, makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import type { Store } from "../../src/core/kernel/ports/store.ts";
import { createToken } from "../../src/core/accounts/token-use-cases.ts";
import { count } from "drizzle-orm";
import { auditEntries } from "../../db/schema.ts";
import { createSqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { XLSX_TYPE } from "../../src/spreadsheets/xlsx-reader.ts";
import { snapshot } from "../helpers/snapshot.ts";

export { XLSX_TYPE };

/** The app as the Node entry builds it for imports: with a scratch store factory. */
export async function onboardingApp(store: Store, clock?: Clock) {
  const ctx = makeCtx(store, SYSTEM_ACTOR, clock);
  const tokens = {
    admin: (await createToken(ctx, { name: "test admin", role: "admin" })).token,
    editor: (await createToken(ctx, { name: "test editor", role: "editor" })).token,
    "read-only": (await createToken(ctx, { name: "test reader", role: "read-only" })).token,
  };
  const app = createApp({ store, clock, scratchStore: () => createSqliteStore(":memory:") });
  return {
    app,
    store,
    request(
      method: string,
      path: string,
      o: { token?: keyof typeof tokens; body?: Uint8Array | string; type?: string; json?: unknown } = {},
    ) {
      const headers: Record<string, string> = { authorization: `Bearer ${tokens[o.token ?? "admin"]}` };
      let body: BodyInit | undefined;
      if (o.json !== undefined) {
        headers["content-type"] = "application/json";
        body = JSON.stringify(o.json);
      } else if (o.body !== undefined) {
        headers["content-type"] = o.type ?? XLSX_TYPE;
        body = o.body as BodyInit;
      }
      return Promise.resolve(app.request(path, { method, headers, body }));
    },
  };
}

/** Every register row and the number of audit entries: what an import that writes nothing leaves as it was. */
export async function registerState(store: Store) {
  const [audit] = await store.db.select({ n: count() }).from(auditEntries);
  const { audit_entries: _a, api_tokens: _t, ...rows } = await snapshot(store);
  return { audit: audit?.n ?? 0, rows };
}
