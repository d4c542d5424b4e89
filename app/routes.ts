import { type RouteConfig, index, prefix, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("login", "routes/auth/login.tsx"),
  route("logout", "routes/auth/logout.tsx"),
  route("language", "routes/language.tsx"),
  ...prefix("courses", [
    index("routes/learn/catalog.tsx"),
    route(":slug", "routes/learn/course.tsx"),
    route(":slug/:lesson", "routes/learn/lesson.tsx"),
  ]),
  route("lesson-html", "routes/lesson-html.ts"),
  route("org", "routes/org/dashboard.tsx"),
  ...prefix("org", [
    route("people", "routes/org/people.tsx"),
    route("people/:id", "routes/org/person.tsx"),
    route("people/:id/account", "routes/org/person-account.tsx"),
    route("audit", "routes/org/audit.tsx"),
  ]),
  route("account/password", "routes/account/password.tsx"),
  route("org/units/:id", "routes/org/unit.tsx"),
  route("admin/units", "routes/admin/units.tsx"),
  route("org/required", "routes/org/required.tsx"),
  route("org/membership", "routes/org/membership.tsx"),
  route("org/membership/edit", "routes/org/membership-edit.tsx"),
  route("org/models", "routes/org/models.tsx"),
  ...prefix("org/import", [
    index("routes/org/import/index.tsx"),
    route("template/:kind", "routes/org/import/template.ts"),
    route(":id", "routes/org/import/job.tsx"),
  ]),
  ...prefix("author", [
    index("routes/author/index.tsx"),
    route("preview", "routes/author/preview.ts"),
    route(":slug", "routes/author/course.tsx"),
    route(":slug/files/:file", "routes/author/file.tsx"),
    route(":slug/reflections", "routes/author/reflections.tsx"),
  ]),
  route("verify", "routes/verify-form.tsx"),
  route("verify/:code", "routes/verify.tsx"),
  route("certificates/:code.pdf", "routes/certificate-pdf.ts"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
