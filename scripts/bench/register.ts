// The benchmark's register: deterministic content (mulberry32), built through the use cases so the
// audit trail the documents are rebuilt from is real. Every entity is updated twice after its
// creation. One customer and agreement with their history are the template that growAgreements
// (grow-agreements.ts) clones to reach 10k or 50k agreements quickly.
import { createToken } from "../../src/core/accounts/index.ts";
import { type Ctx, makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { putOrganisation } from "../../src/core/organisation/organisation-use-cases.ts";
import { type AnyEntityKind, ANNEX_III_HEADINGS, createEntity, ENTITY_KINDS as K, updateEntity } from "../../src/core/register/index.ts";
import { createSqliteStore, type SqliteStore } from "../../src/platform/node/sqlite-store.ts";
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
import { rng } from "./rng.ts";

/** In the template's text; each clone carries its own mark instead. */
export const MARK = "TPL000000";
const PROCESSOR_ACTIVITIES = 50;
const SUB_PROCESSORS = 40;

const address = (i: number, country = "BE") => ({
  street: `Kerkstraat ${1 + (i % 250)}`,
  postalCode: String(1000 + (i % 8999)),
  city: i % 2 ? "Gent" : "Brussel",
  country,
});

export interface BenchRegister {
  path: string;
  token: string;
  annexAgreementId: string;
  activityId: string;
  templateCustomerId: string;
  agreements: number;
  auditEntries: number;
}

/** Many use-case writes in one SQLite transaction (the store's units nest as savepoints): the build is not what is measured. */
async function inOneTransaction(store: SqliteStore, work: () => Promise<void>): Promise<void> {
  store.sqlite.exec("BEGIN");
  try {
    await work();
    store.sqlite.exec("COMMIT");
  } catch (error) {
    store.sqlite.exec("ROLLBACK");
    throw error;
  }
}

/** The register with `controllerActivities` Art. 30(1) activities and one agreement with its customer (the template); grow it with `growAgreements`. */
export async function buildRegister(path: string, controllerActivities: number): Promise<BenchRegister> {
  const store = createSqliteStore(path);
  store.sqlite.pragma("synchronous = OFF"); // only while building
  const ctx: Ctx = makeCtx(store, SYSTEM_ACTOR);
  const r = rng(controllerActivities);
  const result = { path, token: "", annexAgreementId: "", activityId: "", templateCustomerId: "", agreements: 1, auditEntries: 0 };
  const create = async (kind: AnyEntityKind, input: object) => (await createEntity(ctx, kind, input)).id;
  /** Two later revisions of every entity: its history. */
  const twice = async (kind: AnyEntityKind, id: string, patch: (n: number) => object) => {
    for (const n of [2, 3]) await updateEntity(ctx, kind, id, patch(n));
  };
  try {
    await inOneTransaction(store, async () => {
      result.token = (await createToken(ctx, { role: "admin", name: "bench" })).token;
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
        const name = t(`${DATA[i % 10]} ${w.en}`, `${DATA_NL[i % 10]} ${w.nl}`);
        const id = await create(K["data-categories"], { name, special: i === 5 ? "art9" : "none" });
        await twice(K["data-categories"], id, (n) => ({ name: t(`${name.en} (r${n})`, `${name.nl} (r${n})`) }));
        data.push(id);
      }
      const subjects: string[] = [];
      for (let i = 0; i < 20; i++) {
        const name = i < 10 ? SUBJECTS[i]! : t(`${SUBJECTS[i - 10]!.en} abroad`, `${SUBJECTS[i - 10]!.nl} in het buitenland`);
        const id = await create(K["subject-categories"], { name });
        await twice(K["subject-categories"], id, (n) => ({ name: t(`${name.en} (r${n})`, `${name.nl} (r${n})`) }));
        subjects.push(id);
      }
      const measures: string[] = [];
      for (let i = 0; i < 30; i++) {
        const m = MEASURES[i % MEASURES.length]!;
        const description = (n: number) =>
          t(
            `${m.en}; reviewed every quarter by the security officer and documented in the ISMS (r${n}).`,
            `${m.nl}; elk kwartaal herzien door de security officer en gedocumenteerd in het ISMS (r${n}).`,
          );
        const id = await create(K["security-measures"], {
          heading: ANNEX_III_HEADINGS[i % ANNEX_III_HEADINGS.length],
          title: t(`${m.en} (${i + 1})`, `${m.nl} (${i + 1})`),
          description: description(1),
          certifications: i % 5 ? [] : [{ name: "ISO/IEC 27001", issuer: "BSI" }],
        });
        await twice(K["security-measures"], id, (n) => ({ description: description(n) }));
        measures.push(id);
      }
      const sentence = (): Text => {
        const [a, o, c] = [r.one(ACTIONS), r.one(OBJECTS), r.one(CONTEXTS)];
        return t(`${a.en} ${o.en} ${c.en}`, `${a.nl} ${o.nl} ${c.nl}`);
      };
      const nature = (n: number) =>
        t(`Hosting, storage, automated recognition (OCR) and validation (r${n})`, `Hosting, opslag, OCR en validatie (r${n})`);
      const activity = (role: "controller" | "processor", i: number) => {
        const categories = r.some(data, 3, 5);
        const special = categories.includes(data[5]!);
        return {
          role,
          status: "active",
          name: sentence(),
          purposes: r.some(PURPOSES, role === "controller" ? 2 : 1, role === "controller" ? 4 : 3),
          subjectMatter: role === "processor" ? sentence() : undefined,
          nature: nature(1),
          legalBasis: role === "controller" ? "contract" : undefined,
          subjectCategoryIds: r.some(subjects, 2, 3),
          dataCategories: categories.map((id) => ({ dataCategoryId: id, retention: r.one(RETENTIONS) })),
          specialCategoryCondition: special ? "employment_social_security" : undefined,
          specialCategorySafeguards: special ? t("Access limited to payroll staff", "Toegang beperkt tot loonadministratie") : undefined,
          recipients: [{ name: t("Social secretariat", "Sociaal secretariaat"), country: "BE" }],
          transfers:
            role === "controller" && i % 10 === 0
              ? [{ country: "US", recipient: "Support desk provider", mechanism: { kind: "scc" } }]
              : [],
          securityMeasureIds: r.some(measures, 3, 6),
        };
      };
      for (let i = 0; i < controllerActivities; i++) {
        const id = await create(K.activities, activity("controller", i));
        await twice(K.activities, id, (n) => ({ nature: nature(n) }));
        if (i === 0) result.activityId = id;
      }
      const processing: string[] = [];
      for (let i = 0; i < PROCESSOR_ACTIVITIES; i++) {
        const id = await create(K.activities, activity("processor", i));
        await twice(K.activities, id, (n) => ({ nature: nature(n) }));
        processing.push(id);
      }
      const served: string[][] = Array.from({ length: SUB_PROCESSORS }, () => []);
      for (const id of processing) for (const s of r.some([...served.keys()], 1, 3)) served[s]!.push(id);
      const service = (n: number) => t(`Hosting and OCR of documents (r${n})`, `Hosting en OCR van documenten (r${n})`);
      for (let s = 0; s < SUB_PROCESSORS; s++) {
        const us = s % 8 === 3;
        const id = await create(K["sub-processors"], {
          legalName: `${r.one(["Cloud", "Data", "Doc", "Scan", "Mail"])}${r.one(["Host", "Works", "Flow", "Bridge"])} ${s + 1} ${us ? "Inc." : "BV"}`,
          address: address(s, us ? "US" : r.one(EEA)),
          contact: { email: `privacy${s}@sub.example` },
          service: service(1),
          processingDescription: t(
            "Processes data only on the processor's instructions; no access to content.",
            "Verwerkt gegevens enkel op instructie van de verwerker; geen toegang tot de inhoud.",
          ),
          locations: [...r.some(EEA, 1, 2).map((country) => ({ country })), ...(us ? [{ country: "US", region: "Virginia" }] : [])],
          transferMechanism: us ? { kind: "scc" } : undefined,
          status: "proposed",
          activityIds: served[s],
        });
        // A new vendor starts as proposed; an admin's correction makes it active without the change workflow.
        await updateEntity(
          ctx,
          K["sub-processors"],
          id,
          { status: "active", service: service(2) },
          { correction: { reason: "benchmark register" } },
        );
        await updateEntity(ctx, K["sub-processors"], id, { service: service(3) });
      }
      // The template: a customer and its agreement, each created and updated twice; the clones carry MARK replaced.
      const customerId = await create(K.customers, {
        legalName: `Boekhoudkantoor ${MARK} BV`,
        address: address(1),
        contact: { name: "Zaakvoerder", email: `c${MARK}@customer.example` },
        language: "en",
      });
      await twice(K.customers, customerId, (n) => ({ contact: { name: `Zaakvoerder r${n}`, email: `c${MARK}@customer.example` } }));
      const agreementId = await create(K.agreements, {
        customerId,
        reference: `BENCH-DPA-${MARK}`,
        version: "2026.1",
        signedOn: "2026-01-15",
        language: "en",
        authorisation: "general",
        clocks: { subProcessorNotice: { length: 15, unit: "calendar_days" } },
        status: "draft",
        activityIds: r.some(processing, 8, 8),
      });
      // Its version moves while it is a draft; once in force, only a terms change moves it.
      await twice(K.agreements, agreementId, (n) => ({ version: `2026.${n}` }));
      await updateEntity(ctx, K.agreements, agreementId, { status: "active" });
      result.annexAgreementId = agreementId;
      result.templateCustomerId = customerId;
    });
    result.auditEntries = countAudit(store);
    return result;
  } finally {
    store.close();
  }
}

export const countAudit = (store: SqliteStore) =>
  (store.sqlite.prepare("SELECT count(*) AS n FROM audit_entries").get() as { n: number }).n;
