import { address, contact, languageSelect } from "./common-fields.ts";
import type { Field } from "./form-spec.ts";

export const customerForm: Field[] = [
  { type: "text", name: "legalName", label: "Legal name", required: true },
  {
    type: "text",
    name: "reference",
    label: "Reference",
    hint: "Optional and unique, e.g. your account number (CF-CUST-001); pages and the API accept it wherever they accept the id.",
  },
  { type: "text", name: "companyNumber", label: "Company number" },
  address("address", "Address"),
  contact("contact", "Contact", { required: true }),
  contact("dpo", "Data protection officer", { required: false, hint: "Leave empty if the customer has none." }),
  languageSelect("language", "Language of notices"),
];
