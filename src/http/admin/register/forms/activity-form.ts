import { ACTIVITY_STATUSES, ART9_CONDITIONS, LEGAL_BASES } from "../../../../core/register/index.ts";
import { countryField, jointControllers, retention, transferMechanism } from "./common-fields.ts";
import { codeChoices, type Field } from "./form-spec.ts";

export const activityForm: Field[] = [
  { type: "localized", name: "name", label: "admin.forms.activity.name", required: true },
  {
    type: "select",
    name: "role",
    label: "admin.forms.activity.role",
    required: true,
    blank: "admin.forms.activity.role.blank",
    hint: "admin.forms.activity.role.hint",
    choices: codeChoices(["controller", "processor"], "role"),
  },
  {
    type: "select",
    name: "status",
    label: "admin.forms.activity.status",
    choices: codeChoices(ACTIVITY_STATUSES, "admin.forms.activityStatus"),
  },
  {
    type: "repeat",
    name: "purposes",
    label: "admin.forms.activity.purposes",
    item: "admin.forms.item.purpose",
    fields: [{ type: "localized", name: "", label: "admin.forms.activity.purpose" }],
  },
  { type: "localized", name: "subjectMatter", label: "admin.forms.activity.subjectMatter", multiline: true },
  { type: "localized", name: "nature", label: "admin.forms.activity.nature", multiline: true },
  {
    type: "select",
    name: "legalBasis",
    label: "admin.forms.activity.legalBasis",
    hint: "admin.forms.activity.legalBasis.hint",
    blank: "admin.common.none",
    choices: codeChoices(LEGAL_BASES, "legalBasis"),
  },
  {
    type: "select",
    name: "specialCategoryCondition",
    label: "admin.forms.activity.specialCategoryCondition",
    blank: "admin.common.none",
    choices: codeChoices(ART9_CONDITIONS, "art9"),
  },
  { type: "localized", name: "specialCategorySafeguards", label: "admin.forms.activity.specialCategorySafeguards", multiline: true },
  { type: "references", name: "subjectCategoryIds", label: "admin.forms.activity.subjectCategoryIds", source: "subject-categories" },
  {
    type: "repeat",
    name: "dataCategories",
    label: "admin.forms.activity.dataCategories",
    hint: "admin.forms.activity.dataCategories.hint",
    item: "admin.forms.item.dataCategory",
    fields: [
      {
        type: "reference",
        name: "dataCategoryId",
        label: "admin.forms.activity.dataCategories.category",
        source: "data-categories",
        blank: "admin.forms.activity.dataCategories.category.blank",
      },
      retention("retention"),
    ],
  },
  {
    type: "repeat",
    name: "recipients",
    label: "admin.forms.activity.recipients",
    item: "admin.forms.item.recipient",
    fields: [
      { type: "localized", name: "name", label: "admin.forms.activity.recipients.name", required: true },
      countryField("country", "admin.forms.country", false),
    ],
  },
  {
    type: "repeat",
    name: "transfers",
    label: "admin.forms.activity.transfers",
    hint: "admin.forms.activity.transfers.hint",
    item: "admin.forms.item.transfer",
    fields: [
      countryField("country"),
      { type: "text", name: "recipient", label: "admin.forms.activity.transfers.recipient" },
      transferMechanism("mechanism", "admin.forms.activity.transfers.mechanism"),
    ],
  },
  { type: "references", name: "securityMeasureIds", label: "admin.forms.activity.securityMeasureIds", source: "security-measures" },
  jointControllers("jointControllers", "admin.forms.activity.jointControllers.hint"),
  {
    type: "variant",
    name: "dpia",
    label: "admin.forms.activity.dpia",
    hint: "admin.forms.activity.dpia.hint",
    kind: { label: "admin.forms.activity.dpia.kind", blank: "admin.forms.activity.dpia.kind.blank" },
    variants: [
      { value: "required", label: "admin.forms.activity.dpia.required", fields: [] },
      {
        value: "done",
        label: "admin.forms.activity.dpia.done",
        fields: [
          { type: "text", name: "reference", label: "admin.forms.activity.dpia.reference" },
          { type: "text", name: "doneOn", label: "admin.forms.activity.dpia.doneOn", input: "date" },
        ],
      },
      {
        value: "not_required",
        label: "admin.forms.activity.dpia.notRequired",
        fields: [{ type: "text", name: "reason", label: "admin.forms.activity.dpia.reason" }],
      },
    ],
    common: [],
  },
  {
    type: "text",
    name: "nextReviewOn",
    label: "admin.forms.activity.nextReviewOn",
    input: "date",
    hint: "admin.forms.activity.nextReviewOn.hint",
  },
];
