import { label } from "../../../../core/kernel/i18n/localise.ts";
import { SPECIAL_CATEGORIES } from "../../../../core/register/index.ts";
import { codeChoices, type Field } from "./form-spec.ts";

export const dataCategoryForm: Field[] = [
  { type: "localized", name: "name", label: "Name", required: true },
  { type: "localized", name: "description", label: "Description", multiline: true },
  {
    type: "select",
    name: "special",
    label: "Special category",
    hint: "Art. 9 data (health, biometrics…) and Art. 10 data (criminal convictions) need extra conditions.",
    choices: codeChoices(SPECIAL_CATEGORIES, (code) => (code === "none" ? "No" : readableSpecial(code))),
  },
];

function readableSpecial(code: string): string {
  const text = label("en", "special", code);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
