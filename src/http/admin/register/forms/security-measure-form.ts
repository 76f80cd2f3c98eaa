import { label } from "../../../../core/kernel/i18n/localise.ts";
import { ANNEX_III_HEADINGS } from "../../../../core/register/index.ts";
import { certifications } from "./common-fields.ts";
import { codeChoices, type Field } from "./form-spec.ts";

export const securityMeasureForm: Field[] = [
  {
    type: "select",
    name: "heading",
    label: "Annex III heading",
    required: true,
    blank: "Choose a heading",
    choices: codeChoices(ANNEX_III_HEADINGS, (code) => label("en", "annexIII", code)),
  },
  { type: "localized", name: "title", label: "Title", required: true },
  { type: "localized", name: "description", label: "Description", required: true, multiline: true, hint: "Concretely what is done." },
  certifications("certifications"),
];
