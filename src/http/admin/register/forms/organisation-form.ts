import { address, contact, jointControllers, languageSelect } from "./common-fields.ts";
import type { Field } from "./form-spec.ts";

export const organisationForm: Field[] = [
  { type: "text", name: "legalName", label: "admin.forms.party.legalName", required: true },
  { type: "text", name: "companyNumber", label: "admin.forms.party.companyNumber" },
  address("address", "admin.forms.party.address"),
  contact("contact", "admin.forms.party.contact", { required: true }),
  contact("dpo", "admin.forms.party.dpo", { required: false, hint: "admin.forms.organisation.dpo.hint" }),
  {
    type: "group",
    name: "euRepresentative",
    label: "admin.forms.organisation.euRepresentative",
    qualifier: "admin.forms.organisation.euRepresentative.qualifier",
    hint: "admin.forms.organisation.euRepresentative.hint",
    fields: [
      { type: "text", name: "name", label: "admin.forms.organisation.euRepresentative.name", required: true },
      address("address", "admin.forms.party.address"),
      { type: "text", name: "email", label: "admin.forms.contact.email", input: "email", required: true },
      { type: "text", name: "phone", label: "admin.forms.contact.phone", input: "tel" },
    ],
  },
  jointControllers("jointControllers", "admin.forms.organisation.jointControllers.hint"),
  languageSelect("defaultLanguage", "admin.forms.organisation.defaultLanguage"),
];
