import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./scripts/precompress.ts";
import { shellTexts } from "./scripts/shell-texts.ts";

const webRoot = fileURLToPath(new URL("./web/", import.meta.url));
// DANDELION_WEB_ROOT builds elsewhere (the server reads the same variable), so two builds never overwrite each other.
const outDir = process.env.DANDELION_WEB_ROOT
  ? resolve(process.env.DANDELION_WEB_ROOT)
  : fileURLToPath(new URL("./dist/web/", import.meta.url));

// Left to itself, the bundler cuts one chunk per set of importers: the phone's first screen came in some 60 files,
// each answer carrying about 1 KB of headers. These groups keep what every first screen loads in a few files
// (docs/performance.md, "Page weight and Lighthouse"); the rest is split automatically, page by page.
const chunkGroups = [
  // The libraries under both apps: React, the router, queries, i18next, and the helpers all UI kits share.
  {
    name: "framework",
    priority: 30,
    test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/](query-core|react-query)|i18next|react-i18next|@babel[\\/]runtime|classnames|clsx|tslib|use-sync-external-store|cookie|set-cookie-parser)[\\/]/,
  },
  // What both apps start with: the API client, the session, the features' manifests, the shared Chinese texts and
  // the features' frame words (`?shell`); a feature's other texts are its own chunk.
  {
    name: "shell",
    priority: 20,
    test: /web[\\/](app[\\/](api-client|session|feature|i18n|locale-bundles|language|motion)\.tsx?|locales[\\/]zh-CN[\\/][^\\/]+\.json|features[\\/][^\\/]+[\\/]feature\.tsx|features[\\/][^\\/]+[\\/]locales[\\/]zh-CN\.json\?shell|features[\\/](notifications[\\/]api[\\/]unread-count|caring[\\/]api[\\/]my-shop)\.ts)$|contracts[\\/](cookies|validators)\.ts$/,
  },
  // The antd-mobile parts of the phone's frame and home screen (its profile page), which most phone pages use too,
  // the switch for less motion, and the home screen's own small queries, a request each otherwise. (Not the language switch: it imports the
  // antd-mobile barrel, which a group would take whole.)
  {
    name: "mobile-ui",
    priority: 10,
    test: /node_modules[\\/]antd-mobile[\\/]es[\\/]components[\\/](config-provider|dot-loading|skeleton|badge|list|button|grid|space|selector|center-popup|dialog|auto-center|mask|popup|image|switch|tag|nav-bar|safe-area)[\\/]|node_modules[\\/]antd-mobile[\\/]es[\\/]utils[\\/]reduce-and-restore-motion\.js$|web[\\/]mobile[\\/](api[\\/]get-my-[a-z-]+|elderly-mode)\.ts$/,
  },
];

// Three apps from one build: the console at `/`, the mobile H5 at `/m/` and the big screen at `/screen/`. The server serves `dist/web`, each text
// file with its brotli and gzip siblings beside it (scripts/precompress.ts).
export default defineConfig(({ command }) => ({
  root: webRoot,
  base: "/",
  plugins: [shellTexts(), react(), precompress()],
  // A build is the production build whatever NODE_ENV the calling process has: a build started from a test run
  // (NODE_ENV=test, e.g. npm start's rebuild in server/test/start.test.ts) otherwise shipped React's development
  // build, half as heavy again on every first screen.
  define: command === "build" ? { "process.env.NODE_ENV": JSON.stringify("production") } : {},
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        console: fileURLToPath(new URL("./web/index.html", import.meta.url)),
        mobile: fileURLToPath(new URL("./web/m/index.html", import.meta.url)),
        // The big screen at /screen/ (a hall's display: no UI kit, ECharts loaded after the first figures).
        screen: fileURLToPath(new URL("./web/screen/index.html", import.meta.url)),
      },
      output: { codeSplitting: { groups: chunkGroups } },
    },
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
}));
