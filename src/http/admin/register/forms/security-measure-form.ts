import { ANNEX_III_HEADINGS } from "../../../../core/register/index.ts";
import { certifications } from "./common-fields.ts";
import { codeChoices, type Field } from "./form-spec.ts";

export const securityMeasureForm: Field[] = [
  {
    type: "select",
    name: "heading",
    label: "admin.forms.securityMeasure.heading",
    required: true,
    blank: "admin.forms.securityMeasure.heading.blank",
    choices: codeChoices(ANNEX_III_HEADINGS, "annexIII"),
  },
  { type: "localized", name: "title", label: "admin.forms.securityMeasure.title", required: true },
  {
    type: "localized",
    name: "description",
    label: "admin.forms.securityMeasure.description",
    required: true,
    multiline: true,
    hint: "admin.forms.securityMeasure.description.hint",
  },
  certifications("certifications"),
];
