// `npm start`: builds the web apps and the server's JavaScript when their sources are newer than the last build
// (scripts/freshness.js), then runs the server from dist/server. This file is JavaScript so that the server's
// process never loads Node's TypeScript stripper (scripts/build-server.ts says why).
import { pathToFileURL } from "node:url";
import { ensureBuilt, SERVER_MAIN } from "./freshness.js";

ensureBuilt();
await import(pathToFileURL(SERVER_MAIN).href);
