import { describe, expect, test } from "vitest";
import { contactFromIdentifier, normalizeEmail, normalizePhone } from "#app/people/contact.ts";

describe("normalizePhone", () => {
  test.each([
    ["0912345678", "0912345678"],
    ["+84912345678", "0912345678"],
    ["84912345678", "0912345678"],
    ["+84 912 345 678", "0912345678"],
    ["0912.345.678", "0912345678"],
    ["091-234-5678", "0912345678"],
  ])("%s is stored as %s", (input, stored) => {
    expect(normalizePhone(input)).toBe(stored);
  });

  test.each(["091234567", "12345", "+8491234567", "09123456789", "abcdefghij", ""])("%s is rejected", (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe("normalizeEmail", () => {
  test("trims and lower-cases a valid address", () => {
    expect(normalizeEmail("  Chi.Lan@HoiPhuNu.VN ")).toBe("chi.lan@hoiphunu.vn");
  });

  test.each(["chi lan@x.vn", "no-at.vn", "a@b", ""])("%s is rejected", (input) => {
    expect(normalizeEmail(input)).toBeNull();
  });
});

describe("contactFromIdentifier", () => {
  test("an identifier with @ is an email, otherwise a phone", () => {
    expect(contactFromIdentifier("Lan@X.vn")).toEqual({ email: "lan@x.vn" });
    expect(contactFromIdentifier("+84 912 345 678")).toEqual({ phone: "0912345678" });
    expect(contactFromIdentifier("not a contact")).toBeNull();
  });
});
