import type { Field } from "./form-spec.ts";

export const subjectCategoryForm: Field[] = [
  { type: "localized", name: "name", label: "admin.forms.subjectCategory.name", required: true },
  { type: "localized", name: "description", label: "admin.forms.subjectCategory.description", multiline: true },
];
