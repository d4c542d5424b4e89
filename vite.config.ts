import "./scripts/supported-node.mjs";
import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
import routerConfig from "./react-router.config.ts";
import { foldRouterFeatures } from "./scripts/fold-router-features.ts";

export default defineConfig({
  plugins: [reactRouter(), foldRouterFeatures(routerConfig)],
  // The client's manifest is kept for the server, which names each lesson's island chunks in the page
  // (island-chunks.server.ts); React Router keeps it only when the top-level option asks for it.
  build: { target: "es2022", manifest: true },
  // Terser packs the browser bundle ≈ 3.4 KB (brotli) smaller than esbuild's minifier: the first visit
  // of a lesson must stay under 100 KB on a phone. The server build stays unminified.
  environments: {
    client: {
      build: {
        minify: "terser",
        terserOptions: { module: true, toplevel: true, compress: { passes: 3, ecma: 2020 }, format: { ecma: 2020, comments: false } },
        // React, React DOM, React Router, the root route and the lesson's own modules (messages, lesson body,
        // island registry, the lesson route) in one file: each small chunk apart cost bytes and a request on
        // a lesson's first visit, 0.9 KB in all (ADR 008). Islands stay chunks of their own, and so does the
        // entry: it awaits the islands before hydrating, and they import this chunk (a cycle would deadlock).
        rolldownOptions: {
          output: {
            codeSplitting: {
              groups: [
                { name: "framework", priority: 2, test: /\/node_modules\/(react|react-dom|react-router|scheduler)\/|^\0(vite\/preload-helper|rolldown\/runtime)|\/app\/(root|routes\/learn\/lesson|i18n\/(i18n|vi\/core)|components\/(site-header|error-page|scroll-memory|mdx\/(static-html|lesson-context|lesson-body|islands)))\.tsx?$/ },
                // What the organizer, admin and author pages share, in one file: each chunk a route imports is
                // named in the route manifest every page loads, the learner's lesson included.
                { name: "author", priority: 1, test: /\/app\/(authoring\/|components\/authoring\/|i18n\/vi\/author\.ts)/ },
                { name: "staff", priority: 1, test: /\/app\/((planning|people|org|membership|import|policy)\/|components\/(pager|planning-list|unit-page|pipeline-chart|cadre-record|membership)\.tsx|i18n\/(numbers\.ts|vi\/(org|planning|planning-list|planning-admin|pipeline|people|people-admin|units|import|membership)\.ts))/ },
              ],
            },
          },
        },
      },
    },
  },
  // Server-only native packages: keep the dev server's browser dependency scan away from them.
  optimizeDeps: { exclude: ["@node-rs/argon2", "better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"] },
});
