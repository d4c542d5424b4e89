import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [reactRouter()],
  build: { target: "es2022" },
  // Server-only native packages: keep the dev server's browser dependency scan away from them.
  optimizeDeps: { exclude: ["@node-rs/argon2", "better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"] },
});
