import { address, contact, jointControllers, languageSelect } from "./common-fields.ts";
import type { Field } from "./form-spec.ts";

export const organisationForm: Field[] = [
  { type: "text", name: "legalName", label: "Legal name", required: true },
  { type: "text", name: "companyNumber", label: "Company number" },
  address("address", "Address"),
  contact("contact", "Contact", { required: true }),
  contact("dpo", "Data protection officer", { required: false, hint: "Leave empty if there is none." }),
  {
    type: "group",
    name: "euRepresentative",
    label: "Representative in the Union (Art. 27)",
    qualifier: "EU representative",
    hint: "Only for an organisation established outside the EU. Leave empty otherwise.",
    fields: [
      { type: "text", name: "name", label: "Name", required: true },
      address("address", "Address"),
      { type: "text", name: "email", label: "E-mail address", input: "email", required: true },
      { type: "text", name: "phone", label: "Phone", input: "tel" },
    ],
  },
  jointControllers(
    "jointControllers",
    "Controllers that decide with the organisation on all its processing; an activity can name its own.",
  ),
  languageSelect("defaultLanguage", "Default language of documents"),
];
