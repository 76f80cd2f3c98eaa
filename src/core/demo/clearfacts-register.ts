// The demo register: ClearFacts BV's DPA (article 13 of its general terms,
// seed 001), in English and Dutch. Facts from article 13.4 are kept as the
// seed states them; contact details and security measures, which the seed
// does not give, are illustrative and use example.* addresses.
import type { ClockPeriod } from "../kernel/values/values.ts";

export const organisation = {
  legalName: "ClearFacts BV",
  companyNumber: "0539.930.110",
  address: { street: "Keizerinlaan 13-15", postalCode: "1000", city: "Brussel", country: "BE" },
  contact: { name: "ClearFacts support", email: "support@clearfacts.example" },
  dpo: { name: "Data Protection Officer", email: "dpo@clearfacts.example" },
  defaultLanguage: "nl",
};

export const dataCategories = {
  identification: {
    name: {
      en: "Identification data: name, business or personal e-mail address, IP address",
      fr: "Données d’identification : nom, adresse e-mail professionnelle ou personnelle, adresse IP",
      nl: "Identificatiegegevens: naam, zakelijk of persoonlijk e-mailadres, IP-adres",
    },
  },
  technical: {
    name: { en: "Technical data: access granted", fr: "Données techniques : accès accordés", nl: "Technische gegevens: verleende toegang" },
  },
  credentials: {
    name: {
      en: "Identification data: name, business or personal e-mail address, passwords",
      fr: "Données d’identification : nom, adresse e-mail professionnelle ou personnelle, mots de passe",
      nl: "Identificatiegegevens: naam, zakelijk of persoonlijk e-mailadres, wachtwoorden",
    },
  },
  financial: {
    name: {
      en: "Financial data: IBAN, VAT number, legal form, CODA files (optional), SEPA files (optional)",
      fr: "Données financières : IBAN, numéro de TVA, forme juridique, fichiers CODA (facultatif), fichiers SEPA (facultatif)",
      nl: "Financiële gegevens: IBAN-nummer, BTW-nummer, rechtsvorm, CODA-bestanden (optioneel), SEPA-bestanden (optioneel)",
    },
  },
  address: {
    name: {
      en: "Personal data: home or work address",
      fr: "Données personnelles : adresse du domicile ou du lieu de travail",
      nl: "Persoonlijke gegevens: woon- of werkadres",
    },
  },
  invoice: {
    name: {
      en: "Invoice data: counterparty name, invoice date, amounts, invoice number, payment due date, payment reference, counterparty VAT number, counterparty IBAN",
      fr: "Données de facturation : nom de la contrepartie, date de la facture, montants, numéro de facture, date d’échéance, référence de paiement, numéro de TVA de la contrepartie, IBAN de la contrepartie",
      nl: "Factuurgegevens: naam tegenpartij, factuurdatum, bedragen, factuurnummer, vervaldatum betaling, communicatie, BTW-nummer tegenpartij, IBAN-nummer tegenpartij",
    },
  },
  customerContacts: {
    name: {
      en: "Customer contact details: name, business e-mail address, telephone",
      fr: "Coordonnées des clients : nom, adresse e-mail professionnelle, téléphone",
      nl: "Contactgegevens klanten: naam, zakelijk e-mailadres, telefoon",
    },
  },
} as const;

export const subjectCategories = {
  accountants: { name: { en: "Accountants", fr: "Comptables", nl: "Boekhouders" } },
  clients: { name: { en: "Accountants' clients", fr: "Clients des comptables", nl: "Cliënten van boekhouders" } },
  counterparties: {
    name: { en: "Counterparties of those clients", fr: "Contreparties de ces clients", nl: "Tegenpartijen van deze cliënten" },
  },
  customerContacts: {
    name: { en: "Contact persons at customers", fr: "Personnes de contact chez les clients", nl: "Contactpersonen bij klanten" },
  },
} as const;

export const securityMeasures = {
  transport: {
    heading: "protection_in_transmission",
    title: { en: "Encryption in transit", fr: "Chiffrement en transit", nl: "Versleuteling tijdens transport" },
    description: {
      en: "All traffic to the application and between services uses TLS 1.2 or higher.",
      fr: "Tout le trafic vers l’application et entre les services utilise TLS 1.2 ou plus.",
      nl: "Alle verkeer naar de applicatie en tussen diensten verloopt via TLS 1.2 of hoger.",
    },
  },
  storage: {
    heading: "protection_in_storage",
    title: { en: "Encryption at rest", fr: "Chiffrement au repos", nl: "Versleuteling in rust" },
    description: {
      en: "Databases, backups and documents are stored encrypted (AES-256) in the EU.",
      fr: "Les bases de données, les sauvegardes et les documents sont stockés chiffrés (AES-256) dans l’UE.",
      nl: "Databanken, back-ups en documenten worden versleuteld (AES-256) opgeslagen in de EU.",
    },
    certifications: [{ name: "ISO/IEC 27001", issuer: "Amazon Web Services" }],
  },
  access: {
    heading: "user_identification_authorisation",
    title: { en: "Role-based access control", fr: "Contrôle d’accès fondé sur les rôles", nl: "Toegangsbeheer op basis van rollen" },
    description: {
      en: "Staff access is personal, least-privilege, protected by multi-factor authentication and reviewed quarterly.",
      fr: "L’accès du personnel est personnel, limité au strict nécessaire, protégé par une authentification multifacteur et revu chaque trimestre.",
      nl: "Toegang van medewerkers is persoonlijk, beperkt tot het nodige, beveiligd met meerfactorauthenticatie en wordt elk kwartaal herzien.",
    },
  },
  backups: {
    heading: "restore_availability",
    title: { en: "Backups and restore tests", fr: "Sauvegardes et tests de restauration", nl: "Back-ups en hersteltesten" },
    description: {
      en: "Daily encrypted backups in a second EU region; a restore is tested every quarter.",
      fr: "Sauvegardes chiffrées quotidiennes dans une seconde région de l’UE ; une restauration est testée chaque trimestre.",
      nl: "Dagelijkse versleutelde back-ups in een tweede EU-regio; elk kwartaal wordt een herstel getest.",
    },
  },
  logging: {
    heading: "event_logging",
    title: { en: "Access logging", fr: "Journalisation des accès", nl: "Logging van toegang" },
    description: {
      en: "Access to personal data is logged and logs are kept for one year.",
      fr: "L’accès aux données à caractère personnel est journalisé et les journaux sont conservés un an.",
      nl: "Toegang tot persoonsgegevens wordt gelogd en de logs worden één jaar bewaard.",
    },
  },
} as const;

const contractOrRevocation = {
  kind: "event",
  event: {
    en: "Duration of the contract with the registered accountant or until access is revoked",
    fr: "Durée du contrat avec le comptable enregistré ou jusqu’à la révocation de l’accès",
    nl: "Duur van het contract met de registeraccountant of tot de toegang wordt opgeheven",
  },
} as const;

/** Article 13.4: the processing ClearFacts carries out as processor, with its retention (13.4.8). */
export const processorActivities = {
  maintenance: {
    name: {
      en: "Maintenance and availability of the ClearFacts application",
      fr: "Maintenance et mise à disposition de l’application ClearFacts",
      nl: "Onderhoud en terbeschikkingstelling van de Clearfacts-applicatie",
    },
    subjectMatter: {
      en: "Maintenance and availability of the ClearFacts application",
      fr: "Maintenance et mise à disposition de l’application ClearFacts",
      nl: "Onderhoud en beschikbaarheid van de applicatie Clearfacts",
    },
    purposes: [
      {
        en: "Provide an application for downloading, recognising and validating documents",
        fr: "Fournir une application pour télécharger, reconnaître et valider des documents",
        nl: "Zorg voor een applicatie voor het downloaden, herkennen en valideren van documenten",
      },
    ],
    nature: {
      en: "Hosting, storage, automated recognition (OCR) and validation of documents",
      fr: "Hébergement, stockage, reconnaissance automatisée (OCR) et validation de documents",
      nl: "Hosting, opslag, automatische herkenning (OCR) en validatie van documenten",
    },
    dataCategories: ["identification", "financial", "address", "invoice"],
    retention: contractOrRevocation,
  },
  access: {
    name: {
      en: "Managing access to the ClearFacts application",
      fr: "Gestion des accès à l’application ClearFacts",
      nl: "Beheer van toegang tot de Clearfacts applicatie",
    },
    subjectMatter: {
      en: "Managing access to the ClearFacts application",
      fr: "Gestion des accès à l’application ClearFacts",
      nl: "Toegang tot de Clearfacts applicatie beheren",
    },
    purposes: [{ en: "Manage access to the application", fr: "Gérer l’accès à l’application", nl: "Toegang tot de applicatie beheren" }],
    nature: {
      en: "Creating, changing and revoking user accounts and access rights",
      fr: "Création, modification et révocation des comptes d’utilisateur et des droits d’accès",
      nl: "Aanmaken, wijzigen en intrekken van gebruikersaccounts en toegangsrechten",
    },
    dataCategories: ["credentials", "technical"],
    retention: { kind: "period", period: { length: 10, unit: "years" } },
  },
  migration: {
    name: { en: "Migration of client files", fr: "Migration de dossiers clients", nl: "Migratie van dossiers" },
    subjectMatter: {
      en: "Migration of client files between accountants",
      fr: "Migration de dossiers clients entre comptables",
      nl: "Migratie van dossiers",
    },
    purposes: [
      {
        en: "Allow accountants' clients to migrate their ClearFacts data from a previous to a new accountant",
        fr: "Permettre aux clients des comptables de migrer leurs données ClearFacts d’un ancien vers un nouveau comptable",
        nl: "Accountantsklanten in staat stellen hun Clearfacts-gegevens te migreren van een oude naar een nieuwe accountant",
      },
    ],
    nature: {
      en: "Copying a client's documents and data from one accountant's environment to another's",
      fr: "Copie des documents et des données d’un client de l’environnement d’un comptable vers celui d’un autre",
      nl: "Kopiëren van documenten en gegevens van een cliënt van de omgeving van de ene accountant naar die van de andere",
    },
    dataCategories: ["identification", "financial", "invoice"],
    retention: contractOrRevocation,
  },
} as const;

export const subProcessors = {
  aws: {
    legalName: "Amazon Web Services EMEA SARL",
    reference: "AWS",
    address: { street: "38 Avenue John F. Kennedy", postalCode: "1855", city: "Luxembourg", country: "LU" },
    contact: { email: "aws-emea-privacy@aws.example" },
    service: { en: "Provides hosting for the service", fr: "Fournit l’hébergement du service", nl: "Biedt hosting voor de dienst" },
    processingDescription: {
      en: "Hosts the application, its databases and stored documents; processes data only as infrastructure on ClearFacts' instructions and has no access to the content.",
      fr: "Héberge l’application, ses bases de données et les documents stockés ; ne traite les données qu’en tant qu’infrastructure, sur les instructions de ClearFacts, et n’a pas accès à leur contenu.",
      nl: "Host de applicatie, haar databanken en opgeslagen documenten; verwerkt gegevens enkel als infrastructuur volgens de instructies van ClearFacts en heeft geen toegang tot de inhoud.",
    },
    locations: [
      { country: "DE", region: "Frankfurt" },
      { country: "IE", region: "Dublin" },
    ],
    activities: ["maintenance", "access", "migration"],
  },
  ixordocs: {
    legalName: "IxorDocs",
    reference: "IXORDOCS",
    address: { street: "Technologiepark 1", postalCode: "9052", city: "Gent", country: "BE" },
    contact: { email: "privacy@ixordocs.example" },
    service: { en: "Provides OCR functionality", fr: "Fournit la fonctionnalité OCR", nl: "Biedt OCR-functionaliteit" },
    processingDescription: {
      en: "Reads uploaded invoices and receipts (OCR) and returns the recognised fields; keeps no copy after processing.",
      fr: "Lit les factures et reçus téléversés (OCR) et renvoie les champs reconnus ; n’en garde aucune copie après le traitement.",
      nl: "Leest opgeladen facturen en bonnetjes (OCR) en geeft de herkende velden terug; bewaart na verwerking geen kopie.",
    },
    locations: [{ country: "DE" }],
    activities: ["maintenance"],
  },
} as const;

const days = (length: number): ClockPeriod => ({ length, unit: "calendar_days" });
const months = (length: number): ClockPeriod => ({ length, unit: "months" });

/** 13.6.3 objection window, 13.5.8 audit notice, 13.5.10 deletion or return, art. 11 terms changes. */
export const clearFactsClocks = {
  subProcessorNotice: days(15),
  auditNotice: days(15),
  deletionOrReturn: months(3),
  termsChangeObjection: months(2),
};

export const customers = [
  {
    legalName: "Boekhoudkantoor Peeters BV",
    reference: "CF-CUST-001",
    companyNumber: "0123.456.749",
    address: { street: "Veldstraat 10", postalCode: "9000", city: "Gent", country: "BE" },
    contact: { name: "An Peeters", position: "Zaakvoerder", email: "an.peeters@peeters.example" },
    language: "nl",
    agreement: { reference: "CF-DPA-2024-001", signedOn: "2024-03-01", authorisation: "general" },
  },
  {
    legalName: "Fiduciaire Dupont SRL",
    reference: "CF-CUST-002",
    companyNumber: "0987.654.312",
    address: { street: "Rue de la Cathédrale 5", postalCode: "4000", city: "Liège", country: "BE" },
    contact: { name: "Luc Dupont", position: "Gérant", email: "luc.dupont@dupont.example" },
    dpo: { name: "Marie Lambert", email: "dpo@dupont.example" },
    language: "fr",
    agreement: { reference: "CF-DPA-2024-002", signedOn: "2024-06-15", authorisation: "general" },
  },
  {
    legalName: "Accountancy Janssens & Co NV",
    reference: "CF-CUST-003",
    companyNumber: "0456.789.123",
    address: { street: "Meir 50", postalCode: "2000", city: "Antwerpen", country: "BE" },
    contact: { name: "Tom Janssens", position: "Partner", email: "tom.janssens@janssens.example" },
    language: "en",
    agreement: { reference: "CF-DPA-2025-003", signedOn: "2025-01-20", authorisation: "prior_specific" },
  },
] as const;
