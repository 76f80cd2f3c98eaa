// The documents benchmark's register: deterministic content (mulberry32) of a given size, built
// through the use cases, so the audit trail the documents are rebuilt from exists.
import type { Ctx } from "../../src/core/kernel/context.ts";
import { ANNEX_III_HEADINGS } from "../../src/core/register/model/security-measure.ts";
import { putOrganisation } from "../../src/core/organisation/organisation-use-cases.ts";
import type { AnyEntityKind } from "../../src/core/register/entity-kind.ts";
import { ENTITY_KINDS as K } from "../../src/core/register/kinds.ts";
import { createEntity } from "../../src/core/register/use-cases/create-entity.ts";
import {
  ACTIONS,
  CONTEXTS,
  DATA,
  DATA_NL,
  EEA,
  MEASURES,
  OBJECTS,
  PURPOSES,
  RETENTIONS,
  SUBJECTS,
  t,
  type Text,
  WHOSE,
} from "./documents-vocabulary.ts";

export const SUB_PROCESSORS = 200;
export const CUSTOMERS = 2000;

function rng(seed: number) {
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const one = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  /** lo..hi distinct items, in the order drawn. */
  const some = <T>(items: readonly T[], lo: number, hi: number): T[] => {
    const picked = new Set<T>();
    for (let want = Math.min(int(lo, hi), items.length); picked.size < want; ) picked.add(one(items));
    return [...picked];
  };
  return { int, one, some };
}
const address = (i: number, country = "BE") => ({
  street: `Kerkstraat ${1 + (i % 250)}`,
  postalCode: String(1000 + (i % 8999)),
  city: i % 2 ? "Gent" : "Brussel",
  country,
});
const sentence = (r: ReturnType<typeof rng>): Text => {
  const [a, o, c] = [r.one(ACTIONS), r.one(OBJECTS), r.one(CONTEXTS)];
  return t(`${a.en} ${o.en} ${c.en}`, `${a.nl} ${o.nl} ${c.nl}`);
};

/** Builds the register through the use cases, so the audit trail the documents are rebuilt from exists. */
export async function buildRegister(ctx: Ctx, n: number): Promise<{ writes: number; annexAgreementId: string }> {
  const r = rng(n);
  let writes = 1;
  const create = async (kind: AnyEntityKind, input: object) => {
    writes++;
    return (await createEntity(ctx, kind, input)).id;
  };
  await putOrganisation(ctx, {
    legalName: "Bench Accounting Cloud NV",
    companyNumber: "0123.456.789",
    address: address(0),
    contact: { name: "Privacy team", email: "privacy@bench.example" },
    dpo: { name: "An Peeters", email: "dpo@bench.example" },
    defaultLanguage: "en",
  });
  const data: string[] = [];
  for (let i = 0; i < 40; i++) {
    const w = WHOSE[i % 4]!;
    data.push(
      await create(K["data-categories"], {
        name: t(`${DATA[i % 10]} ${w.en}`, `${DATA_NL[i % 10]} ${w.nl}`),
        special: i === 5 ? "art9" : "none",
      }),
    );
  }
  const subjects: string[] = [];
  for (let i = 0; i < 20; i++)
    subjects.push(
      await create(K["subject-categories"], {
        name: i < 10 ? SUBJECTS[i] : t(`${SUBJECTS[i - 10]!.en} abroad`, `${SUBJECTS[i - 10]!.nl} in het buitenland`),
      }),
    );
  const measures: string[] = [];
  for (let i = 0; i < 30; i++) {
    const m = MEASURES[i % MEASURES.length]!;
    measures.push(
      await create(K["security-measures"], {
        heading: ANNEX_III_HEADINGS[i % ANNEX_III_HEADINGS.length],
        title: t(`${m.en} (${i + 1})`, `${m.nl} (${i + 1})`),
        description: t(
          `${m.en}; reviewed every quarter by the security officer and documented in the ISMS.`,
          `${m.nl}; elk kwartaal herzien door de security officer en gedocumenteerd in het ISMS.`,
        ),
        certifications: i % 5 ? [] : [{ name: "ISO/IEC 27001", issuer: "BSI" }],
      }),
    );
  }
  const activity = (role: "controller" | "processor", i: number) => {
    const categories = r.some(data, 3, 5);
    const special = categories.includes(data[5]!);
    return {
      role,
      status: "active",
      name: sentence(r),
      purposes: r.some(PURPOSES, role === "controller" ? 2 : 1, role === "controller" ? 4 : 3),
      subjectMatter: role === "processor" ? sentence(r) : undefined,
      nature: t(
        "Hosting, storage, automated recognition (OCR) and validation",
        "Hosting, opslag, automatische herkenning (OCR) en validatie",
      ),
      legalBasis: role === "controller" ? "contract" : undefined,
      subjectCategoryIds: r.some(subjects, 2, 3),
      dataCategories: categories.map((id) => ({ dataCategoryId: id, retention: r.one(RETENTIONS) })),
      specialCategoryCondition: special ? "employment_social_security" : undefined,
      specialCategorySafeguards: special ? t("Access limited to payroll staff", "Toegang beperkt tot loonadministratie") : undefined,
      recipients: [{ name: t("Social secretariat", "Sociaal secretariaat"), country: "BE" }],
      transfers:
        role === "controller" && i % 10 === 0 ? [{ country: "US", recipient: "Support desk provider", mechanism: { kind: "scc" } }] : [],
      securityMeasureIds: r.some(measures, 3, 6),
    };
  };
  for (let i = 0; i < n; i++) await create(K.activities, activity("controller", i));
  const processing: string[] = [];
  for (let i = 0; i < n; i++) processing.push(await create(K.activities, activity("processor", i)));
  // Each processor activity is served by 1-3 sub-processors, so they serve ~1 to ~50 activities each.
  const served: string[][] = Array.from({ length: SUB_PROCESSORS }, () => []);
  for (const id of processing) for (const s of r.some([...served.keys()], 1, 3)) served[s]!.push(id);
  for (let s = 0; s < SUB_PROCESSORS; s++) {
    const us = s % 8 === 3; // some US locations, with SCCs
    await create(K["sub-processors"], {
      legalName: `${r.one(["Cloud", "Data", "Doc", "Scan", "Mail"])}${r.one(["Host", "Works", "Flow", "Bridge"])} ${s + 1} ${us ? "Inc." : "BV"}`,
      address: address(s, us ? "US" : r.one(EEA)),
      contact: { email: `privacy${s}@sub.example` },
      service: r.one([
        t("Hosting", "Hosting"),
        t("OCR of documents", "OCR van documenten"),
        t("E-mail delivery", "Verzending van e-mail"),
        t("Customer support tooling", "Supporttools"),
      ]),
      processingDescription: t(
        "Processes data only on the processor's instructions; no access to content.",
        "Verwerkt gegevens enkel op instructie van de verwerker; geen toegang tot de inhoud.",
      ),
      locations: [...r.some(EEA, 1, 2).map((country) => ({ country })), ...(us ? [{ country: "US", region: "Virginia" }] : [])],
      transferMechanism: us ? { kind: "scc" } : undefined,
      status: "active",
      activityIds: served[s],
    });
  }
  let annexAgreementId = "";
  for (let c = 0; c < CUSTOMERS; c++) {
    const language = c % 2 ? "nl" : "en";
    const customerId = await create(K.customers, {
      legalName: `${r.one(["Boekhoudkantoor", "Fiduciaire", "Accountancy"])} ${r.one(["Peeters", "Janssens", "Maes", "Dupont", "Claes"])} ${c + 1} BV`,
      address: address(c),
      contact: { name: "Zaakvoerder", email: `c${c}@customer.example` },
      language,
    });
    const activityIds = r.some(processing, 3, 8);
    const id = await create(K.agreements, {
      customerId,
      reference: `BENCH-DPA-${String(c + 1).padStart(4, "0")}`,
      version: "2026.1",
      signedOn: "2026-01-15",
      language,
      authorisation: c % 5 ? "general" : "prior_specific",
      clocks: { subProcessorNotice: { length: 15, unit: "calendar_days" } },
      status: "active",
      activityIds,
    });
    if (!annexAgreementId && activityIds.length === 8) annexAgreementId = id;
  }
  return { writes, annexAgreementId };
}
