// The Party branch over HTTP: branches and members, member development, branch life and pioneer posts.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { dateSchema, idParams, pageOf, pageQuery } from "../../../contracts/common.ts";
import { checkInCodeSchema, checkInSchema } from "../../../contracts/meetings.ts";
import {
  attendanceReportSchema,
  branchCheckInResultSchema,
  branchMeetingCreateSchema,
  branchMeetingHoldSchema,
  branchMeetingKindSchema,
  branchMeetingSchema,
  branchSchema,
  caseCreateSchema,
  caseListQuery,
  developmentCaseSchema,
  extensionSchema,
  funnelSchema,
  memberCreateSchema,
  memberListQuery,
  memberSchema,
  memberTransferSchema,
  memberUpdateSchema,
  pioneerPostCreateSchema,
  pioneerPostSchema,
  stepRecordSchema,
  stopCaseSchema,
} from "../../../contracts/party.ts";
import { memberVolunteerHoursQuery, memberVolunteerHoursSchema } from "../../../contracts/volunteer-records.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import { limits } from "../../platform/rate-limit.ts";
import type { Services } from "../../services.ts";

export const meetingListQuery = pageQuery.extend({
  branchId: z.coerce.number().int().positive().optional(),
  kind: branchMeetingKindSchema.optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});

export async function partyRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { members, development, branchLife, pioneerPosts } = services.party;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["party"];

  r.get(
    "/api/party/branches",
    { config: { access: "party.read" }, schema: { tags, summary: "Branches in reach", response: { 200: z.array(branchSchema) } } },
    async (request) => members.branches(requireUser(request)),
  );

  r.get(
    "/api/party/members",
    {
      config: { access: "party.read" },
      schema: { tags, summary: "Members of the branches in reach", querystring: memberListQuery, response: { 200: pageOf(memberSchema) } },
    },
    async (request) => members.list(requireUser(request), request.query),
  );

  r.post(
    "/api/party/members",
    {
      config: { access: "party.manage" },
      schema: {
        tags,
        summary: "Register a member (transferred in or already a member)",
        body: memberCreateSchema,
        response: { 201: memberSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await members.create(requireUser(request), request.body, actorOf(request))),
  );

  r.get(
    "/api/party/members/:id",
    { config: { access: "party.read" }, schema: { tags, summary: "One member", params: idParams, response: { 200: memberSchema } } },
    async (request) => members.get(requireUser(request), request.params.id),
  );

  r.get(
    "/api/party/members/:id/volunteer-hours",
    {
      config: { access: "party.read" },
      schema: {
        tags,
        summary: "A member's final volunteer hours for their Party record (default: this year), from the volunteer service",
        params: idParams,
        querystring: memberVolunteerHoursQuery,
        response: { 200: memberVolunteerHoursSchema },
      },
    },
    async (request) => members.volunteerHoursOf(requireUser(request), request.params.id, request.query),
  );

  r.patch(
    "/api/party/members/:id",
    {
      config: { access: "party.manage" },
      schema: {
        tags,
        summary: "Edit a member (version-checked)",
        params: idParams,
        body: memberUpdateSchema,
        response: { 200: memberSchema },
      },
    },
    async (request) => members.update(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  r.post(
    "/api/party/members/:id/transfer",
    {
      config: { access: "party.manage" },
      schema: { tags, summary: "Transfer a member out", params: idParams, body: memberTransferSchema, response: { 200: memberSchema } },
    },
    async (request) => members.transfer(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  r.get(
    "/api/me/party",
    {
      config: { access: "self.read" },
      schema: {
        tags,
        summary: "The signed-in account's own member record (null when it has none)",
        response: { 200: memberSchema.nullable() },
      },
    },
    async (request) => members.own(requireUser(request)),
  );

  r.get(
    "/api/party/cases",
    {
      config: { access: "development.read" },
      schema: { tags, summary: "Development cases", querystring: caseListQuery, response: { 200: pageOf(developmentCaseSchema) } },
    },
    async (request) => development.list(requireUser(request), request.query),
  );

  r.post(
    "/api/party/cases",
    {
      config: { access: "development.write" },
      schema: {
        tags,
        summary: "Open a case with its written application (step 1)",
        body: caseCreateSchema,
        response: { 201: developmentCaseSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await development.create(requireUser(request), request.body, actorOf(request))),
  );

  r.get(
    "/api/party/cases/:id",
    {
      config: { access: "development.read" },
      schema: {
        tags,
        summary: "One case with its steps and the next step",
        params: idParams,
        response: { 200: developmentCaseSchema },
      },
    },
    async (request) => development.get(requireUser(request), request.params.id),
  );

  r.post(
    "/api/party/cases/:id/steps",
    {
      config: { access: "development.write" },
      schema: {
        tags,
        summary: "Record the next step (checked against the rules; version-checked)",
        params: idParams,
        body: stepRecordSchema,
        response: { 200: developmentCaseSchema },
      },
    },
    async (request) => development.recordStep(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  r.post(
    "/api/party/cases/:id/extension",
    {
      config: { access: "development.write" },
      schema: {
        tags,
        summary: "Extend the probation (once, 6–12 months)",
        params: idParams,
        body: extensionSchema,
        response: { 200: developmentCaseSchema },
      },
    },
    async (request) => development.extend(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  r.post(
    "/api/party/cases/:id/stop",
    {
      config: { access: "development.write" },
      schema: { tags, summary: "Stop a case", params: idParams, body: stopCaseSchema, response: { 200: developmentCaseSchema } },
    },
    async (request) => development.stop(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  r.get(
    "/api/party/funnel",
    {
      config: { access: "development.read" },
      schema: {
        tags,
        summary: "Counts by stage for a branch's org unit, a community or a district",
        querystring: z.object({ orgUnitId: z.coerce.number().int().positive().optional() }),
        response: { 200: funnelSchema },
      },
    },
    async (request) => development.funnel(requireUser(request), request.query.orgUnitId),
  );

  r.get(
    "/api/party/meetings",
    {
      config: { access: "party.read" },
      schema: {
        tags,
        summary: "Branch meetings (三会一课)",
        querystring: meetingListQuery,
        response: { 200: pageOf(branchMeetingSchema) },
      },
    },
    async (request) => branchLife.list(requireUser(request), request.query),
  );

  r.post(
    "/api/party/meetings",
    {
      config: { access: "party.manage" },
      schema: { tags, summary: "Schedule a branch meeting", body: branchMeetingCreateSchema, response: { 201: branchMeetingSchema } },
    },
    async (request, reply) => reply.code(201).send(await branchLife.create(requireUser(request), request.body, actorOf(request))),
  );

  r.get(
    "/api/party/meetings/:id/checkin-code",
    {
      config: { access: "party.manage" },
      schema: {
        tags,
        summary: "The current QR check-in code of a branch meeting (valid about two minutes; on the meeting's day)",
        params: idParams,
        response: { 200: checkInCodeSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return branchLife.checkInCode(requireUser(request), request.params.id, `${request.protocol}://${request.host}`);
    },
  );

  r.post(
    "/api/party/meetings/checkin",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "A member checks in by the code scanned at the meeting (recorded once)",
        body: checkInSchema,
        response: { 200: branchCheckInResultSchema },
      },
    },
    async (request) => branchLife.checkIn(requireUser(request), request.body.token, actorOf(request)),
  );

  r.post(
    "/api/party/meetings/:id/hold",
    {
      config: { access: "party.manage" },
      schema: {
        tags,
        summary: "Record a meeting as held: minutes, photos, attendance",
        params: idParams,
        body: branchMeetingHoldSchema,
        response: { 200: branchMeetingSchema },
      },
    },
    async (request) => branchLife.hold(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  r.get(
    "/api/party/attendance",
    {
      config: { access: "party.read" },
      schema: {
        tags,
        summary: "Attendance per member for a year and the required meetings missing",
        querystring: z.object({
          branchId: z.coerce.number().int().positive().optional(),
          year: z.coerce.number().int().min(2000).max(2100),
        }),
        response: { 200: attendanceReportSchema },
      },
    },
    async (request) => branchLife.attendance(requireUser(request), request.query.branchId, request.query.year),
  );

  r.get(
    "/api/party/pioneer-posts",
    { config: { access: "party.read" }, schema: { tags, summary: "Pioneer posts", response: { 200: z.array(pioneerPostSchema) } } },
    async (request) => pioneerPosts.list(requireUser(request)),
  );

  r.post(
    "/api/party/pioneer-posts",
    {
      config: { access: "party.manage" },
      schema: { tags, summary: "Put a member on a pioneer post", body: pioneerPostCreateSchema, response: { 201: pioneerPostSchema } },
    },
    async (request, reply) => reply.code(201).send(await pioneerPosts.create(requireUser(request), request.body, actorOf(request))),
  );

  r.patch(
    "/api/party/pioneer-posts/:id",
    {
      config: { access: "party.manage" },
      schema: {
        tags,
        summary: "Activate or hide a pioneer post",
        params: idParams,
        body: z.object({ active: z.boolean().optional(), showOnMobile: z.boolean().optional() }).strict(),
        response: { 200: pioneerPostSchema },
      },
    },
    async (request) => pioneerPosts.update(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  r.get(
    "/api/public/pioneer-posts",
    {
      config: { access: "public", rateLimit: limits.public },
      schema: {
        tags,
        summary: "The station's pioneer posts shown on /m/ (member's name only)",
        querystring: z.object({ stationId: z.coerce.number().int().positive().optional() }),
        response: { 200: z.array(pioneerPostSchema) },
      },
    },
    async (request) => pioneerPosts.listPublic(request.query.stationId),
  );
}
