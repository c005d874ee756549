import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams } from "../../../contracts/common.ts";
import {
  blockCreateSchema,
  bookingCancelSchema,
  bookingCreateSchema,
  bookingDecisionSchema,
  bookingListQuery,
  countCreateSchema,
  eventCreateSchema,
  eventListQuery,
  eventTransitionSchema,
  eventUpdateSchema,
  figuresQuery,
  findingCreateSchema,
  memberCreateSchema,
  performanceCreateSchema,
  performanceListQuery,
  photoAttachSchema,
  roundCreateSchema,
  roundListQuery,
  signupCreateSchema,
  takingsCreateSchema,
  teamCreateSchema,
  venueCreateSchema,
} from "../../../contracts/events.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import type { Services } from "../../services.ts";

const stationQuery = z.object({ stationId: z.coerce.number().int().positive().max(2_147_483_647).optional() });

// Events, the people's stage and environment campaigns: the console's lists and forms, and the phone's pages.
export async function eventsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const events = services.events;
  const stage = events.stage;
  const environment = events.environment;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["events"];

  // events
  r.get(
    "/api/events",
    { config: { access: "event.read" }, schema: { tags, summary: "Events by kind, theme, status and month", querystring: eventListQuery } },
    async (request) => events.list(requireUser(request), request.query),
  );
  r.post(
    "/api/events",
    { config: { access: "event.manage" }, schema: { tags, summary: "Plan an event with its kind's fields", body: eventCreateSchema } },
    async (request, reply) => reply.code(201).send(await events.create(requireUser(request), request.body, actorOf(request))),
  );
  r.get(
    "/api/events/:id",
    {
      config: { access: "event.read" },
      schema: { tags, summary: "An event with its counts, photos, takings and uplift", params: idParams },
    },
    async (request) => events.detail(requireUser(request), request.params.id),
  );
  r.patch(
    "/api/events/:id",
    {
      config: { access: "event.manage" },
      schema: {
        tags,
        summary: "Edit a planned or approved event with the fields of creation (version-checked)",
        params: idParams,
        body: eventUpdateSchema,
      },
    },
    async (request) => events.update(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.post(
    "/api/events/:id/transition",
    {
      config: { access: "event.manage" },
      schema: { tags, summary: "Approve, mark held, report or cancel an event", params: idParams, body: eventTransitionSchema },
    },
    async (request) => events.transition(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.post(
    "/api/events/:id/counts",
    {
      config: { access: "event.manage" },
      schema: {
        tags,
        summary: "Record a visitor count with its method (gates per entrance, head count, tickets, estimate)",
        params: idParams,
        body: countCreateSchema,
      },
    },
    async (request, reply) =>
      reply.code(201).send(await events.addCount(requireUser(request), request.params.id, request.body, actorOf(request))),
  );
  r.post(
    "/api/events/:id/photos",
    {
      config: { access: "event.manage" },
      schema: {
        tags,
        summary: "Attach an uploaded photo; its EXIF time is kept and checked against the window",
        params: idParams,
        body: photoAttachSchema,
      },
    },
    async (request, reply) =>
      reply.code(201).send(await events.addPhoto(requireUser(request), request.params.id, request.body, actorOf(request))),
  );
  r.post(
    "/api/events/:id/takings",
    {
      config: { access: "event.manage" },
      schema: {
        tags,
        summary: "Enter a participating merchant's takings (integer fen) for a baseline or promotion day",
        params: idParams,
        body: takingsCreateSchema,
      },
    },
    async (request) => events.reportTakings(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.get(
    "/api/event-figures",
    {
      config: { access: "event.read" },
      schema: { tags, summary: "Events, promotions' uplift, the stage and campaigns, from records", querystring: figuresQuery },
    },
    async (request) => events.figures.figures(requireUser(request), request.query),
  );

  // the stage
  r.get(
    "/api/stage-venues",
    {
      config: { access: "event.read" },
      schema: { tags, summary: "The stage's venues, hours and coming blocked periods", querystring: stationQuery },
    },
    async (request) => stage.venues(requireUser(request), request.query.stationId),
  );
  r.post(
    "/api/stage-venues",
    { config: { access: "event.manage" }, schema: { tags, summary: "Add a venue with its bookable hours", body: venueCreateSchema } },
    async (request, reply) => reply.code(201).send(await stage.createVenue(requireUser(request), request.body, actorOf(request))),
  );
  r.post(
    "/api/stage-venues/:id/blocks",
    {
      config: { access: "event.manage" },
      schema: { tags, summary: "Block a period of a venue", params: idParams, body: blockCreateSchema },
    },
    async (request, reply) =>
      reply.code(201).send(await stage.addBlock(requireUser(request), request.params.id, request.body, actorOf(request))),
  );
  r.get(
    "/api/stage-bookings",
    {
      config: { access: "event.read" },
      schema: { tags, summary: "Bookings of the stage (the calendar reads a month)", querystring: bookingListQuery },
    },
    async (request) => stage.bookings(requireUser(request), request.query),
  );
  r.post(
    "/api/stage-bookings",
    {
      config: { access: "event.manage" },
      schema: { tags, summary: "Request a booking (one date or a repeating rehearsal)", body: bookingCreateSchema },
    },
    async (request, reply) => reply.code(201).send(await stage.request(requireUser(request), request.body, actorOf(request))),
  );
  r.post(
    "/api/stage-bookings/:id/decision",
    {
      config: { access: "event.manage" },
      schema: { tags, summary: "Approve, refuse or cancel a booking", params: idParams, body: bookingDecisionSchema },
    },
    async (request) => stage.decide(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.get(
    "/api/cultural-teams",
    { config: { access: "event.read" }, schema: { tags, summary: "Cultural teams with their members", querystring: stationQuery } },
    async (request) => stage.teams(requireUser(request), request.query.stationId),
  );
  r.post(
    "/api/cultural-teams",
    { config: { access: "event.manage" }, schema: { tags, summary: "Add a cultural team", body: teamCreateSchema } },
    async (request, reply) => reply.code(201).send(await stage.createTeam(requireUser(request), request.body, actorOf(request))),
  );
  r.post(
    "/api/cultural-teams/:id/members",
    {
      config: { access: "event.manage" },
      schema: { tags, summary: "Add a resident or merchant to a team", params: idParams, body: memberCreateSchema },
    },
    async (request, reply) =>
      reply.code(201).send(await stage.addMember(requireUser(request), request.params.id, request.body, actorOf(request))),
  );
  r.get(
    "/api/stage-performances",
    {
      config: { access: "event.read" },
      schema: { tags, summary: "Performances logged with team, theme and audience", querystring: performanceListQuery },
    },
    async (request) => stage.performances(requireUser(request), request.query),
  );
  r.post(
    "/api/stage-performances",
    { config: { access: "event.manage" }, schema: { tags, summary: "Log a performance", body: performanceCreateSchema } },
    async (request, reply) => reply.code(201).send(await stage.logPerformance(requireUser(request), request.body, actorOf(request))),
  );

  // environment
  r.get(
    "/api/environment-rounds",
    {
      config: { access: "event.read" },
      schema: { tags, summary: "Inspection rounds with findings and whether their problems are solved", querystring: roundListQuery },
    },
    async (request) => environment.rounds(requireUser(request), request.query),
  );
  r.post(
    "/api/environment-rounds",
    {
      config: { access: "event.manage" },
      schema: { tags, summary: "Record a round with its checklist and photos", body: roundCreateSchema },
    },
    async (request, reply) => reply.code(201).send(await environment.createRound(requireUser(request), request.body, actorOf(request))),
  );
  r.get(
    "/api/environment-rounds/:id",
    { config: { access: "event.read" }, schema: { tags, summary: "A round with its findings and their problems", params: idParams } },
    async (request) => environment.round(requireUser(request), request.params.id),
  );
  r.post(
    "/api/environment-rounds/:id/findings",
    {
      config: { access: "event.manage" },
      schema: {
        tags,
        summary: "Record a finding: it becomes a problem in the governance loop",
        params: idParams,
        body: findingCreateSchema,
      },
    },
    async (request, reply) =>
      reply.code(201).send(await environment.addFinding(requireUser(request), request.params.id, request.body, actorOf(request))),
  );

  // the phone
  r.get(
    "/api/me/events",
    { config: { access: "event.join" }, schema: { tags, summary: "Upcoming events of my station, with sign-up where taken" } },
    async (request) => events.upcoming(requireUser(request)),
  );
  r.post(
    "/api/me/events/:id/signup",
    { config: { access: "event.join" }, schema: { tags, summary: "Sign up for an event", params: idParams, body: signupCreateSchema } },
    async (request, reply) => reply.code(201).send(await events.signUp(requireUser(request), request.params.id, actorOf(request))),
  );
  r.delete(
    "/api/me/events/:id/signup",
    {
      config: { access: "event.join" },
      schema: { tags, summary: "Withdraw my sign-up before the event starts (the place is freed)", params: idParams },
    },
    async (request) => events.withdraw(requireUser(request), request.params.id, actorOf(request)),
  );
  r.get(
    "/api/me/promotions",
    { config: { access: "event.join" }, schema: { tags, summary: "Promotions my shop takes part in, with my takings" } },
    async (request) => events.myPromotions(requireUser(request)),
  );
  r.post(
    "/api/me/promotions/:id/takings",
    {
      config: { access: "event.join" },
      schema: {
        tags,
        summary: "Report my takings (integer fen) for a baseline or promotion day",
        params: idParams,
        body: takingsCreateSchema.omit({ merchantId: true }),
      },
    },
    async (request) => events.reportTakings(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.get(
    "/api/me/stage",
    { config: { access: "event.join" }, schema: { tags, summary: "The teams I lead, the venues and our bookings" } },
    async (request) => stage.myStage(requireUser(request)),
  );
  r.post(
    "/api/me/stage-bookings",
    {
      config: { access: "event.join" },
      schema: { tags, summary: "A team leader requests a booking for the team", body: bookingCreateSchema },
    },
    async (request, reply) => reply.code(201).send(await stage.request(requireUser(request), request.body, actorOf(request))),
  );
  r.post(
    "/api/me/stage-bookings/:id/cancel",
    {
      config: { access: "event.join" },
      schema: {
        tags,
        summary: "A team leader cancels the team's requested or approved booking before it starts (its slots are freed)",
        params: idParams,
        body: bookingCancelSchema,
      },
    },
    async (request) => stage.cancelByTeam(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
}
