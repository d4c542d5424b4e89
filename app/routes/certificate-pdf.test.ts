import { RouterContextProvider } from "react-router";
import { expect, test } from "vitest";
import { currentUserContext, loadCurrentUser } from "#app/auth/auth.server.ts";
import { createSession, generateSessionToken, sessionCookieName } from "#app/auth/session.server.ts";
import { issueCertificate } from "#app/certificates/certificates.server.ts";
import { buildCatalog } from "#app/courses/catalog.server.ts";
import { db } from "#app/db.server.ts";
import { env } from "#app/env.server.ts";
import { tinyCourse, writeContentRoot } from "#tests/unit/course-fixture.ts";
import { createLearner } from "#tests/unit/people.ts";
import { pdfSources } from "#tests/unit/pdf.ts";
import { loader } from "./certificate-pdf.ts";

test("the certificate links to PUBLIC_URL's verification page, whatever Host the request names", async () => {
  const catalog = await buildCatalog(db, writeContentRoot({ "khoa-host": tinyCourse() }));
  const { userId } = await createLearner(db);
  const { code } = await issueCertificate(db, { userId, course: catalog.bySlug.get("khoa-host")! });
  const token = generateSessionToken();
  await createSession(db, token, userId, { lifetimeDays: 1 });
  const request = new Request(`http://forged.example/certificates/${code}.pdf`, { headers: { Host: "forged.example", Cookie: `${sessionCookieName}=${token}` } });
  const context = new RouterContextProvider();
  context.set(currentUserContext, await loadCurrentUser(request));

  const response = await loader({ request, url: new URL(request.url), pattern: "/certificates/:code.pdf", params: { code }, context });
  const sources = pdfSources(new Uint8Array(await response.arrayBuffer()));
  expect(sources.some((s) => s.includes(`/URI (${env.PUBLIC_URL}/verify/${code})`))).toBe(true);
  expect(sources.some((s) => s.includes("forged.example"))).toBe(false);
});
