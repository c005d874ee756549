// The service records over HTTP: the console issues and lists them and previews what one would certify, the volunteer
// downloads their own, and anyone checks one by its number (the QR printed on it), without signing in.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, pageOf } from "../../../contracts/common.ts";
import {
  recordCheckQuery,
  recordCheckSchema,
  recordContentSchema,
  recordIssueSchema,
  recordListQuery,
  recordNumberParams,
  recordPreviewQuery,
  recordPreviewSchema,
  recordSchema,
} from "../../../contracts/volunteer-records.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import { localeOf } from "../../platform/errors.ts";
import { limits } from "../../platform/rate-limit.ts";
import type { Services } from "../../services.ts";
import { recordCheckPage } from "./volunteer-records.page.ts";

export async function volunteerRecordsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const records = services.volunteers.records;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["volunteers"];
  const pdf = (reply: import("fastify").FastifyReply, file: { fileName: string; data: Buffer }) =>
    reply.type("application/pdf").header("content-disposition", `inline; filename="${file.fileName}"`).send(file.data);

  // the console
  r.get(
    "/api/volunteer-records",
    {
      config: { access: "volunteer.read" },
      schema: {
        tags,
        summary: "Issued service records (志愿服务记录证明), newest first; search by number, name or volunteer number",
        querystring: recordListQuery,
        response: { 200: pageOf(recordSchema) },
      },
    },
    async (request) => records.list(requireUser(request), request.query),
  );
  r.post(
    "/api/volunteer-records",
    {
      config: { access: "volunteer.manage" },
      schema: {
        tags,
        summary:
          "Issue a numbered service record for a volunteer and period (only final hours count; the number is unique per station and year)",
        body: recordIssueSchema,
        response: { 201: recordSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await records.issue(requireUser(request), request.body, `${request.protocol}://${request.host}`, actorOf(request))),
  );
  r.get(
    "/api/volunteer-records/:id",
    {
      config: { access: "volunteer.read" },
      schema: {
        tags,
        summary: "An issued service record with what it certifies",
        params: idParams,
        response: { 200: recordSchema.extend({ content: recordContentSchema }) },
      },
    },
    async (request) => records.get(requireUser(request), request.params.id),
  );
  r.get(
    "/api/volunteer-records/:id/record.pdf",
    {
      config: { access: "volunteer.read" },
      schema: { tags, summary: "An issued service record's PDF (as issued)", params: idParams },
    },
    async (request, reply) => pdf(reply, await records.pdf(requireUser(request), request.params.id)),
  );
  r.get(
    "/api/volunteers/:id/service-hours",
    {
      config: { access: "volunteer.read" },
      schema: {
        tags,
        summary:
          "What a service record of the volunteer for a period (last month by default) would certify: the services whose hours are final",
        params: idParams,
        querystring: recordPreviewQuery,
        response: { 200: recordPreviewSchema },
      },
    },
    async (request) => records.preview(requireUser(request), request.params.id, request.query),
  );

  // the volunteer's phone
  r.get(
    "/api/me/volunteering/records",
    {
      config: { access: "volunteer.join" },
      schema: { tags, summary: "My service records", response: { 200: z.array(recordSchema) } },
    },
    async (request) => records.mine(requireUser(request)),
  );
  r.get(
    "/api/me/volunteering/records/:id/record.pdf",
    {
      config: { access: "volunteer.join" },
      schema: { tags, summary: "Download one of my service records (PDF)", params: idParams },
    },
    async (request, reply) => pdf(reply, await records.myPdf(requireUser(request), request.params.id)),
  );

  // the public check (the QR on the record)
  r.get(
    "/api/public/volunteer-records/:number",
    {
      config: { access: "public", rateLimit: limits.public },
      schema: {
        tags,
        summary: "Check a service record by its number: genuine, unaltered, the masked name, period, hours and hashes (no sign-in)",
        params: recordNumberParams,
        querystring: recordCheckQuery,
        response: { 200: recordCheckSchema },
      },
    },
    async (request) => records.check(request.params.number, request.query.h),
  );
  r.get(
    "/api/public/volunteer-records/:number/page",
    {
      config: { access: "public", rateLimit: limits.public },
      schema: {
        tags,
        summary: "The same check as a page for a phone's browser (what the record's QR opens; text/html)",
        params: recordNumberParams,
        querystring: recordCheckQuery,
      },
    },
    async (request, reply) => {
      const check = await records.find(request.params.number, request.query.h);
      return reply
        .code(check ? 200 : 404)
        .type("text/html; charset=utf-8")
        .header("cache-control", "no-store")
        .send(recordCheckPage(check, localeOf(request)));
    },
  );
}
