import { z } from "zod";
import type { Role } from "../kernel/roles.ts";
import { Language, USER_ROLES, type UserRole } from "../kernel/values/values.ts";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password.ts";

/**
 * People sign in as one of three roles; `procurement` is for API tokens only.
 * Admins are the DPOs: they also manage users and tokens.
 */
export { USER_ROLES };
export type { UserRole };

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin (DPO)",
  editor: "Editor",
  "read-only": "Read-only (auditor)",
  procurement: "Procurement (API only)",
  calendar: "Calendar (the deadline calendar only)",
};

const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: "Enter an e-mail address like dpo@example.com." }));

export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` })
  .max(PASSWORD_MAX_LENGTH, { message: `Use at most ${PASSWORD_MAX_LENGTH} characters.` });

export const NewUserInput = z.strictObject({
  email: Email,
  name: z.string().trim().min(1, { message: "Enter a name." }).max(200),
  role: z.enum(USER_ROLES, { message: "Choose a role." }),
  password: Password,
});
export type NewUserInput = z.infer<typeof NewUserInput>;

export const UserChangeInput = z.strictObject({
  name: z.string().trim().min(1, { message: "Enter a name." }).max(200),
  role: z.enum(USER_ROLES, { message: "Choose a role." }),
  disabled: z.boolean(),
});
export type UserChangeInput = z.infer<typeof UserChangeInput>;

/** A user as shown and audited: never the password hash. */
export interface User {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  createdAt: string;
  updatedAt: string;
  disabledAt: string | null;
  lockedUntil: string | null;
  revision: number;
  /** The admin UI's language; null follows the browser. */
  language: Language | null;
}

/** A person's own choice of the admin UI's language: one of the catalogues' languages, or "" to follow the browser. */
export const LanguageChoice = z.union([Language, z.literal("").transform(() => null)], {
  message: "Choose English, Nederlands, Français or the browser's language.",
});
