/**
 * The processor's own details (name, address, DPO), as the documents and e-mails show them.
 * This file is the feature's public surface: other features and the outer layers import only what it exports.
 */
export { Organisation, OrganisationInput } from "./organisation-model.ts";
export { getOrganisation, loadOrganisation, putOrganisation } from "./organisation-use-cases.ts";
export { dpoEmail } from "./dpo-email.ts";
