// The admin UI speaks the signed-in person's language: their own choice on "Your account", else
// the best match of the browser's Accept-Language, else English. The choice is a change to the
// user, audited like any other.
import { describe, expect, it } from "vitest";
import { browserLanguage } from "../../src/http/admin/ui/ui-language.ts";
import { csrfOf, makeAdminUi } from "../helpers/admin-ui.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { memoryStore } from "../helpers/sqlite.ts";

async function world() {
  const store = memoryStore();
  const ui = await makeAdminUi(store);
  return { store, ui, session: await ui.signIn("editor") };
}

const htmlLang = (page: string) => /<html lang="(\w+)"/.exec(page)?.[1];

describe("the admin UI's language", () => {
  it("follows the browser's Accept-Language, even before sign-in", async () => {
    const { ui, session } = await world();
    const signIn = await (await ui.get("/admin/sign-in", null, { "accept-language": "nl-BE,nl;q=0.9,en;q=0.8" })).text();
    expect(htmlLang(signIn)).toBe("nl");
    expect(signIn).toContain("E-mailadres");
    expect(signIn).toContain(">Aanmelden</button>");

    const dashboard = await (await ui.get("/admin", session, { "accept-language": "fr-BE" })).text();
    expect(htmlLang(dashboard)).toBe("fr");
    expect(dashboard).toContain(">Se déconnecter</button>");
    expect(dashboard).toContain(">Sous-traitants ultérieurs</a>");

    const english = await (await ui.get("/admin", session, { "accept-language": "de-DE,de;q=0.9" })).text();
    expect(htmlLang(english)).toBe("en");
    expect(english).toContain(">Sign out</button>");
  });

  it("is the user's own choice once made, whatever the browser says, and the choice is audited", async () => {
    const { store, ui, session } = await world();
    const account = await (await ui.get("/admin/account", session)).text();
    expect(account).toContain('<option value="" selected>The browser&#39;s language</option>');

    const saved = await ui.post("/admin/account/language", { language: "fr" }, session);
    expect(saved.status).toBe(303);
    const after = await (await ui.get("/admin/account", session, { "accept-language": "nl" })).text();
    expect(htmlLang(after)).toBe("fr");
    expect(after).toContain('<option value="fr" selected>Français</option>');

    const audit = (await snapshot(store)).audit_entries as { entity_type: string; action: string; after: string | null }[];
    const entry = audit.filter((e) => e.entity_type === "user").at(-1);
    expect(entry?.action).toBe("update");
    expect(JSON.parse(entry?.after ?? "{}")).toMatchObject({ email: "editor@example.test", language: "fr" });

    // Back to the browser's language.
    expect((await ui.post("/admin/account/language", { language: "" }, session)).status).toBe(303);
    expect(htmlLang(await (await ui.get("/admin", session, { "accept-language": "nl" })).text())).toBe("nl");
  });

  it("refuses a language it has no catalogue for, and changes nothing", async () => {
    const { store, ui, session } = await world();
    const before = await snapshot(store);
    const refused = await ui.post("/admin/account/language", { language: "de" }, session);
    expect(refused.status).toBe(422);
    const page = await refused.text();
    expect(page).toContain("Choose English, Nederlands, Français or the browser&#39;s language.");
    expect(csrfOf(page)).toBe(session.csrf);
    const { sessions: _s, ...rest } = await snapshot(store);
    const { sessions: _b, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
  });

  it("shows core's refusals in the page's language", async () => {
    const { ui, session } = await world();
    await ui.post("/admin/account/language", { language: "nl" }, session);
    const wrong = await ui.post(
      "/admin/account/password",
      { current: "not it at all", password: "a long new password", confirm: "a long new password" },
      session,
    );
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain("Dit is niet uw huidige wachtwoord.");
  });
});

describe("choosing from Accept-Language", () => {
  it.each([
    [undefined, "en"],
    ["", "en"],
    ["nl", "nl"],
    ["fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5", "fr"],
    ["de-DE, en;q=0.5, nl;q=0.6", "nl"],
    ["en;q=0.5, fr;q=0.5", "en"],
    ["nl;q=0, fr", "fr"],
    ["NL-be", "nl"],
    ["*", "en"],
    ["nl;q=abc, fr;q=0.1", "fr"],
  ])("%j gives %s", (header, expected) => {
    expect(browserLanguage(header)).toBe(expected);
  });
});
