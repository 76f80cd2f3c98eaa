import { describe, expect, it } from "vitest";
import { isCountryCode, isInEea } from "../../src/core/kernel/values/countries.ts";
import { Clocks, IsoDate, LocalizedText, TransferMechanism } from "../../src/core/kernel/values/values.ts";
import { activityRules } from "../../src/core/register/activity-rules.ts";
import { ActivityInput } from "../../src/core/register/model/activity.ts";
import { fieldIssues, parseInput } from "../../src/core/kernel/input/parse-input.ts";
import { AppError } from "../../src/core/kernel/errors.ts";

describe("country codes", () => {
  it("accepts ISO 3166-1 alpha-2 codes in upper case only", () => {
    expect(["BE", "DE", "IE", "US", "CH", "GB"].every(isCountryCode)).toBe(true);
    expect(["be", "UK", "XX", "BEL", "", "E"].some(isCountryCode)).toBe(false);
  });

  it("knows the EEA: EU members plus Iceland, Liechtenstein and Norway", () => {
    expect(["BE", "DE", "IE", "NO", "IS", "LI"].every(isInEea)).toBe(true);
    expect(["CH", "GB", "US", "TR"].some(isInEea)).toBe(false);
  });
});

describe("dates", () => {
  it("rejects impossible calendar dates and accepts leap days only in leap years", () => {
    expect(IsoDate.safeParse("2026-02-30").success).toBe(false);
    expect(IsoDate.safeParse("2025-02-29").success).toBe(false);
    expect(IsoDate.safeParse("2024-02-29").success).toBe(true);
    expect(IsoDate.safeParse("2026-04-31").success).toBe(false);
    expect(IsoDate.safeParse("2026-4-1").success).toBe(false);
  });
});

describe("localized text", () => {
  it("needs at least one known language", () => {
    expect(LocalizedText.safeParse({}).success).toBe(false);
    expect(LocalizedText.safeParse({ de: "Hallo" }).success).toBe(false);
    expect(LocalizedText.safeParse({ nl: "  " }).success).toBe(false);
    expect(LocalizedText.parse({ nl: " Boekhouders " })).toEqual({ nl: "Boekhouders" });
  });
});

describe("contract clocks", () => {
  it("require the sub-processor notice period and accept the other clocks as optional", () => {
    expect(Clocks.safeParse({}).success).toBe(false);
    const parsed = Clocks.parse({
      subProcessorNotice: { length: 15, unit: "calendar_days" },
      accountDeactivation: { length: 5, unit: "working_days" },
    });
    expect(parsed.accountDeactivation).toEqual({ length: 5, unit: "working_days" });
    expect(Clocks.safeParse({ subProcessorNotice: { length: 0, unit: "calendar_days" } }).success).toBe(false);
    expect(Clocks.safeParse({ subProcessorNotice: { length: 2, unit: "weeks" } }).success).toBe(false);
  });
});

describe("transfer mechanisms", () => {
  it("name the Art. 49 derogation and document safeguards for the second-subparagraph one", () => {
    expect(TransferMechanism.safeParse({ kind: "scc" }).success).toBe(true);
    expect(TransferMechanism.safeParse({ kind: "art49_derogation" }).success).toBe(false);
    expect(TransferMechanism.safeParse({ kind: "scc", derogation: "explicit_consent" }).success).toBe(false);
    expect(TransferMechanism.safeParse({ kind: "art49_derogation", derogation: "compelling_legitimate_interests" }).success).toBe(false);
    expect(
      TransferMechanism.safeParse({
        kind: "art49_derogation",
        derogation: "compelling_legitimate_interests",
        safeguards: { en: "Pseudonymised before transfer" },
      }).success,
    ).toBe(true);
  });
});

describe("activity rules", () => {
  const art9 = "01a1ff89-0000-7000-8000-000000000009";
  const input = (over: object) =>
    ActivityInput.parse({ role: "controller", name: { en: "HR" }, status: "active", legalBasis: "contract", ...over });

  it("ask an active controller activity for its legal basis, and for an Art. 9 condition with special data", () => {
    expect(activityRules(input({ legalBasis: null }), new Set()).map((i) => i.path)).toEqual(["legalBasis"]);
    const health = { dataCategories: [{ dataCategoryId: art9, retention: null }] };
    expect(activityRules(input(health), new Set([art9])).map((i) => i.path)).toEqual(["specialCategoryCondition"]);
    expect(activityRules(input({ ...health, specialCategoryCondition: "employment_social_security" }), new Set([art9]))).toEqual([]);
    expect(activityRules(input({ status: "draft", legalBasis: null, ...health }), new Set([art9]))).toEqual([]);
  });

  it("refuse an Art. 9 condition without special-category data", () => {
    expect(activityRules(input({ specialCategoryCondition: "explicit_consent" }), new Set()).map((i) => i.path)).toEqual([
      "specialCategoryCondition",
    ]);
  });
});

describe("input parsing", () => {
  it("names each unknown key and each bad field with its full path", () => {
    const result = ActivityInput.safeParse({ role: "owner", name: { en: "x", xx: "y" }, extra: 1 });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(
        fieldIssues(result.error)
          .map((i) => i.path)
          .sort(),
      ).toEqual(["extra", "name.xx", "role"]);
    expect(() => parseInput(ActivityInput, null)).toThrow(AppError);
  });
});
