// How the PDF wraps a cell's text: words whole where they fit; a word wider than the line (an
// e-mail address, a URL) broken where a reader expects it, never wider than the line.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TextMeasure } from "../../../src/core/documents/render/pdf/text-measure.ts";

/** Every character 5 points wide: a line of 80 points holds 16 characters. */
const measure = () => new TextMeasure((text) => text.length * 5);

describe("wrapping text to a line", () => {
  it("keeps an e-mail address that fits a line whole, on a line of its own if need be", () => {
    // "dpo@vendor.example" is 18 characters, 90 points: on a line of 100 it stays whole.
    expect(measure().wrap("Write to dpo@vendor.example today", 100)).toEqual(["Write to", "dpo@vendor.example", "today"]);
  });

  it("breaks an address wider than the line before its @, and a URL after a slash", () => {
    expect(measure().wrap("aws-emea-privacy@aws.example", 80)).toEqual(["aws-emea-privacy", "@aws.example"]);
    expect(measure().wrap("https://vendor.example/privacy/sub-processors", 80)).toEqual([
      "https://vendor.",
      "example/privacy/",
      "sub-processors",
    ]);
  });

  it("breaks between characters only where nothing better fits", () => {
    expect(measure().wrap("BE71096123456769BE71", 80)).toEqual(["BE71096123456769", "BE71"]);
  });

  it("never gives a line wider than asked, nor loses or adds a character (any text, any width)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z@./-]{1,40}$/), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 5, max: 200 }),
        (words, max) => {
          const lines = measure().wrap(words.join(" "), max);
          for (const line of lines) expect(line.length * 5 <= max || line.length === 1).toBe(true);
          expect(lines.join("").replace(/ /g, "")).toBe(words.join(""));
        },
      ),
    );
  });
});
