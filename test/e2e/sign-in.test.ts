import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ADMIN, expectHeading, shot, signIn, startWorld, textOf, watchCsp, type World } from "./harness.ts";

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

describe("journey 1: signing in", () => {
  test("the DPO signs in with e-mail and password and lands on the dashboard, under the real CSP", async () => {
    const context = await world.newContext();
    const page = await context.newPage();
    const cspErrors = watchCsp(page);

    const signInPage = await page.goto("/admin/sign-in");
    const csp = signInPage?.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    await shot(page, "01-sign-in");

    await signIn(page);
    await expectHeading(page, "Dashboard");
    await shot(page, "01-dashboard");
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === "__Host-dpa_session");
    expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cspErrors).toEqual([]);
    await context.close();
  });

  test("a wrong password shows an error and starts no session", async () => {
    const context = await world.newContext();
    const page = await context.newPage();
    await page.goto("/admin/sign-in");
    await page.getByLabel("E-mail address").fill(ADMIN.email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expectHeading(page, "Sign in");
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").innerText()).toContain("The e-mail address or password is not right.");
    // What was typed in the e-mail field stays; the password does not.
    expect(await page.getByLabel("E-mail address").inputValue()).toBe(ADMIN.email);
    expect(await page.getByLabel("Password").inputValue()).toBe("");
    await shot(page, "01-sign-in-wrong-password");

    expect((await context.cookies()).filter((c) => c.name === "__Host-dpa_session")).toEqual([]);
    // Without a session the dashboard is out of reach: the answer is the sign-in page.
    const dashboard = await page.goto("/admin");
    expect(dashboard?.status()).toBe(401);
    expect(await textOf(page)).toContain("Please sign in");
    await context.close();
  });
});
