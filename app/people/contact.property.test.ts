import fc from "fast-check";
import { expect, test } from "vitest";
import { contactFromIdentifier, normalizeEmail, normalizePhone } from "./contact.ts";

const mobile = fc.stringMatching(/^0[35789]\d{8}$/);
// The ways people write one number: spaces, dots, dashes, brackets, +84 or 84 in front.
const written = mobile.chain((phone) =>
  fc.tuple(fc.constantFrom("", "+84", "84"), fc.array(fc.constantFrom("", " ", ".", "-"), { minLength: 10, maxLength: 10 })).map(([prefix, separators]) => {
    const digits = prefix ? phone.slice(1) : phone;
    return { phone, text: prefix + [...digits].map((d, i) => d + (separators[i] ?? "")).join("") };
  }),
);

test("any text is a phone number in one stored form or nothing, and normalizing twice changes nothing", () => {
  fc.assert(
    fc.property(fc.string(), (text) => {
      const phone = normalizePhone(text);
      if (phone === null) return;
      expect(phone).toMatch(/^0\d{9}$/);
      expect(normalizePhone(phone)).toBe(phone);
    }),
  );
});

test("every way of writing a mobile number stores the same ten digits", () => {
  fc.assert(
    fc.property(written, ({ phone, text }) => {
      expect(normalizePhone(text)).toBe(phone);
    }),
  );
});

test("any text is a lower-case address with one @ and a dotted domain, or nothing", () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.emailAddress()), (text) => {
      const email = normalizeEmail(text);
      if (email === null) return;
      expect(email).toBe(email.trim().toLowerCase());
      expect(email).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
      expect(normalizeEmail(email)).toBe(email);
    }),
  );
});

test("a sign-in identifier never throws and names at most one kind of contact", () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.emailAddress(), written.map((w) => w.text)), (text) => {
      const contact = contactFromIdentifier(text);
      if (contact) expect(Object.keys(contact)).toHaveLength(1);
    }),
  );
});
