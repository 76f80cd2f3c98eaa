// The Worker's zod locales (wrangler.toml [alias] of zod's "../locales/index.js"):
// none. zod's `locales` namespace holds the error messages of some 60
// languages (about 40 KiB of the compressed bundle); the service uses zod's
// English default, which zod loads from "../locales/en.js", not from here.
export {};
