import type { FieldIssue } from "../kernel/errors.ts";
import type { ActivityInput } from "./model/activity.ts";
import { isInEea } from "../kernel/values/countries.ts";

/**
 * Rules an activity must satisfy whatever its completeness: what would make
 * the record wrong rather than unfinished. Missing content (no retention, no
 * transfer mechanism yet) is left to the completeness check of the documents.
 */
export function activityRules(input: ActivityInput, art9CategoryIds: Set<string>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  input.transfers.forEach((t, i) => {
    if (isInEea(t.country)) {
      issues.push({
        path: `transfers.${i}.country`,
        message: `${t.country} is in the EEA: sending data there is not a third-country transfer.`,
      });
    }
  });
  const hasArt9 = input.dataCategories.some((d) => art9CategoryIds.has(d.dataCategoryId));
  if (input.specialCategoryCondition && !hasArt9) {
    issues.push({
      path: "specialCategoryCondition",
      message: "An Art. 9(2) condition is given but no linked data category is a special category (Art. 9).",
    });
  }
  if (input.role === "controller" && input.status === "active") {
    if (!input.legalBasis) {
      issues.push({ path: "legalBasis", message: "An active controller activity needs its Art. 6(1) legal basis." });
    }
    if (hasArt9 && !input.specialCategoryCondition) {
      issues.push({
        path: "specialCategoryCondition",
        message: "An active controller activity with special-category data needs its Art. 9(2) condition.",
      });
    }
  }
  return issues;
}
