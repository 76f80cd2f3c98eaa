import type { Organisation } from "./organisation-model.ts";

/** Where the organisation's DPO is written to: the DPO's address, else the organisation's contact. */
export const dpoEmail = (org: Organisation) => org.dpo?.email ?? org.contact.email;
