// Valid inputs for each register entity; tests change one thing at a time.
export const address = { street: "Rue Haute 1", postalCode: "1000", city: "Brussels", country: "BE" };

export const dataCategory = () => ({ name: { en: "Contact details", nl: "Contactgegevens" } });
export const subjectCategory = () => ({ name: { en: "Employees", nl: "Werknemers" } });
export const securityMeasure = () => ({
  heading: "protection_in_transmission",
  title: { en: "TLS everywhere" },
  description: { en: "All connections use TLS 1.2 or higher." },
});

export const activity = (ids: { dataCategoryId: string; subjectCategoryId: string }) => ({
  role: "processor",
  name: { en: "Payroll processing", nl: "Loonverwerking" },
  purposes: [{ en: "Pay employees" }],
  subjectCategoryIds: [ids.subjectCategoryId],
  dataCategories: [{ dataCategoryId: ids.dataCategoryId, retention: { kind: "period", period: { length: 10, unit: "years" } } }],
  status: "active",
});

export const subProcessor = (activityIds: string[] = []) => ({
  legalName: "Hosting Provider GmbH",
  address: { street: "Hauptstraße 5", postalCode: "10115", city: "Berlin", country: "DE" },
  contact: { email: "privacy@hosting.example" },
  service: { en: "Hosting" },
  locations: [{ country: "DE" }],
  activityIds,
});

export const customer = () => ({
  legalName: "Customer NV",
  address,
  contact: { name: "Jan Jansen", email: "jan@customer.example" },
  language: "nl",
});

export const agreement = (customerId: string, activityIds: string[] = [], reference = "DPA-1") => ({
  customerId,
  reference,
  version: "1.0",
  signedOn: "2026-01-15",
  language: "nl",
  authorisation: "general",
  clocks: { subProcessorNotice: { length: 15, unit: "calendar_days" } },
  activityIds,
});

export const organisation = () => ({
  legalName: "Example Processor BV",
  address,
  contact: { email: "info@processor.example" },
  dpo: { name: "Dana Protector", email: "dpo@processor.example" },
});
