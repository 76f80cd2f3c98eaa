// The words the documents benchmark's register is made of, English and Dutch like the demo register.
export type Text = { en: string; nl: string };
export const t = (en: string, nl: string): Text => ({ en, nl });
export const ACTIONS = [
  t("Managing", "Beheer van"),
  t("Processing", "Verwerking van"),
  t("Archiving", "Archivering van"),
  t("Validating", "Validatie van"),
  t("Analysing", "Analyse van"),
  t("Exchanging", "Uitwisseling van"),
  t("Reconciling", "Afstemming van"),
  t("Storing", "Opslag van"),
];
export const OBJECTS = [
  t("purchase invoices", "aankoopfacturen"),
  t("sales invoices", "verkoopfacturen"),
  t("bank statements (CODA)", "bankafschriften (CODA)"),
  t("payroll documents", "loondocumenten"),
  t("expense receipts", "onkostenbonnetjes"),
  t("VAT returns", "btw-aangiften"),
  t("supplier master data", "leveranciersgegevens"),
  t("customer contact details", "contactgegevens van klanten"),
  t("user accounts", "gebruikersaccounts"),
  t("support tickets", "supporttickets"),
];
export const CONTEXTS = [
  t("for accounting firms in Flanders", "voor boekhoudkantoren in Vlaanderen"),
  t("for SMEs in Wallonia", "voor kmo's in Wallonië"),
  t("in the mobile app", "in de mobiele app"),
  t("through the Peppol network", "via het Peppol-netwerk"),
  t("for the annual closing", "voor de jaarafsluiting"),
  t("for the Benelux sales team", "voor het verkoopteam Benelux"),
];
export const PURPOSES = [
  t(
    "Provide an application for downloading, recognising and validating documents",
    "Een applicatie bieden voor het downloaden, herkennen en valideren van documenten",
  ),
  t("Book incoming and outgoing invoices in the client's ledger", "Inkomende en uitgaande facturen boeken in het grootboek van de cliënt"),
  t("Detect duplicate or fraudulent invoices before payment", "Dubbele of frauduleuze facturen opsporen vóór betaling"),
  t("Answer support questions from users", "Supportvragen van gebruikers beantwoorden"),
  t("Prepare periodic VAT returns and listings", "Periodieke btw-aangiften en listings voorbereiden"),
  t("Keep the audit trail required by accounting law", "Het audittraject bijhouden dat de boekhoudwetgeving vereist"),
  t("Invoice customers and collect payments", "Klanten factureren en betalingen innen"),
  t("Measure and improve the quality of the service", "De kwaliteit van de dienst meten en verbeteren"),
];
export const DATA = [
  "Identification data: name, e-mail address",
  "Financial data: IBAN, VAT number",
  "Invoice data: amounts, dates, references",
  "Address data: home or work address",
  "Access data: log-ins, IP addresses",
  "Employment data: function, salary",
  "Contract data: start and end dates",
  "Communication data: e-mails and tickets",
  "Tax data: national number, tax returns",
  "Payment data: transactions and balances",
];
export const DATA_NL = [
  "Identificatiegegevens: naam, e-mailadres",
  "Financiële gegevens: IBAN, btw-nummer",
  "Factuurgegevens: bedragen, datums, referenties",
  "Adresgegevens: woon- of werkadres",
  "Toegangsgegevens: aanmeldingen, IP-adressen",
  "Arbeidsgegevens: functie, loon",
  "Contractgegevens: begin- en einddatum",
  "Communicatiegegevens: e-mails en tickets",
  "Fiscale gegevens: rijksregisternummer, aangiften",
  "Betalingsgegevens: transacties en saldi",
];
export const WHOSE = [
  t("of employees", "van werknemers"),
  t("of clients", "van cliënten"),
  t("of counterparties", "van tegenpartijen"),
  t("of users", "van gebruikers"),
];
export const SUBJECTS = [
  t("Accountants", "Boekhouders"),
  t("Accountants' clients", "Cliënten van boekhouders"),
  t("Counterparties", "Tegenpartijen"),
  t("Employees", "Werknemers"),
  t("Job applicants", "Sollicitanten"),
  t("Suppliers' contacts", "Contactpersonen bij leveranciers"),
  t("Customers' contacts", "Contactpersonen bij klanten"),
  t("Website visitors", "Websitebezoekers"),
  t("Newsletter subscribers", "Abonnees van de nieuwsbrief"),
  t("Shareholders", "Aandeelhouders"),
];
export const MEASURES = [
  t("Encryption in transit with TLS 1.2 or higher", "Versleuteling tijdens transport met TLS 1.2 of hoger"),
  t("Encryption at rest with AES-256", "Versleuteling in rust met AES-256"),
  t("Role-based access with multi-factor authentication", "Toegang op basis van rollen met meerfactorauthenticatie"),
  t("Daily backups in a second EU region", "Dagelijkse back-ups in een tweede EU-regio"),
  t("Central logging kept for one year", "Centrale logging die één jaar bewaard wordt"),
  t("Yearly penetration test by an external firm", "Jaarlijkse penetratietest door een extern bureau"),
];
export const EEA = ["DE", "IE", "NL", "FR", "BE", "SE", "FI", "AT", "LU", "PL"];
export const RETENTIONS = [
  { kind: "period", period: { length: 7, unit: "years" } },
  { kind: "period", period: { length: 10, unit: "years" } },
  {
    kind: "event",
    event: t("End of the contract with the accountant", "Einde van het contract met de boekhouder"),
    offset: { length: 3, unit: "months" },
  },
  { kind: "event", event: t("Until access is revoked", "Tot de toegang wordt ingetrokken") },
];
