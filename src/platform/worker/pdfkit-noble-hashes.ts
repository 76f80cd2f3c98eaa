// pdfkit's sha256 and concatBytes (wrangler.toml [alias] of its "@noble/hashes/sha2" and
// "@noble/hashes/utils"): pdfkit depends on @noble/hashes 1.x, which would be a second copy next to
// the 2.x the Worker carries already; these are the same functions from 2.x (pdfkit calls them on
// byte arrays only, for encrypted documents).
export { sha256 } from "@noble/hashes/sha2.js";
export { concatBytes } from "@noble/hashes/utils.js";
