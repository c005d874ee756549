import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, okSchema, pageOf } from "../../../contracts/common.ts";
import {
  bookingCreateSchema,
  bookingMarkSchema,
  bookingSchema,
  consultationCreateSchema,
  consultationListQuery,
  consultationSchema,
  generateResultSchema,
  generateSessionsSchema,
  myRedShieldSchema,
  planQuery,
  planResponseSchema,
  planUpdateSchema,
  redShieldFiguresQuery,
  redShieldFiguresSchema,
  sessionCancelSchema,
  sessionDetailSchema,
  sessionHoldSchema,
  sessionListQuery,
  sessionSchema,
} from "../../../contracts/duty.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import type { Services } from "../../services.ts";

// The Red Shield post: sessions, slots, consultations.
export async function redShieldRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const service = services.redShield;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["red-shield"];

  r.get(
    "/api/red-shield/plan",
    {
      config: { access: "redshield.read" },
      schema: {
        tags,
        summary: "The post's schedule at a station (repeat rule, hours, slot length, place)",
        querystring: planQuery,
        response: { 200: planResponseSchema },
      },
    },
    async (request) => service.plans.plan(requireUser(request), request.query.stationId),
  );

  r.put(
    "/api/red-shield/plan",
    {
      config: { access: "redshield.manage" },
      schema: {
        tags,
        summary: "Set the post's schedule (the bureau's officer: its own unit's only)",
        body: planUpdateSchema,
        response: { 200: planResponseSchema },
      },
    },
    async (request) => service.plans.savePlan(requireUser(request), request.body, actorOf(request)),
  );

  r.post(
    "/api/red-shield/sessions/generate",
    {
      config: { access: "redshield.manage" },
      schema: {
        tags,
        summary: "Generate the coming sessions from the plans in reach (a day that already has one is left alone)",
        body: generateSessionsSchema,
        response: { 200: generateResultSchema },
      },
    },
    async (request) => service.plans.generateFor(requireUser(request), request.body, actorOf(request)),
  );

  r.get(
    "/api/red-shield/sessions",
    {
      config: { access: "redshield.read" },
      schema: {
        tags,
        summary: "Sessions, upcoming or past, with their bookings and consultations counted",
        querystring: sessionListQuery,
        response: { 200: pageOf(sessionSchema) },
      },
    },
    async (request) => service.sessions.list(requireUser(request), request.query),
  );

  r.get(
    "/api/red-shield/sessions/:id",
    {
      config: { access: "redshield.read" },
      schema: {
        tags,
        summary: "A session with its slots, bookings and consultations",
        params: idParams,
        response: { 200: sessionDetailSchema },
      },
    },
    async (request) => service.sessions.get(requireUser(request), request.params.id),
  );

  r.post(
    "/api/red-shield/sessions/:id/hold",
    {
      config: { access: "redshield.manage" },
      schema: {
        tags,
        summary: "Record that the session was held (on or after its day)",
        params: idParams,
        body: sessionHoldSchema,
        response: { 200: sessionDetailSchema },
      },
    },
    async (request) => service.sessions.hold(requireUser(request), request.params.id, request.body.version, actorOf(request)),
  );

  r.post(
    "/api/red-shield/sessions/:id/cancel",
    {
      config: { access: "redshield.manage" },
      schema: {
        tags,
        summary: "Cancel a session with a reason; its booked merchants are told",
        params: idParams,
        body: sessionCancelSchema,
        response: { 200: sessionDetailSchema },
      },
    },
    async (request) => service.sessions.cancel(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  r.post(
    "/api/red-shield/bookings",
    {
      config: { access: "redshield.book" },
      schema: {
        tags,
        summary: "A merchant books a free slot of an upcoming session with a topic (one slot per session)",
        body: bookingCreateSchema,
        response: { 201: bookingSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await service.bookings.book(requireUser(request), request.body, actorOf(request))),
  );

  r.delete(
    "/api/red-shield/bookings/:id",
    {
      config: { access: "redshield.book" },
      schema: { tags, summary: "A merchant cancels their own booking before its slot", params: idParams, response: { 200: okSchema } },
    },
    async (request) => service.bookings.cancelBooking(requireUser(request), request.params.id, actorOf(request)),
  );

  r.patch(
    "/api/red-shield/bookings/:id",
    {
      config: { access: "redshield.manage" },
      schema: {
        tags,
        summary: "Mark a booked merchant as attended or missed",
        params: idParams,
        body: bookingMarkSchema,
        response: { 200: bookingSchema },
      },
    },
    async (request) => service.bookings.markBooking(requireUser(request), request.params.id, request.body.status, actorOf(request)),
  );

  r.get(
    "/api/red-shield/consultations",
    {
      config: { access: "redshield.read" },
      schema: {
        tags,
        summary: "Consultations per merchant and topic (a merchant: their own history)",
        querystring: consultationListQuery,
        response: { 200: pageOf(consultationSchema) },
      },
    },
    async (request) => service.consultations.list(requireUser(request), request.query),
  );

  r.post(
    "/api/red-shield/consultations",
    {
      config: { access: "redshield.manage" },
      schema: {
        tags,
        summary: "Record a consultation of a held (or today's) session for a merchant, with topic and outcome",
        body: consultationCreateSchema,
        response: { 201: consultationSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.consultations.recordConsultation(requireUser(request), request.body, actorOf(request))),
  );

  r.get(
    "/api/red-shield/merchants",
    {
      config: { access: "redshield.manage" },
      schema: {
        tags,
        summary: "The station's merchants by name, to record a walk-in consultation",
        querystring: z.object({ q: z.string().trim().max(50).optional(), stationId: z.coerce.number().int().positive().optional() }),
        response: { 200: z.array(z.object({ id: z.number().int(), name: z.string() })) },
      },
    },
    async (request) => service.consultations.merchants(requireUser(request), request.query.q, request.query.stationId),
  );

  r.get(
    "/api/red-shield/figures",
    {
      config: { access: "redshield.read" },
      schema: {
        tags,
        summary: "Consultations by topic, by month and by outcome over a period (default: the last twelve months)",
        querystring: redShieldFiguresQuery,
        response: { 200: redShieldFiguresSchema },
      },
    },
    async (request) => service.consultations.figures(requireUser(request), request.query),
  );

  r.get(
    "/api/me/red-shield",
    {
      config: { access: "redshield.book" },
      schema: {
        tags,
        summary: "The merchant's phone: upcoming sessions with free slots, their bookings and their consultation history",
        response: { 200: myRedShieldSchema },
      },
    },
    async (request) => service.bookings.mine(requireUser(request)),
  );
}
