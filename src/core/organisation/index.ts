export { Organisation, OrganisationInput } from "./organisation-model.ts";
export { getOrganisation, loadOrganisation, putOrganisation } from "./organisation-use-cases.ts";
