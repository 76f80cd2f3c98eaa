import { label } from "../../../../core/kernel/i18n/localise.ts";
import { ACTIVITY_STATUSES, ART9_CONDITIONS, LEGAL_BASES } from "../../../../core/register/index.ts";
import { countryField, jointControllers, retention, transferMechanism } from "./common-fields.ts";
import { codeChoices, type Field } from "./form-spec.ts";

export const activityForm: Field[] = [
  { type: "localized", name: "name", label: "Name", required: true },
  {
    type: "select",
    name: "role",
    label: "Role",
    required: true,
    blank: "Choose controller or processor",
    hint: "Whether the organisation acts as controller or as processor for this activity.",
    choices: codeChoices(["controller", "processor"]),
  },
  { type: "select", name: "status", label: "Status", choices: codeChoices(ACTIVITY_STATUSES) },
  { type: "repeat", name: "purposes", label: "Purposes", item: "purpose", fields: [{ type: "localized", name: "", label: "Purpose" }] },
  { type: "localized", name: "subjectMatter", label: "Subject matter", multiline: true },
  { type: "localized", name: "nature", label: "Nature of the processing", multiline: true },
  {
    type: "select",
    name: "legalBasis",
    label: "Legal basis (Art. 6(1))",
    hint: "Required for an active controller activity.",
    blank: "None",
    choices: codeChoices(LEGAL_BASES, (code) => label("en", "legalBasis", code)),
  },
  {
    type: "select",
    name: "specialCategoryCondition",
    label: "Condition for special-category data (Art. 9(2))",
    blank: "None",
    choices: codeChoices(ART9_CONDITIONS, (code) => label("en", "art9", code)),
  },
  { type: "localized", name: "specialCategorySafeguards", label: "Safeguards for special-category data", multiline: true },
  { type: "references", name: "subjectCategoryIds", label: "Categories of data subjects", source: "subject-categories" },
  {
    type: "repeat",
    name: "dataCategories",
    label: "Categories of personal data and their retention",
    hint: "For each category, when its data must be erased: a fixed period, or an event and the time after it. Leave the rule empty while it is unknown.",
    item: "data category",
    fields: [
      { type: "reference", name: "dataCategoryId", label: "Category", source: "data-categories", blank: "Choose a data category" },
      retention("retention"),
    ],
  },
  {
    type: "repeat",
    name: "recipients",
    label: "Recipients",
    item: "recipient",
    fields: [{ type: "localized", name: "name", label: "Recipient", required: true }, countryField("country", "Country", false)],
  },
  {
    type: "repeat",
    name: "transfers",
    label: "Transfers to third countries",
    hint: "Countries outside the EEA only.",
    item: "transfer",
    fields: [
      countryField("country"),
      { type: "text", name: "recipient", label: "Recipient" },
      transferMechanism("mechanism", "Transfer mechanism"),
    ],
  },
  { type: "references", name: "securityMeasureIds", label: "Security measures", source: "security-measures" },
  jointControllers(
    "jointControllers",
    "For a controller activity: who decides on this processing with the organisation, besides the organisation's own joint controllers.",
  ),
  {
    type: "variant",
    name: "dpia",
    label: "Data protection impact assessment (Art. 35)",
    hint: "Still to be done, done (where it is kept), or not needed (why); empty while not assessed.",
    kind: { label: "Impact assessment", blank: "Not assessed yet" },
    variants: [
      { value: "required", label: "Required, not done yet", fields: [] },
      {
        value: "done",
        label: "Done",
        fields: [
          { type: "text", name: "reference", label: "Reference of the assessment" },
          { type: "text", name: "doneOn", label: "Done on", input: "date" },
        ],
      },
      { value: "not_required", label: "Not required", fields: [{ type: "text", name: "reason", label: "Why none is needed" }] },
    ],
    common: [],
  },
  {
    type: "text",
    name: "nextReviewOn",
    label: "Next review on",
    input: "date",
    hint: "The DPO is reminded two weeks before, and the dashboard lists the activity from 30 days before.",
  },
];
