export const LANGUAGES = ["en", "nl", "fr"] as const;
