// Security headers on every response (helmet): a Content-Security-Policy under which the console, the phone app
// and the API docs work — scripts only from this origin (plus the hashes of Swagger UI's own inline start-up
// script), styles from this origin and inline (Ant Design writes its styles at run time), images from this
// origin, data: and blob: (QR codes, photo previews), no framing by anyone — and nosniff, a referrer policy that
// sends only the origin to other sites, and HSTS once the request came over TLS (directly or through a trusted
// proxy; sending it over plain HTTP would only be ignored, and a laptop on http://localhost must keep working).
import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

export const HSTS = "max-age=31536000; includeSubDomains";

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const swaggerScripts = app.swaggerCSP?.script ?? [];
  const swaggerStyles = app.swaggerCSP?.style ?? [];
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'", ...swaggerScripts],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'", ...swaggerStyles.filter((s) => s !== "'unsafe-inline'")],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", "blob:"],
        workerSrc: ["'self'", "blob:"],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    strictTransportSecurity: false,
    // The phone app opens the camera for QR codes; nothing embeds cross-origin resources that would need COEP.
    crossOriginEmbedderPolicy: false,
  });
  app.addHook("onSend", async (request, reply) => {
    if (request.protocol === "https") reply.header("strict-transport-security", HSTS);
    reply.header("permissions-policy", "camera=(self), microphone=(), geolocation=(), payment=()");
  });
}
