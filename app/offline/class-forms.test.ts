import { expect, test } from "vitest";
import { classFormAddress, formAt, formServing, keyInData, keyInPage, withFreshKeyAfter } from "./class-forms.ts";
import type { StoredForm } from "./queue-store.ts";

const origin = "https://lantoa.vn";
const stored = (unitId: string, storedKey: string, key = storedKey): StoredForm => ({ unitId, bytes: 1, savedAt: 0, storedKey, key });
const keyA = "11111111-1111-4111-8111-111111111111";
const keyB = "22222222-2222-4222-8222-222222222222";

test("a stored form is found by its unit, as a document and as data, and nothing else is", () => {
  const forms = [stored("u1", keyA), stored("u2", keyB)];
  expect(formAt(forms, new URL(classFormAddress("u2"), origin))?.storedKey).toBe(keyB);
  expect(formAt(forms, new URL("/classes.data?unit=u1&_routes=root", origin))?.storedKey).toBe(keyA);
  expect(formAt(forms, new URL("/classes?unit=u3", origin))).toBeUndefined();
  expect(formAt(forms, new URL("/org/classes?unit=u1", origin))).toBeUndefined();
});

test("the key is read from the form's hidden field, and from its data (the document and its data are two loads, two keys)", () => {
  expect(keyInPage(`<form><input type="hidden" name="idempotencyKey" value="${keyA}"/><select name="courseId">`)).toBe(keyA);
  expect(keyInPage("<form></form>")).toBeNull();
  // The shape of a /classes.data answer (abridged): the key's value need not follow its name.
  const data = `[{"_1":2},"routes/classes/record",{"_3":4},"data",{"_5":6,"_7":8},"day",["D",1751302799999],"idempotencyKey","x","${keyB}"]\n`;
  expect(keyInData(data.replace('"_7":8', '"_7":9'))).toBe(keyB);
  expect(keyInData('[{"_1":2},"root",{"_3":4},"user",null]\n')).toBeNull();
});

test("once a post from the form is queued, the form gets a new key; other forms and other keys keep theirs", () => {
  const forms = [stored("u1", keyA), stored("u2", keyB)];
  const [u1, u2] = withFreshKeyAfter(forms, keyA);
  expect(u1!.key).not.toBe(keyA);
  expect(u1!.key).toMatch(/^[0-9a-f-]{36}$/);
  expect(u1!.storedKey).toBe(keyA);
  expect(u2).toEqual(forms[1]);
  expect(withFreshKeyAfter(forms, "a-lesson-step-key-000")).toEqual(forms);
});

test("a stored form is shown with its current key everywhere the page names it; other pages as stored", async () => {
  const page = () => new Response(`<input name="idempotencyKey" value="${keyA}"/><script>["idempotencyKey","${keyA}"]</script>`, { headers: { "Content-Type": "text/html" } });
  const shown = await formServing(page(), new URL("/classes?unit=u1", origin), [stored("u1", keyA, keyB)]);
  expect(await shown.text()).toBe(`<input name="idempotencyKey" value="${keyB}"/><script>["idempotencyKey","${keyB}"]</script>`);
  expect(shown.headers.get("Content-Type")).toBe("text/html");
  const unchanged = page();
  expect(await formServing(unchanged, new URL("/classes?unit=u1", origin), [stored("u1", keyA)])).toBe(unchanged);
  const lesson = page();
  expect(await formServing(lesson, new URL("/courses/a/b", origin), [stored("u1", keyA, keyB)])).toBe(lesson);
});
