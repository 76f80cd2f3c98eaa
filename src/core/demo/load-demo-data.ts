import type { Ctx } from "../kernel/context.ts";
import { putOrganisation } from "../organisation/index.ts";
import {
  activityKind,
  agreementKind,
  correctEntity,
  createEntity,
  customerKind,
  dataCategoryKind,
  securityMeasureKind,
  subjectCategoryKind,
  subProcessorKind,
} from "../register/index.ts";
import * as demo from "./clearfacts-register.ts";

type Ids<T> = Record<keyof T, string>;

async function createAll<T extends Record<string, object>>(ctx: Ctx, kind: Parameters<typeof createEntity>[1], items: T): Promise<Ids<T>> {
  const ids = {} as Ids<T>;
  for (const [key, input] of Object.entries(items)) ids[key as keyof T] = (await createEntity(ctx, kind, input)).id;
  return ids;
}

/**
 * Loads the ClearFacts demo register through the same use cases as the API,
 * so it obeys every rule and leaves the same audit trail.
 */
export async function loadDemoData(ctx: Ctx): Promise<void> {
  await putOrganisation(ctx, demo.organisation);
  const data = await createAll(ctx, dataCategoryKind, demo.dataCategories);
  const subjects = await createAll(ctx, subjectCategoryKind, demo.subjectCategories);
  const measures = await createAll(ctx, securityMeasureKind, demo.securityMeasures);
  const allMeasures = Object.values(measures);

  const activities = {} as Ids<typeof demo.processorActivities>;
  for (const [key, a] of Object.entries(demo.processorActivities)) {
    const created = await createEntity(ctx, activityKind, {
      role: "processor",
      name: a.name,
      subjectMatter: a.subjectMatter,
      purposes: a.purposes,
      nature: a.nature,
      subjectCategoryIds: [subjects.accountants, subjects.clients, subjects.counterparties],
      dataCategories: a.dataCategories.map((c) => ({ dataCategoryId: data[c], retention: a.retention })),
      securityMeasureIds: allMeasures,
      status: "active",
    });
    activities[key as keyof typeof activities] = created.id;
  }

  // Article 13.3: ClearFacts is also a controller, e.g. for its commercial relations.
  await createEntity(ctx, activityKind, {
    role: "controller",
    name: { en: "Maintaining commercial relations", nl: "Onderhouden van commerciële relaties" },
    purposes: [
      { en: "Managing customer relationships, invoicing and support", nl: "Beheer van klantrelaties, facturatie en ondersteuning" },
    ],
    legalBasis: "contract",
    subjectCategoryIds: [subjects.customerContacts],
    dataCategories: [
      {
        dataCategoryId: data.customerContacts,
        retention: {
          kind: "event",
          event: { en: "End of the customer relationship", nl: "Einde van de klantrelatie" },
          offset: { length: 7, unit: "years" },
        },
      },
    ],
    recipients: [{ name: { en: "Accounting firm of ClearFacts", nl: "Boekhouder van ClearFacts" }, country: "BE" }],
    securityMeasureIds: allMeasures,
    status: "active",
  });

  // The sub-processors were in place before any agreement was signed: each is recorded as proposed and
  // corrected to active with that reason, as a DPO records the vendors of an existing register.
  for (const [, s] of Object.entries(demo.subProcessors)) {
    const { activities: served, ...fields } = s;
    const proposed = await createEntity(ctx, subProcessorKind, { ...fields, status: "proposed", activityIds: [] });
    await correctEntity(ctx, subProcessorKind, proposed.id, {
      reason: "Demo register: a sub-processor of article 13.4, in place before any agreement was signed.",
      changes: { status: "active", activityIds: served.map((a) => activities[a]) },
    });
  }

  for (const c of demo.customers) {
    const { agreement, ...fields } = c;
    const customer = await createEntity(ctx, customerKind, fields);
    await createEntity(ctx, agreementKind, {
      customerId: customer.id,
      reference: agreement.reference,
      version: "2024.1",
      signedOn: agreement.signedOn,
      language: c.language,
      authorisation: agreement.authorisation,
      clocks: demo.clearFactsClocks,
      status: "active",
      activityIds: Object.values(activities),
    });
  }
}
