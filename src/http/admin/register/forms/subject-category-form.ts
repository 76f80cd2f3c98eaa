import type { Field } from "./form-spec.ts";

export const subjectCategoryForm: Field[] = [
  { type: "localized", name: "name", label: "Name", required: true },
  { type: "localized", name: "description", label: "Description", multiline: true },
];
