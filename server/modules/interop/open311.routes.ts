// Open311 GeoReport v2 over HTTP (http://wiki.open311.org/GeoReport_v2): services, a service's definition, and
// service requests, each as `.json` or `.xml`. The routes are public in the access map: `GET` needs no key (as the
// specification has it), `POST requests` checks the integrating system's `api_key` itself (400 when missing,
// 403 when forged or revoked). Bodies come form-encoded (the specification's) or as JSON; every refusal is
// answered in the specification's error format, in this scope only.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { OPEN311_BASE } from "../../../contracts/interop.ts";
import { AppError, localeOf, ZodInputError } from "../../platform/errors.ts";
import { limits } from "../../platform/rate-limit.ts";
import type { Services } from "../../services.ts";
import { contentTypeOf, Open311Error, type Open311Format, renderErrors, renderList, renderObject } from "./open311.format.ts";

const formatOf = (request: FastifyRequest): Open311Format =>
  (request.params as { format?: string } | undefined)?.format === "xml" ? "xml" : "json";

function checkFormat(request: FastifyRequest) {
  const format = (request.params as { format?: string }).format;
  if (format !== "json" && format !== "xml") throw new Open311Error(404, "format: .json or .xml");
}

/** application/x-www-form-urlencoded into an object (a repeated name becomes a list, refused by the service). */
function parseForm(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const had = out[key];
    out[key] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return out;
}

export async function open311Routes(app: FastifyInstance, { services }: { services: Services }) {
  const open311 = services.interop.open311;
  await app.register(async (scope) => {
    scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, body, done) => {
      done(null, parseForm(String(body)));
    });
    scope.setErrorHandler((error: FastifyError, request, reply: FastifyReply) => {
      const format = formatOf(request);
      let code = 500;
      let description = "internal error";
      if (error instanceof Open311Error) ({ code, description } = error);
      else if (error instanceof AppError) {
        code = error.status;
        description = `${error.fields?.map((f) => f.field).join(", ") || "request"}: ${error.id}`;
      } else if (error instanceof ZodInputError) {
        code = 400;
        description = error.issues.map((i) => `${(i.path ?? []).map(String).join(".") || "request"}: ${i.message}`).join("; ");
      } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        code = error.statusCode;
        description = error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" ? "request: send form-encoded or JSON" : "request: malformed";
      } else request.log.error({ err: error }, "open311 failed");
      return reply
        .code(code)
        .type(contentTypeOf(format))
        .send(renderErrors(format, [{ code, description }]));
    });

    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ["open311"];
    const config = { access: "public" as const, rateLimit: limits.public };
    const formatParams = z.object({ format: z.string() });
    const send = (reply: FastifyReply, format: Open311Format, body: string, status = 200) =>
      reply.code(status).type(contentTypeOf(format)).send(body);

    r.get(
      `${OPEN311_BASE}/services.:format`,
      { config, schema: { tags, summary: "Open311 GeoReport v2: the services (Dandelion's problem categories)", params: formatParams } },
      async (request, reply) => {
        checkFormat(request);
        const format = formatOf(request);
        return send(reply, format, renderList(format, "services", "service", await open311.services(localeOf(request))));
      },
    );
    r.get(
      `${OPEN311_BASE}/services/:serviceCode.:format`,
      {
        config,
        schema: {
          tags,
          summary: "Open311 GeoReport v2: a service's definition (the attributes a request may carry)",
          params: formatParams.extend({ serviceCode: z.string() }),
        },
      },
      async (request, reply) => {
        checkFormat(request);
        const format = formatOf(request);
        const definition = await open311.definition(request.params.serviceCode, localeOf(request));
        return send(reply, format, renderObject(format, "service_definition", definition));
      },
    );
    r.post(
      `${OPEN311_BASE}/requests.:format`,
      {
        config,
        schema: {
          tags,
          summary:
            "Open311 GeoReport v2: report a problem (api_key, service_code, a location, description; attribute[TITLE], attribute[PLACE])",
          params: formatParams,
        },
      },
      async (request, reply) => {
        checkFormat(request);
        const format = formatOf(request);
        const body = request.body && typeof request.body === "object" ? (request.body as Record<string, unknown>) : {};
        const created = await open311.submit(body, localeOf(request), request.ip);
        return send(reply, format, renderList(format, "service_requests", "request", created), 201);
      },
    );
    r.get(
      `${OPEN311_BASE}/requests.:format`,
      {
        config,
        schema: {
          tags,
          summary:
            "Open311 GeoReport v2: service requests that came in through Open311 (service_request_id, service_code, start_date, end_date, status)",
          params: formatParams,
        },
      },
      async (request, reply) => {
        checkFormat(request);
        const format = formatOf(request);
        const rows = await open311.requests(request.query as Record<string, unknown>, localeOf(request));
        return send(reply, format, renderList(format, "service_requests", "request", rows));
      },
    );
    r.get(
      `${OPEN311_BASE}/requests/:requestId.:format`,
      {
        config,
        schema: {
          tags,
          summary: "Open311 GeoReport v2: one service request, open or closed, the problem's state in status_notes",
          params: formatParams.extend({ requestId: z.string() }),
        },
      },
      async (request, reply) => {
        checkFormat(request);
        const format = formatOf(request);
        const rows = await open311.request(request.params.requestId, localeOf(request));
        return send(reply, format, renderList(format, "service_requests", "request", rows));
      },
    );
  });
}
