// Security headers on every response (helmet): a Content-Security-Policy under which the console, the phone app
// and the API docs work — scripts only from this origin (plus the hashes of Swagger UI's own inline start-up
// script), styles from this origin and inline (Ant Design writes its styles at run time), images from this
// origin, data: and blob: (QR codes, photo previews), no framing by anyone — and nosniff, a referrer policy that
// sends only the origin to other sites, and HSTS once the request came over TLS (directly or through a trusted
// proxy; sending it over plain HTTP would only be ignored, and a laptop on http://localhost must keep working).
//
// The headers do not vary by request, so helmet runs once, at start, and every response takes its headers as
// computed (the Fastify plugin built helmet's middleware anew on every request: 3 % of a write's CPU, issue 16).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

export const HSTS = "max-age=31536000; includeSubDomains";

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const swaggerScripts = app.swaggerCSP?.script ?? [];
  const swaggerStyles = app.swaggerCSP?.style ?? [];
  const headers = helmetHeaders({
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
  headers.push(["permissions-policy", "camera=(self), microphone=(), geolocation=(), payment=()"]);
  app.addHook("onRequest", (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  app.addHook("onSend", async (request, reply) => {
    if (request.protocol === "https") reply.header("strict-transport-security", HSTS);
  });
}

/** The headers helmet sets for these options (its middleware run once on a response that only records them). */
export function helmetHeaders(options: HelmetOptions): [string, string][] {
  const headers = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  let failure: unknown = null;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    failure = error ?? null;
  });
  if (failure) throw failure;
  return [...headers];
}
