// buildApp(deps): platform plugins, then every module. It never listens, so tests inject requests directly.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { ping } from "./db/maintenance.ts";
import { accountsRoutes } from "./modules/accounts/accounts.routes.ts";
import { allianceUnitsRoutes } from "./modules/alliance-units/alliance-units.routes.ts";
import { auditRoutes } from "./modules/audit/audit.routes.ts";
import { caringRoutes } from "./modules/caring/caring.routes.ts";
import { caringFiguresRoutes } from "./modules/caring/figures.routes.ts";
import { mealsRoutes } from "./modules/caring/meals.routes.ts";
import { counterRoutes } from "./modules/counter/counter.routes.ts";
import { dutyRoutes } from "./modules/duty/duty.routes.ts";
import { redShieldRoutes } from "./modules/duty/red-shield.routes.ts";
import { filesRoutes } from "./modules/files/files.routes.ts";
import { importsRoutes } from "./modules/imports/imports.routes.ts";
import { fairScaleRoutes } from "./modules/lending/fair-scale.routes.ts";
import { lendingRoutes } from "./modules/lending/lending.routes.ts";
import { listsRoutes } from "./modules/lists/lists.routes.ts";
import { meetingsRoutes } from "./modules/meetings/meetings.routes.ts";
import { merchantsRoutes } from "./modules/merchants/merchants.routes.ts";
import { notificationsRoutes } from "./modules/notifications/notifications.routes.ts";
import { orgRoutes } from "./modules/org/org.routes.ts";
import { partyRoutes } from "./modules/party/party.routes.ts";
import { problemsRoutes } from "./modules/problems/problems.routes.ts";
import { residentsRoutes } from "./modules/residents/residents.routes.ts";
import { scorecardRoutes } from "./modules/scorecard/scorecard.routes.ts";
import { stallsRoutes } from "./modules/stalls/stalls.routes.ts";
import { registerAccessGate, SessionStore } from "./platform/auth.ts";
import type { AppDeps } from "./platform/context.ts";
import { localeOf, registerErrorHandling, sendError } from "./platform/errors.ts";
import { idempotencyJobs, registerIdempotency } from "./platform/idempotency.ts";
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

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : {
            level: deps.config.LOG_LEVEL,
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
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

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

  const sessions = new SessionStore(deps.database.db, deps.config, deps.clock);
  registerAccessGate(app, sessions);
  registerIdempotency(app, deps.database.db, deps.clock);
  const moduleDeps = { ...deps, sessions, services: createServices(deps, sessions) };
  // Jobs the scheduler runs (platform/jobs.ts startScheduler); main.ts starts it, tests do not.
  app.decorate("jobs", [
    ...moduleDeps.services.problems.jobs(),
    ...moduleDeps.services.files.jobs(),
    ...moduleDeps.services.party.jobs(),
    ...moduleDeps.services.meals.jobs(),
    ...moduleDeps.services.lending.jobs(),
    ...moduleDeps.services.counter.jobs(),
    ...moduleDeps.services.redShield.jobs(),
    ...idempotencyJobs(deps.database.db),
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
    await accountsRoutes(scope, moduleDeps);
    await orgRoutes(scope, moduleDeps);
    await merchantsRoutes(scope, moduleDeps);
    await stallsRoutes(scope, moduleDeps);
    await residentsRoutes(scope, moduleDeps);
    await allianceUnitsRoutes(scope, moduleDeps);
    await importsRoutes(scope, moduleDeps);
    await auditRoutes(scope, moduleDeps);
    await filesRoutes(scope, moduleDeps);
    await notificationsRoutes(scope, moduleDeps);
    await problemsRoutes(scope, moduleDeps);
    await listsRoutes(scope, moduleDeps);
    await meetingsRoutes(scope, moduleDeps);
    await scorecardRoutes(scope, moduleDeps);
    await partyRoutes(scope, moduleDeps);
    await caringRoutes(scope, moduleDeps);
    await mealsRoutes(scope, moduleDeps);
    await caringFiguresRoutes(scope, moduleDeps);
    await counterRoutes(scope, moduleDeps);
    await dutyRoutes(scope, moduleDeps);
    await redShieldRoutes(scope, moduleDeps);
    await lendingRoutes(scope, moduleDeps);
    await fairScaleRoutes(scope, moduleDeps);
  });

  if (existsSync(join(WEB_ROOT, "index.html"))) {
    // Files are looked up per request (wildcard), so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: WEB_ROOT, wildcard: true, index: ["index.html"] });
    app.get("/m", { schema: { hide: true } }, (_request, reply) => reply.redirect("/m/"));
  }
  // Client-side routes: an unknown GET outside /api/ is a page of the console or of the mobile app.
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === "GET" && !request.url.startsWith("/api/") && existsSync(join(WEB_ROOT, "index.html"));
    if (!wantsPage || /\.[a-z0-9]+$/i.test(request.url.split("?")[0])) return sendError(reply, "route.not_found", localeOf(request));
    return reply.sendFile(request.url.startsWith("/m/") ? "m/index.html" : "index.html");
  });
  return app;
}
