// buildApp(deps): platform plugins, then every module. It never listens, so tests inject requests directly.
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, validatorCompiler } from "fastify-type-provider-zod";
import pino from "pino";
import { ping } from "./db/maintenance.ts";
import { modules } from "./modules/index.ts";
import type { ModuleDeps } from "./modules/module.ts";
import { registerAccessGate, SessionStore } from "./platform/auth.ts";
import type { AppDeps } from "./platform/context.ts";
import { localeOf, registerErrorHandling, sendError } from "./platform/errors.ts";
import { idempotencyJobs, registerIdempotency } from "./platform/idempotency.ts";
import { prettyLogs, terminalStream } from "./platform/log-format.ts";
import { rateLimitJobs, registerRateLimits } from "./platform/rate-limit.ts";
import { registerSecurityHeaders } from "./platform/security.ts";
import { compiledSerializerCompiler } from "./platform/serializer.ts";
import { registerTextInputCheck } from "./platform/text-input.ts";
import { createServices } from "./services.ts";

/** The project's folder: the nearest one up with a package.json (this file also runs compiled, from dist/server). */
function projectRoot(): string {
  for (let dir = import.meta.dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
  }
  return resolve(import.meta.dirname, "..");
}

/** The built web apps; DANDELION_WEB_ROOT points elsewhere (e.g. a second build checked side by side). */
export const WEB_ROOT = process.env.DANDELION_WEB_ROOT ? resolve(process.env.DANDELION_WEB_ROOT) : join(projectRoot(), "dist/web");

/** The cache policy of a file of the built web apps (its path on disk, maybe a `.br`/`.gz` sibling). */
export function cacheControlOf(path: string): string {
  const inWebRoot = relative(WEB_ROOT, path).split(sep).join("/");
  // Vite names everything under assets/ by its content hash: a changed file is a new name.
  return inWebRoot.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache";
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : {
            level: deps.config.LOG_LEVEL,
            // Written synchronously, so the log lines and what main.ts prints for a person come out in order.
            stream: prettyLogs(deps.config.LOG_FORMAT) ? terminalStream() : pino.destination({ dest: 1, sync: true }),
            // Paths only: query strings can carry names and phone numbers.
            serializers: {
              req: (req) => ({ method: req.method, url: req.url.split("?")[0], remoteAddress: req.ip }),
            },
            redact: ["req.headers.cookie", "req.headers.authorization", "req.headers['x-csrf-token']"],
          },
    bodyLimit: 1024 * 1024,
    trustProxy: deps.config.TRUST_PROXY === "true",
  });
  app.setValidatorCompiler(validatorCompiler);
  // Compiled response serializers (server/platform/serializer.ts); the test run also checks each answer against zod.
  app.setSerializerCompiler(compiledSerializerCompiler({ checkWithZod: deps.config.NODE_ENV === "test" }));
  registerErrorHandling(app);
  registerTextInputCheck(app);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Dandelion 蒲公英 API",
        description: "The API of the Party–mass service station and business-district alliance platform.",
        version: "0.1.0",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "dd_session" },
          csrf: { type: "apiKey", in: "header", name: "x-csrf-token" },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/docs" });
  await registerSecurityHeaders(app);

  const sessions = new SessionStore(deps.database.db, deps.config, deps.clock);
  registerAccessGate(app, sessions);
  registerIdempotency(app, deps.database.db, deps.clock);
  await registerRateLimits(app, deps.database.db, deps.clock, deps.config);
  const moduleDeps: ModuleDeps = { ...deps, sessions, services: createServices(deps, sessions) };
  moduleDeps.services.figures.register(modules.flatMap((m) => m.figures?.(deps.database.db, moduleDeps.services) ?? []));
  // Jobs the scheduler runs (platform/jobs.ts startScheduler); main.ts starts it, tests do not.
  app.decorate("jobs", [
    ...modules.flatMap((m) => m.jobs?.(moduleDeps.services) ?? []),
    ...idempotencyJobs(deps.database.db),
    ...rateLimitJobs(deps.database.db),
  ]);

  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));
  app.get("/readyz", { schema: { hide: true } }, async (request, reply) => {
    try {
      await ping(deps.database.db);
      return { status: "ready", database: deps.database.dialect };
    } catch {
      return sendError(reply, "unavailable", localeOf(request));
    }
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  await app.register(async (scope) => {
    for (const module of modules) for (const routes of module.routes) await routes(scope, moduleDeps);
  });

  if (existsSync(join(WEB_ROOT, "index.html"))) {
    // Files are looked up per request (wildcard), so a rebuilt web app is served without a restart. Each text file
    // goes out as the brotli or gzip sibling the build wrote beside it (scripts/precompress.ts) when the browser
    // accepts one; hashed files under /assets/ are cached for a year, the documents are revalidated every time.
    await app.register(fastifyStatic, {
      root: WEB_ROOT,
      wildcard: true,
      index: ["index.html"],
      preCompressed: true,
      setHeaders: (reply, path) => {
        reply.header("cache-control", cacheControlOf(path));
      },
    });
    app.get("/m", { schema: { hide: true } }, (_request, reply) => reply.redirect("/m/"));
    // The big screen (a hall's display, opened with a kiosk token): its own page, like the phone's.
    app.get("/screen", { schema: { hide: true } }, (request, reply) =>
      reply.redirect(`/screen/${request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : ""}`),
    );
  }
  // Client-side routes: an unknown GET outside /api/ is a page of the console or of the mobile app.
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === "GET" && !request.url.startsWith("/api/") && existsSync(join(WEB_ROOT, "index.html"));
    if (!wantsPage || /\.[a-z0-9]+$/i.test(request.url.split("?")[0])) return sendError(reply, "route.not_found", localeOf(request));
    if (request.url.startsWith("/screen/")) return reply.sendFile("screen/index.html");
    return reply.sendFile(request.url.startsWith("/m/") ? "m/index.html" : "index.html");
  });
  return app;
}
