/**
 * Accounts: the people who sign in to the admin UI (users, sessions, passwords) and the API tokens of other systems.
 * This file is the feature's public surface: other features and the outer layers import only what it exports.
 */
export type { Kdf, ScryptCost } from "./password.ts";
export { ABSOLUTE_TIMEOUT_MS, findSession, signIn, signOut } from "./sessions.ts";
export type { SignedInSession } from "./sessions.ts";
export { ApiToken, CreatedToken, TokenInput } from "./token-model.ts";
export { newTokenSecret } from "./token-secret.ts";
export { authenticate, createToken, listTokens, revokeToken } from "./token-use-cases.ts";
export { ROLE_LABELS, USER_ROLES } from "./user-model.ts";
export type { User } from "./user-model.ts";
export { changeOwnPassword, createUser, setOwnLanguage, getUser, listUsers, setPassword, toUser, updateUser } from "./user-use-cases.ts";
