import { address, contact, languageSelect } from "./common-fields.ts";
import type { Field } from "./form-spec.ts";

export const customerForm: Field[] = [
  { type: "text", name: "legalName", label: "admin.forms.party.legalName", required: true },
  { type: "text", name: "reference", label: "admin.forms.customer.reference", hint: "admin.forms.customer.reference.hint" },
  { type: "text", name: "companyNumber", label: "admin.forms.party.companyNumber" },
  address("address", "admin.forms.party.address"),
  contact("contact", "admin.forms.party.contact", { required: true }),
  contact("dpo", "admin.forms.party.dpo", { required: false, hint: "admin.forms.customer.dpo.hint" }),
  languageSelect("language", "admin.forms.customer.language"),
];
