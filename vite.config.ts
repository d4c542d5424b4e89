import { fileURLToPath } from "node:url";
import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

// react-router's package.json exports only its development build (remix-run/react-router#14102), whose
// dev warnings end up in the browser bundle. The production build differs only by that flag.
const reactRouterProduction = (file: string) => fileURLToPath(new URL(`node_modules/react-router/dist/production/${file}`, import.meta.url));

export default defineConfig(({ command, isSsrBuild }) => {
  const browserBuild = command === "build" && !isSsrBuild;
  return {
    plugins: [reactRouter()],
    resolve: browserBuild
      ? {
          alias: [
            { find: /^react-router$/, replacement: reactRouterProduction("index.mjs") },
            { find: /^react-router\/dom$/, replacement: reactRouterProduction("dom-export.mjs") },
          ],
        }
      : {},
    // Terser packs the browser bundle ≈ 3.4 KB (brotli) smaller than esbuild's minifier: the first visit
    // of a lesson must stay under 100 KB on a phone. The server build stays unminified.
    build: {
      target: "es2022",
      ...(browserBuild && {
        minify: "terser" as const,
        // Kept for the server, which names each lesson's island chunks in the page (island-chunks.server.ts).
        manifest: true,
        // React, React DOM and React Router in one file: every page needs all three, and left to itself
        // Rollup splits small shared pieces (the JSX runtime) into extra requests as the route graph changes.
        rollupOptions: { output: { manualChunks: (id: string) => (/\/node_modules\/(react|react-dom|react-router|scheduler)\//.test(id) ? "framework" : undefined) } },
      }),
    },
    // Server-only native packages: keep the dev server's browser dependency scan away from them.
    optimizeDeps: { exclude: ["@node-rs/argon2", "better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"] },
  };
});
