import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./scripts/precompress.ts";

const webRoot = fileURLToPath(new URL("./web/", import.meta.url));
// DANDELION_WEB_ROOT builds elsewhere (the server reads the same variable), so two builds never overwrite each other.
const outDir = process.env.DANDELION_WEB_ROOT
  ? resolve(process.env.DANDELION_WEB_ROOT)
  : fileURLToPath(new URL("./dist/web/", import.meta.url));

// Two apps from one build: the console at `/` and the mobile H5 at `/m/`. The server serves `dist/web`, each text
// file with its brotli and gzip siblings beside it (scripts/precompress.ts).
export default defineConfig({
  root: webRoot,
  base: "/",
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        console: fileURLToPath(new URL("./web/index.html", import.meta.url)),
        mobile: fileURLToPath(new URL("./web/m/index.html", import.meta.url)),
      },
    },
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
});
