import type { Activity } from "../../register/index.ts";
import { isInEea } from "../../kernel/values/countries.ts";
import type { Language } from "../../kernel/values/values.ts";
import { countryName, pickRequired } from "../../kernel/i18n/localise.ts";
import type { RegisterSnapshot } from "../register-snapshot.ts";
import { subProcessorsOf } from "../view/parts.ts";
import type { FindingSink } from "./finding.ts";

/** Which article each kind of activity content falls under, in one document. */
export interface ActivityArticles {
  purposes?: string;
  nature?: string;
  subjects?: string;
  dataCategories?: string;
  specialSafeguards?: string;
  transfers?: string;
  retention?: string;
  measures?: string;
}

/** Missing statutory content of one activity, reported under the document's own articles. */
export function checkActivity(
  snapshot: RegisterSnapshot,
  activity: Activity,
  lang: Language,
  articles: ActivityArticles,
  sink: FindingSink,
): void {
  const entity = { type: "processing_activity", id: activity.id };
  const name = pickRequired(activity.name, lang);
  if (articles.purposes && activity.purposes.length === 0) sink.add(articles.purposes, "purposesMissing", { activity: name }, entity);
  if (articles.nature && !activity.nature) sink.add(articles.nature, "natureMissing", { activity: name }, entity);
  if (articles.subjects && activity.subjectCategoryIds.length === 0)
    sink.add(articles.subjects, "subjectsMissing", { activity: name }, entity);
  if (articles.dataCategories && activity.dataCategories.length === 0)
    sink.add(articles.dataCategories, "dataCategoriesMissing", { activity: name }, entity);

  const special = activity.dataCategories.some((l) => snapshot.dataCategories.get(l.dataCategoryId)?.special !== "none");
  if (articles.specialSafeguards && special && !activity.specialCategorySafeguards) {
    sink.add(articles.specialSafeguards, "specialWithoutSafeguards", { activity: name }, entity);
  }
  if (articles.retention) {
    for (const link of activity.dataCategories) {
      const category = snapshot.dataCategories.get(link.dataCategoryId);
      if (category && !link.retention)
        sink.add(articles.retention, "retentionMissing", { activity: name, category: pickRequired(category.name, lang) }, entity);
    }
  }
  if (articles.transfers) {
    for (const t of activity.transfers) {
      if (!t.mechanism)
        sink.add(articles.transfers, "transferWithoutMechanism", { activity: name, country: countryName(t.country, lang) }, entity);
    }
    for (const s of subProcessorsOf(snapshot, activity.id)) {
      for (const l of s.locations) {
        if (!isInEea(l.country) && !s.transferMechanism) {
          sink.add(
            articles.transfers,
            "subProcessorTransferWithoutMechanism",
            { activity: name, subProcessor: s.legalName, country: countryName(l.country, lang) },
            { type: "sub_processor", id: s.id },
          );
        }
      }
    }
  }
  if (articles.measures && activity.securityMeasureIds.length === 0)
    sink.add(articles.measures, "measuresMissing", { activity: name }, entity);
}
