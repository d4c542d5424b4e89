import { expect, test } from "vitest";
import { citedDocumentKeys, policyDocuments } from "./documents.ts";

const entries = Object.entries(policyDocuments);

test("every document a lesson may cite has its official number, its title, and a date that falls in its year", () => {
  expect(entries.length).toBeGreaterThan(0);
  for (const [key, doc] of entries) {
    expect(doc.number.trim(), key).not.toBe("");
    expect(doc.title.trim(), key).not.toBe("");
    expect(doc.year, key).toBeGreaterThanOrEqual(1945);
    expect(doc.year, key).toBeLessThanOrEqual(new Date().getFullYear());
    if (doc.issuedOn !== null) {
      expect(doc.issuedOn, key).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${doc.issuedOn}T00:00:00Z`).toISOString().slice(0, 10), key).toBe(doc.issuedOn);
      expect(Number(doc.issuedOn.slice(0, 4)), key).toBe(doc.year);
    }
  }
});

test("the number in a document's key is in its official number, or is its year", () => {
  for (const [key, doc] of entries) {
    const digits = key.match(/\d+/)?.[0];
    if (digits) expect(doc.number.includes(digits) || Number(digits) === doc.year, `${key}: ${doc.number}`).toBe(true);
  }
});

test("the documents Công văn 819 orders studied are there, with their official numbers and dates", () => {
  expect(policyDocuments["11-NQ/TW"]).toMatchObject({ number: "Nghị quyết số 11-NQ/TW", issuedOn: "2007-04-27", year: 2007 });
  expect(policyDocuments["21-CT/TW"]).toMatchObject({ number: "Chỉ thị số 21-CT/TW", issuedOn: "2018-01-20", year: 2018 });
  expect(policyDocuments["14-CT/TU"]).toMatchObject({ number: "Chỉ thị số 14-CT/TU của Ban Thường vụ Tỉnh ủy Bạc Liêu", issuedOn: "2018-04-10", year: 2018 });
  expect(policyDocuments["CV-819"]).toMatchObject({ number: "Công văn số 819 của Ban Thường vụ Tỉnh ủy Bạc Liêu", issuedOn: "2019-08-29", year: 2019 });
  expect([...citedDocumentKeys].sort()).toEqual(Object.keys(policyDocuments).sort());
});
