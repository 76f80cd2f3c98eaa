// The changes benchmark's register: the organisation, one processor activity and N customers
// with one active agreement each covering it (not timed), and the vendor proposals each run announces.
import { eq } from "drizzle-orm";
import { agreementActivities, agreements, customers } from "../../db/schema.ts";
import { affectedAgreements } from "../../src/core/changes/announcement/affected-agreements.ts";
import { type Ctx, makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { putOrganisation } from "../../src/core/organisation/organisation-use-cases.ts";
import { ENTITY_KINDS as K } from "../../src/core/register/kinds.ts";
import { createEntity } from "../../src/core/register/use-cases/create-entity.ts";
import { insertMany } from "../../src/core/kernel/ports/insert-many.ts";
import type { SqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { freshStore } from "./temp-store.ts";

// A fixed clock: notices dated Friday 2026-11-20 (Brussels), 15 calendar days end on Saturday
// 2026-12-05, moved to Monday 2026-12-07, so the earliest start is 2026-12-08.
export const NOW = new Date("2026-11-20T09:00:00Z");
const INTENDED_START = "2026-12-08";
const LANGUAGES = ["en", "nl", "fr"] as const;

export interface Register {
  store: SqliteStore;
  ctx: Ctx;
  activityId: string;
  priorSpecific: number;
  setupMs: number;
}

/**
 * The organisation, the activity and the first customer and agreement go through the audited use
 * cases; the other N-1 customers and agreements are copies of those stored rows (ids, names,
 * languages and authorisation varied), inserted with multi-row INSERTs: creating 20,000 entities
 * one by one would take minutes and is not what is measured.
 */
export async function buildRegister(n: number): Promise<Register> {
  const t0 = performance.now();
  const store = freshStore("bench-changes-");
  const ctx = makeCtx(store, SYSTEM_ACTOR, { now: () => NOW });
  await putOrganisation(ctx, {
    legalName: "Bench Accounting Cloud NV",
    companyNumber: "0123.456.789",
    address: { street: "Kerkstraat 1", postalCode: "9000", city: "Gent", country: "BE" },
    contact: { name: "Privacy team", email: "privacy@bench.example" },
    dpo: { name: "An Peeters", email: "dpo@bench.example" },
    defaultLanguage: "en",
  });
  const activity = await createEntity(ctx, K.activities, {
    role: "processor",
    status: "active",
    name: {
      en: "Recognising and booking purchase invoices",
      nl: "Herkennen en boeken van aankoopfacturen",
      fr: "Reconnaissance et comptabilisation des factures d'achat",
    },
  });
  const customer = (i: number) => ({
    legalName: `Boekhoudkantoor ${i + 1} BV`,
    address: {
      street: `Kerkstraat ${1 + (i % 250)}`,
      postalCode: String(1000 + (i % 8999)),
      city: i % 2 ? "Gent" : "Brussel",
      country: "BE",
    },
    contact: { ...(i % 4 ? { name: `Zaakvoerder ${i + 1}` } : {}), email: `c${i + 1}@customer.example` },
    language: LANGUAGES[i % 3]!,
  });
  const agreement = (i: number, customerId: string) => ({
    customerId,
    reference: `BENCH-DPA-${String(i + 1).padStart(6, "0")}`,
    version: "2026.1",
    signedOn: "2026-01-15",
    language: LANGUAGES[i % 3]!,
    authorisation: i % 10 === 0 ? ("prior_specific" as const) : ("general" as const),
    clocks: { subProcessorNotice: { length: 15, unit: "calendar_days" as const } },
    governingCountry: "BE",
    timeZone: "Europe/Brussels",
    status: "active" as const,
    activityIds: [activity.id],
  });
  const first = await createEntity(ctx, K.customers, customer(0));
  await createEntity(ctx, K.agreements, agreement(0, first.id));
  const [customerRow] = await store.db.select().from(customers).where(eq(customers.id, first.id));
  const [agreementRow] = await store.db.select().from(agreements).where(eq(agreements.customerId, first.id));
  if (!customerRow || !agreementRow) throw new Error("setup: the first customer or agreement was not stored");
  const customerRows: (typeof customers.$inferInsert)[] = [];
  const agreementRows: (typeof agreements.$inferInsert)[] = [];
  const links: (typeof agreementActivities.$inferInsert)[] = [];
  for (let i = 1; i < n; i++) {
    const c = { ...customerRow, ...customer(i), id: ctx.newId() };
    const { activityIds: _, ...a } = { ...agreementRow, ...agreement(i, c.id), id: ctx.newId() };
    customerRows.push(c);
    agreementRows.push(a);
    links.push({ agreementId: a.id, activityId: activity.id, position: 0 });
  }
  await store.atomic([
    ...insertMany(store, customers, customerRows),
    ...insertMany(store, agreements, agreementRows),
    ...insertMany(store, agreementActivities, links),
  ]);
  const found = (await affectedAgreements(ctx, [activity.id])).length;
  if (found !== n) throw new Error(`setup: ${found} agreements cover the activity, expected ${n}`);
  return { store, ctx, activityId: activity.id, priorSpecific: Math.ceil(n / 10), setupMs: performance.now() - t0 };
}

let vendors = 0;
/** A proposal of a new vendor for the activity; a fresh vendor each time, so proposals never overlap. */
export const proposal = (activityId: string, announce: boolean) => {
  vendors += 1;
  return {
    kind: "add",
    vendor: {
      legalName: `ScanWorks ${vendors} GmbH`,
      address: { street: "Friedrichstraße 100", postalCode: "10117", city: "Berlin", country: "DE" },
      contact: { name: "Privacy office", email: `privacy${vendors}@scanworks.example` },
      service: { en: "OCR of documents", nl: "OCR van documenten", fr: "OCR de documents" },
      locations: [{ country: "DE" }, { country: "IE" }],
    },
    activityIds: [activityId],
    reason: {
      en: "More accurate recognition of scanned invoices.",
      nl: "Nauwkeurigere herkenning van gescande facturen.",
      fr: "Reconnaissance plus précise des factures scannées.",
    },
    intendedStart: INTENDED_START,
    announce,
  };
};
