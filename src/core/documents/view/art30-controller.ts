import { ANNEX_III_HEADINGS } from "../../register/index.ts";
import type { Language } from "../../kernel/values/values.ts";
import { checkActivity } from "../completeness/activity-checks.ts";
import { checkCertifications } from "../completeness/certification-checks.ts";
import { findingSink } from "../completeness/finding.ts";
import { translate } from "../../kernel/i18n/localise.ts";
import type { RegisterSnapshot } from "../register-snapshot.ts";
import type { DocumentContent } from "./document-content.ts";
import { DocumentTexts } from "./texts.ts";
import { activityView, inCreationOrder, isCurrent, jointControllerLine, measuresOf, measureView, partyView } from "./parts.ts";

/** Art. 30(1): the record of processing activities the organisation carries out as controller, items (a)-(g). */
export function art30ControllerContent(snapshot: RegisterSnapshot, lang: Language): DocumentContent {
  const sink = findingSink(lang);
  const texts = new DocumentTexts(lang);
  const org = snapshot.organisation;
  if (!org) sink.add("Art. 30(1)(a)", "organisationMissing");
  else if (!org.dpo) sink.add("Art. 30(1)(a)", "dpoMissing");

  const activities = inCreationOrder(
    [...snapshot.activities.values()].filter((a) => isCurrent(a) && a.role === "controller" && a.status === "active"),
  );
  if (activities.length === 0) sink.add("Art. 30(1)", "noActivities");
  for (const activity of activities) {
    checkActivity(
      snapshot,
      activity,
      lang,
      {
        purposes: "Art. 30(1)(b)",
        subjects: "Art. 30(1)(c)",
        dataCategories: "Art. 30(1)(c)",
        transfers: "Art. 30(1)(e)",
        retention: "Art. 30(1)(f)",
        measures: "Art. 30(1)(g)",
      },
      sink,
    );
  }

  checkCertifications(measuresOf(snapshot, activities, ANNEX_III_HEADINGS), snapshot.asOf, "Art. 30(1)(g)", lang, sink);
  // Entries written before joint controllers were recorded carry none.
  const jointControllers = org
    ? (org.jointControllers ?? []).map((j) => jointControllerLine(j, texts, { type: "organisation", id: org.id, name: org.legalName }))
    : [];
  const views = activities.map((a, i) => ({
    ...activityView(snapshot, a, i + 1, texts),
    jointControllers: [
      ...jointControllers,
      ...(a.jointControllers ?? []).map((j) => jointControllerLine(j, texts, { type: "processing_activity", id: a.id, name: a.name })),
    ],
  }));
  const controller = org ? partyView(org, lang) : null;
  const list = (items: string[]) => items.join("\n");
  const content: DocumentContent = {
    template: "art30-controller",
    language: lang,
    title: translate(lang, "art30c.title"),
    subject: controller?.name ?? "",
    findings: sink.findings,
    body: {
      controller,
      jointControllers,
      activities: views,
      measures: measuresOf(snapshot, activities, ANNEX_III_HEADINGS).map((m) => measureView(m, texts)),
    },
    table: {
      header: ["#", "a", "activity", "b", "legalBasis", "cSubjects", "cData", "cSensitive", "d", "e", "f", "g"].map((c) =>
        translate(lang, `art30c.column.${c}`),
      ),
      rows: views.map((a) => [
        String(a.number),
        [
          controller
            ? `${controller.name}; ${controller.contact}${controller.dpo ? `; ${translate(lang, "party.dpo")}: ${controller.dpo}` : ""}`
            : "",
          ...a.jointControllers.map((j) => `${translate(lang, "art30c.jointController")}: ${j}`),
        ]
          .filter(Boolean)
          .join("\n"),
        a.name,
        list(a.purposes),
        a.legalBasis ?? "",
        list(a.subjects),
        list(a.dataCategories),
        list(a.sensitiveData),
        list(a.recipients),
        list(a.transfers),
        list(a.retention),
        list(a.securityMeasures),
      ]),
    },
  };
  // The views are built: every register text they showed in another language is now known.
  texts.report(translate(lang, "findings.language"), sink);
  return content;
}
