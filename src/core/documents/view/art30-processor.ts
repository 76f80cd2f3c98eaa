import { type Agreement, ANNEX_III_HEADINGS } from "../../register/index.ts";
import type { Language } from "../../kernel/values/values.ts";
import { checkActivity } from "../completeness/activity-checks.ts";
import { checkCertifications } from "../completeness/certification-checks.ts";
import { findingSink } from "../completeness/finding.ts";
import { displayText } from "../../kernel/i18n/display-text.ts";
import { translate } from "../../kernel/i18n/localise.ts";
import type { RegisterSnapshot } from "../register-snapshot.ts";
import type { DocumentContent } from "./document-content.ts";
import { DocumentTexts } from "./texts.ts";
import { activityView, inCreationOrder, isCurrent, measuresOf, measureView, partyView, subProcessorView } from "./parts.ts";

/**
 * Art. 30(2): the record of processing carried out as processor, items
 * (a)-(d), organised per controller. Each controller is a customer with an
 * active agreement; the activities it covers are the categories of processing
 * carried out on its behalf, described once further on.
 */
export function art30ProcessorContent(snapshot: RegisterSnapshot, lang: Language): DocumentContent {
  const sink = findingSink(lang);
  const texts = new DocumentTexts(lang);
  const org = snapshot.organisation;
  if (!org) sink.add("Art. 30(2)(a)", "organisationMissing");
  else if (!org.dpo) sink.add("Art. 30(2)(a)", "dpoMissing");

  const activities = inCreationOrder(
    [...snapshot.activities.values()].filter((a) => isCurrent(a) && a.role === "processor" && a.status === "active"),
  );
  const numbers = new Map(activities.map((a, i) => [a.id, i + 1]));
  const agreements = inCreationOrder([...snapshot.agreements.values()].filter((a) => isCurrent(a) && a.status === "active"));
  const agreementsByCustomer = new Map<string, Agreement[]>();
  for (const agreement of agreements) pushTo(agreementsByCustomer, agreement.customerId, agreement);
  const controllersByActivity = new Map<string, string[]>();

  const controllers = inCreationOrder([...snapshot.customers.values()].filter((c) => agreementsByCustomer.has(c.id))).map((customer) => {
    const own = agreementsByCustomer.get(customer.id) ?? [];
    const covered = [...new Set(own.flatMap((a) => a.activityIds))]
      .filter((id) => numbers.has(id))
      .sort((a, b) => (numbers.get(a) ?? 0) - (numbers.get(b) ?? 0));
    const party = partyView(customer, lang);
    for (const id of covered) pushTo(controllersByActivity, id, party.name);
    return {
      party,
      agreements: own.map((a) => displayText(a.reference)),
      // Numbered as in the register of activities below (an ordered list shows the number, not a bullet as well).
      processing: covered.map((id) => {
        const activity = snapshot.activities.get(id);
        return {
          number: numbers.get(id) ?? 0,
          name: activity ? texts.required(activity.name, { type: "processing_activity", id, name: activity.name }, "activity.name") : "",
        };
      }),
    };
  });

  if (activities.length === 0) sink.add("Art. 30(2)", "noActivities");
  for (const activity of activities) {
    if (!controllersByActivity.has(activity.id)) {
      sink.add(
        "Art. 30(2)(b)",
        "noController",
        { activity: texts.required(activity.name, { type: "processing_activity", id: activity.id, name: activity.name }, "activity.name") },
        { type: "processing_activity", id: activity.id },
      );
    }
    checkActivity(snapshot, activity, lang, { transfers: "Art. 30(2)(c)", measures: "Art. 30(2)(d)" }, sink);
  }

  checkCertifications(measuresOf(snapshot, activities, ANNEX_III_HEADINGS), snapshot.asOf, "Art. 30(2)(d)", lang, sink);
  const views = activities.map((a, i) => activityView(snapshot, a, i + 1, texts));
  const processor = org ? partyView(org, lang) : null;
  const subProcessors = inCreationOrder([...snapshot.subProcessors.values()].filter((s) => isCurrent(s) && s.status === "active"));
  const list = (items: string[]) => items.join("\n");
  const content: DocumentContent = {
    template: "art30-processor",
    language: lang,
    title: translate(lang, "art30p.title"),
    subject: processor?.name ?? "",
    findings: sink.findings,
    body: {
      processor,
      subProcessors: subProcessors.map((s) => subProcessorView(snapshot, s, texts)),
      controllers,
      activities: views.map((view, i) => ({ ...view, controllers: controllersByActivity.get(activities[i]?.id ?? "") ?? [] })),
      measures: measuresOf(snapshot, activities, ANNEX_III_HEADINGS).map((m) => measureView(m, texts)),
    },
    table: {
      header: ["#", "aControllers", "aProcessor", "b", "c", "d"].map((c) => translate(lang, `art30p.column.${c}`)),
      rows: views.map((a, i) => [
        String(a.number),
        list(controllersByActivity.get(activities[i]?.id ?? "") ?? []),
        processor
          ? `${processor.name}; ${processor.contact}${processor.dpo ? `; ${translate(lang, "party.dpo")}: ${processor.dpo}` : ""}`
          : "",
        [a.name, a.nature].filter(Boolean).join(": "),
        list(a.transfers),
        list(a.securityMeasures),
      ]),
    },
  };
  // The views are built: every register text they showed in another language is now known.
  texts.report(translate(lang, "findings.language"), sink);
  return content;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
