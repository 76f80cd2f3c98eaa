import { ROLES, type Role } from "./values/values.ts";

export { ROLES };
export type { Role };

/**
 * What each role may do. Procurement reads the register and proposes
 * sub-processors (and announces and withdraws those changes); it cannot edit
 * the rest of the register, decide on objections or see the audit log.
 * A calendar token opens the deadline calendar and nothing else: its secret
 * sits in a subscription URL, stored by calendar apps and seen by proxies.
 */
const GRANTS = {
  "register:read": ["admin", "editor", "read-only", "procurement"],
  "register:write": ["admin", "editor"],
  "sub-processors:write": ["admin", "editor", "procurement"],
  "audit:read": ["admin", "editor", "read-only"],
  "tokens:manage": ["admin"],
  /** Corrections of fields that otherwise follow a workflow (a sub-processor's locations…), with a reason. */
  "register:correct": ["admin"],
  "operations:run": ["admin"],
  /** The whole register out and in (register-transfer): users' password hashes, token hashes and app secrets included. */
  "register:transfer": ["admin"],
  "calendar:read": ["calendar"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof GRANTS;

export function can(role: Role, permission: Permission): boolean {
  return (GRANTS[permission] as readonly Role[]).includes(role);
}
