// A register built the same way, byte for byte, every time it is built: the
// demo register, a sub-processor change announced to its customers, a user,
// tokens (one revoked), and three document exports as of three past
// instants, signed with a checkpoint key given by the caller. Ids, secrets,
// salts and the clock are seeded, so the Node suites and the Worker suites
// (which get it from test/workers/register-export-fixture.ts) hold the very
// same export file. No vitest import: a plain Node script runs it too.
import { like } from "drizzle-orm";
import { activities, agreements } from "../../db/schema.ts";
import { signerFromKey } from "../../src/core/kernel/audit/checkpoints.ts";
import { proposeChange } from "../../src/core/changes/proposal/propose-change.ts";
import { type Ctx, makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { loadDemoData } from "../../src/core/demo/load-demo-data.ts";
import { exportDocument } from "../../src/core/documents/export-use-cases.ts";
import { ENTITY_KINDS } from "../../src/core/register/kinds.ts";
import { exportRegister } from "../../src/core/register-transfer/export-register.ts";
import type { RegisterExport } from "../../src/core/register-transfer/export-format.ts";
import { createToken, revokeToken } from "../../src/core/accounts/token-use-cases.ts";
import { updateEntity } from "../../src/core/register/use-cases/update-entity.ts";
import { createUser } from "../../src/core/accounts/user-use-cases.ts";
import { createSqliteStore, type SqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { tickingClock } from "./clocks.ts";

export interface RegisterFixture {
  /** The export file's text. */
  text: string;
  document: RegisterExport;
  /** An admin token of the exported register: it keeps working wherever the register is imported. */
  adminToken: string;
  /** The checkpoint key's public key: a service importing the file must trust it. */
  publicKey: string;
  /** The documents exported as of three past instants, with the sha256 Node rendered. */
  exports: { id: string; asOf: string; sha256: string; kind: string; agreementId: string | null; language: string; format: string }[];
  /** The source register, for comparisons; the caller closes it. */
  store: SqliteStore;
}

export const FIXTURE_START = "2025-01-01T09:00:00.000Z";
const NOTICE_DAY = "2026-11-20T09:00:00.000Z";

export async function buildRegisterFixture(checkpointKey: string): Promise<RegisterFixture> {
  const restore = seedRandomness(20261129);
  try {
    return await build(checkpointKey);
  } finally {
    restore();
  }
}

async function build(checkpointKey: string): Promise<RegisterFixture> {
  const store = createSqliteStore(":memory:");
  const clock = tickingClock(FIXTURE_START);
  let ids = 0;
  const signer = await signerFromKey(checkpointKey);
  const ctx: Ctx = {
    ...makeCtx(store, SYSTEM_ACTOR, clock),
    // Version 7 layout with a counter for the time and random parts: ordered like real ids.
    newId: () => `0190a000-0000-7000-8000-${(++ids).toString(16).padStart(12, "0")}`,
    checkpointSigner: signer,
  };
  await loadDemoData(ctx);
  const admin = await createToken(ctx, { name: "register admin", role: "admin" });
  await createUser(
    ctx,
    { email: "dpo@fixture.example", name: "Fixture DPO", role: "admin", password: "correct horse battery staple" },
    { N: 2 ** 10, r: 8, p: 1 },
  );
  const first = clock.peek();

  clock.advance(Date.parse(NOTICE_DAY) - Date.parse(clock.peek()));
  const [maintenance] = await store.db.select({ id: activities.id }).from(activities).where(like(activities.name, "%Maintenance%"));
  await proposeChange(
    ctx,
    {
      kind: "add",
      vendor: {
        legalName: "Klippa OCR GmbH",
        address: { street: "Friedrichstraße 10", postalCode: "10117", city: "Berlin", country: "DE" },
        contact: { name: "Privacy Team", email: "privacy@klippa.example" },
        service: { en: "OCR of invoices and receipts", nl: "OCR van facturen en bonnetjes" },
        locations: [{ country: "DE" }],
      },
      activityIds: [maintenance?.id],
      reason: { en: "Better recognition of handwritten receipts.", nl: "Betere herkenning van handgeschreven bonnetjes." },
      intendedStart: "2026-12-08",
      announce: true,
    },
    null,
  );
  await updateEntity(ctx, ENTITY_KINDS.customers, "CF-CUST-001", { companyNumber: "0123.456.750" });
  const second = clock.peek();

  const spare = await createToken(ctx, { name: "old procurement", role: "procurement" });
  await revokeToken(ctx, spare.id);
  const third = clock.peek();

  const [agreement] = await store.db.select({ id: agreements.id }).from(agreements).where(like(agreements.reference, "CF-DPA-2024-001"));
  const annex = agreement?.id ?? null;
  const requests = [
    { kind: "annex", agreementId: annex, format: "pdf", language: "nl", asOf: first },
    { kind: "art30-processor", agreementId: null, format: "html", language: "en", asOf: second },
    { kind: "annex", agreementId: annex, format: "html", language: "fr", asOf: third },
  ];
  const exports: RegisterFixture["exports"] = [];
  for (const request of requests) {
    const { record } = await exportDocument(ctx, { ...request, draft: false });
    exports.push({
      id: record.id,
      asOf: record.asOf,
      sha256: record.sha256,
      kind: record.kind,
      agreementId: record.agreementId,
      language: record.language,
      format: record.format,
    });
  }
  const { document, text } = await exportRegister(ctx);
  return { text, document, adminToken: admin.token, publicKey: signer.publicKey, exports, store };
}

/**
 * crypto.getRandomValues from a fixed seed (mulberry32) while the fixture is
 * built: token secrets, password salts and the objection-link key. Returns
 * what puts the real one back.
 */
function seedRandomness(seed: number): () => void {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const had = Object.hasOwn(crypto, "getRandomValues");
  const original = crypto.getRandomValues;
  Object.defineProperty(crypto, "getRandomValues", {
    configurable: true,
    writable: true,
    value: <T extends ArrayBufferView | null>(array: T): T => {
      if (array) {
        const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
        for (let i = 0; i < bytes.length; i++) bytes[i] = next() & 0xff;
      }
      return array;
    },
  });
  return () => {
    if (had) Object.defineProperty(crypto, "getRandomValues", { configurable: true, writable: true, value: original });
    else delete (crypto as { getRandomValues?: unknown }).getRandomValues;
  };
}
