import { SPECIAL_CATEGORIES } from "../../../../core/register/index.ts";
import { codeChoices, type Field } from "./form-spec.ts";

export const dataCategoryForm: Field[] = [
  { type: "localized", name: "name", label: "admin.forms.dataCategory.name", required: true },
  { type: "localized", name: "description", label: "admin.forms.dataCategory.description", multiline: true },
  {
    type: "select",
    name: "special",
    label: "admin.forms.dataCategory.special",
    hint: "admin.forms.dataCategory.special.hint",
    // The form's own labels: the documents' ("special category, Art. 9") are written to sit inside a sentence.
    choices: codeChoices(SPECIAL_CATEGORIES, "admin.forms.dataCategory.special"),
  },
];
