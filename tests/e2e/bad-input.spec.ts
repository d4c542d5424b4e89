import { exports, intentsOf, routeTable } from "../unit/route-table.ts";
import { demo, expect, test, tsx } from "./fixtures.ts";

/**
 * Bad input gets a translated error, never a 500: every action of app/routes.ts, for every
 * intent it tells apart, is posted the intent alone and the intent with every field of its page empty, as the
 * admin (who may use every form), through the real server so that the page's render is included.
 */

// Actions that read no field: there is nothing to leave out.
const readsNoField: Record<string, string> = {
  "routes/auth/logout": "signs out whatever is posted",
  "routes/org/import/job": "confirms the job its address names",
};
const course = "van-dong-tap-hop-hoi-vien";
type Targets = { province: string; commune: string; oldCommune: string; person: string; classSession: string };

const pagesOf = (t: Targets, lesson: string, draft: string): Record<string, string> => ({
  "routes/auth/login": "/login",
  "routes/language": "/language",
  "routes/learn/lesson": `/courses/${course}/${lesson}`,
  "routes/org/person": `/org/people/${t.person}`,
  "routes/org/person-account": `/org/people/${t.person}/account`,
  "routes/org/planning/list": `/org/planning/${t.province}/2025-2030`,
  "routes/org/committees": `/org/planning/${t.province}/2025-2030/committees`,
  "routes/org/unit": `/org/units/${t.commune}`,
  "routes/admin/units": `/admin/units?unit=${t.commune}`,
  "routes/admin/planning": "/admin/planning",
  "routes/org/required": `/org/required?unit=${t.province}`,
  "routes/org/membership-edit": `/org/membership/edit?unit=${t.oldCommune}&period=2024-H2`,
  "routes/org/models": `/org/models?unit=${t.commune}`,
  "routes/classes/record": `/classes?unit=${t.commune}`,
  "routes/classes/edit": `/classes/${t.classSession}`,
  "routes/org/import/index": "/org/import",
  "routes/account/password": "/account/password",
  "routes/author/index": "/author",
  "routes/author/preview": "/author/preview",
  "routes/author/course": `/author/${draft}`,
  "routes/author/file": `/author/${draft}/files/01-bai-mo-dau.mdx`,
  "routes/verify-form": "/verify",
  "routes/not-found": "/khong-co-trang-nay",
});

// zod's own messages are English and name no message key: one in the answer (the page, or the action data it carries
// for hydration) was never translated, and t() fails on it when a page shows it. Whether the page shows an error is
// not asked: a post that leaves out what its form always sends (an id, which committee) gets an error for a form the
// page does not show. zod 4's English messages (zod/v4/locales/en.js) each start with one of these.
const zodDefault = /Invalid (input|option|string|number|key|value|discriminator|email|URL|UUID|ISO|date)\b|Too (small|big)|Unrecognized keys?\b|expected \w+, received/;
const fieldNames = (html: string) => [...new Set([...html.matchAll(/<(?:input|select|textarea|button)\b[^>]*\sname="([^"]+)"/g)].map((m) => m[1]!))];

test("every form answers a missing or empty field with a translated error, never a 500", async ({ request, baseURL, courseKey }) => {
  const phone = `07${String(Date.now()).slice(-8)}`;
  const draft = `khoa-du-lieu-sai-${Date.now()}`;
  tsx("tests/e2e/support/people.ts", "create", phone);
  try {
    const targets = JSON.parse(tsx("tests/e2e/support/form-targets.ts", phone, draft)) as Targets;
    const pages = pagesOf(targets, courseKey(course).lessons[0]!.slug, draft);
    const routes = routeTable.filter((r) => exports(r.file, "action") && !(r.id in readsNoField));
    expect(routes.filter((r) => !pages[r.id]).map((r) => r.id), "actions this sweep does not post to: add their page to pagesOf").toEqual([]);

    // React Router refuses a post whose Origin is another site's: send the server's own, as a browser does.
    const headers = { Origin: baseURL! };
    const signIn = await request.post("/login", { form: { identifier: demo.admin.login, password: demo.admin.password }, headers, maxRedirects: 0 });
    expect(signIn.status()).toBe(302);

    const problems: string[] = [];
    for (const route of routes) {
      const url = pages[route.id]!;
      const page = exports(route.file, "loader") ? await (await request.get(url)).text() : "";
      const empty = Object.fromEntries(fieldNames(page).map((name) => [name, ""]));
      const intents = intentsOf(route.file);
      for (const intent of intents.length ? intents : [null]) {
        const only: Record<string, string> = intent ? { intent } : {};
        for (const [variant, form] of Object.entries({ alone: only, "with empty fields": { ...empty, ...only } })) {
          const response = await request.post(url, { form, headers, maxRedirects: 0 });
          const body = await response.text();
          const label = `${route.id} ${intent ?? "-"} ${variant}: ${response.status()}`;
          if (response.status() >= 500) problems.push(`${label}, a server error`);
          else if (zodDefault.test(body)) problems.push(`${label}, answers "${zodDefault.exec(body)![0]}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  } finally {
    tsx("tests/e2e/support/people.ts", "delete", phone);
  }
});
