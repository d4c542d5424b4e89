import "./scripts/supported-node.mjs";
import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig(({ command, isSsrBuild }) => {
  const browserBuild = command === "build" && !isSsrBuild;
  return {
    plugins: [reactRouter()],
    // Terser packs the browser bundle ≈ 3.4 KB (brotli) smaller than esbuild's minifier: the first visit
    // of a lesson must stay under 100 KB on a phone. The server build stays unminified.
    build: {
      target: "es2022",
      ...(browserBuild && {
        minify: "terser" as const,
        terserOptions: { module: true, toplevel: true, compress: { passes: 3, ecma: 2020 }, format: { ecma: 2020, comments: false } },
        // Kept for the server, which names each lesson's island chunks in the page (island-chunks.server.ts).
        manifest: true,
        // React, React DOM and React Router (with Vite's preload helper) in one file: every page needs all of
        // them. The lesson's own shared modules (messages, lesson body, island registry) in another: four
        // small chunks cost 0.7 KB more and three more requests on a lesson's first visit (ADR 008).
        rolldownOptions: {
          output: {
            codeSplitting: {
              groups: [
                { name: "framework", priority: 2, test: /\/node_modules\/(react|react-dom|react-router|scheduler)\/|^\0vite\/preload-helper/ },
                { name: "shared", priority: 1, test: /\/app\/(i18n\/(i18n|vi\/core)|components\/mdx\/(static-html|lesson-context|lesson-body|islands))\.tsx?$/ },
              ],
            },
          },
        },
      }),
    },
    // Server-only native packages: keep the dev server's browser dependency scan away from them.
    optimizeDeps: { exclude: ["@node-rs/argon2", "better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"] },
  };
});
