import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams } from "../../../contracts/common.ts";
import {
  activitiesQuery,
  checkInCodeSchema,
  codeSchema,
  correctionSchema,
  generatedSchema,
  generateSchema,
  membershipDecisionSchema,
  membershipRequestSchema,
  membershipSchema,
  myRecordsSchema,
  myTeamSchema,
  myVolunteeringSchema,
  objectionCreateSchema,
  objectionSchema,
  occurrenceCloseSchema,
  occurrenceDetailSchema,
  occurrenceListQuery,
  occurrenceSchema,
  seriesCreatedSchema,
  seriesCreateSchema,
  seriesSchema,
  signupCreateSchema,
  signupSchema,
  teamSchema,
  volunteerListQuery,
  volunteerRegisterSchema,
  volunteerSchema,
} from "../../../contracts/volunteers.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import type { Services } from "../../services.ts";

const stationQuery = z.object({ stationId: z.coerce.number().int().positive().max(2_147_483_647).optional() });

// The volunteer service: the console's volunteers, teams, series and occurrences, and the volunteer's phone.
export async function volunteersRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const service = services.volunteers;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["volunteers"];

  // the console
  r.get(
    "/api/volunteers",
    {
      config: { access: "volunteer.read" },
      schema: { tags, summary: "The station's volunteers (by volunteer number), with their teams", querystring: volunteerListQuery },
    },
    async (request) => service.volunteers(requireUser(request), request.query),
  );
  r.get(
    "/api/volunteer-teams",
    {
      config: { access: "volunteer.read" },
      schema: {
        tags,
        summary: "The station's volunteer teams with leaders, service menus, members and pending requests",
        querystring: stationQuery,
        response: { 200: z.array(teamSchema) },
      },
    },
    async (request) => service.teams(requireUser(request), request.query.stationId),
  );
  r.get(
    "/api/volunteer-teams/:id/members",
    {
      config: { access: "volunteer.read" },
      schema: { tags, summary: "A team's members and join requests", params: idParams, response: { 200: z.array(membershipSchema) } },
    },
    async (request) => service.teamMembers(requireUser(request), request.params.id),
  );
  r.post(
    "/api/volunteer-memberships/:id/decision",
    {
      config: { access: "volunteer.lead" },
      schema: {
        tags,
        summary: "Approve or reject a join request (the team's leader or the station)",
        params: idParams,
        body: membershipDecisionSchema,
        response: { 200: membershipSchema },
      },
    },
    async (request) => service.decideMembership(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.get(
    "/api/volunteer-series",
    {
      config: { access: "volunteer.read" },
      schema: {
        tags,
        summary: "The activity series and their repeat rules",
        querystring: stationQuery,
        response: { 200: z.array(seriesSchema) },
      },
    },
    async (request) => service.seriesList(requireUser(request), request.query.stationId),
  );
  r.post(
    "/api/volunteer-series",
    {
      config: { access: "volunteer.manage" },
      schema: {
        tags,
        summary: "Create an activity series (the 16th, the 28th, weekly or once) and generate its coming occurrences",
        body: seriesCreateSchema,
        response: { 201: seriesCreatedSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createSeries(requireUser(request), request.body, actorOf(request))),
  );
  r.post(
    "/api/volunteer-series/generate",
    {
      config: { access: "volunteer.manage" },
      schema: {
        tags,
        summary: "Generate the coming occurrences of every series (never two for a series and date)",
        body: generateSchema,
        response: { 200: generatedSchema },
      },
    },
    async (request) => service.generate(requireUser(request), request.body, actorOf(request)),
  );
  r.get(
    "/api/volunteer-occurrences",
    {
      config: { access: "volunteer.read" },
      schema: {
        tags,
        summary: "A month's occurrences with places per team and certification",
        querystring: occurrenceListQuery,
        response: { 200: z.array(occurrenceSchema) },
      },
    },
    async (request) => service.occurrences(requireUser(request), request.query),
  );
  r.get(
    "/api/volunteer-occurrences/:id",
    {
      config: { access: "volunteer.read" },
      schema: {
        tags,
        summary: "An occurrence with its roster in arrival order and its objections",
        params: idParams,
        response: { 200: occurrenceDetailSchema },
      },
    },
    async (request) => service.occurrence(requireUser(request), request.params.id),
  );
  for (const kind of ["withdraw", "cancel"] as const) {
    r.post(
      `/api/volunteer-occurrences/:id/${kind}`,
      {
        config: { access: "volunteer.manage" },
        schema: {
          tags,
          summary:
            kind === "withdraw"
              ? "Withdraw an occurrence nobody signed up for"
              : "Cancel an occurrence people signed up for (with a reason)",
          params: idParams,
          body: occurrenceCloseSchema,
          response: { 200: occurrenceDetailSchema },
        },
      },
      async (request) => service.close(requireUser(request), request.params.id, kind, request.body.reason, actorOf(request)),
    );
  }
  r.get(
    "/api/volunteer-occurrences/:id/checkin-code",
    {
      config: { access: "volunteer.manage" },
      schema: {
        tags,
        summary: "The occurrence's current check-in code (it turns every minute; the screen re-fetches it)",
        params: idParams,
        response: { 200: checkInCodeSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return service.code(requireUser(request), request.params.id, `${request.protocol}://${request.host}`);
    },
  );
  r.post(
    "/api/volunteer-occurrences/:id/certify",
    {
      config: { access: "volunteer.manage" },
      schema: {
        tags,
        summary: "Certify the occurrence's hours (once); they are then on public notice for 7 days",
        params: idParams,
        response: { 200: occurrenceDetailSchema },
      },
    },
    async (request) => service.certify(requireUser(request), request.params.id, actorOf(request)),
  );
  r.post(
    "/api/volunteer-occurrences/:id/corrections",
    {
      config: { access: "volunteer.manage" },
      schema: {
        tags,
        summary: "Correct a volunteer's certified hours during the public notice (with a reason; may resolve an objection)",
        params: idParams,
        body: correctionSchema,
        response: { 200: occurrenceDetailSchema },
      },
    },
    async (request) => service.correct(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  // the volunteer's phone
  r.get(
    "/api/me/volunteering",
    {
      config: { access: "volunteer.join" },
      schema: {
        tags,
        summary: "My volunteer profile, my teams' coming activities with my sign-ups, my certified minutes",
        querystring: activitiesQuery,
        response: { 200: myVolunteeringSchema },
      },
    },
    async (request) => service.mine(requireUser(request), request.query),
  );
  r.get(
    "/api/me/volunteering/hours",
    {
      config: { access: "volunteer.join" },
      schema: {
        tags,
        summary: "My service records: the activities I took part in, my minutes and their certification, my objections",
        response: { 200: myRecordsSchema },
      },
    },
    async (request) => service.myHours(requireUser(request)),
  );
  r.get(
    "/api/me/volunteering/teams",
    {
      config: { access: "volunteer.join" },
      schema: {
        tags,
        summary: "My station's volunteer teams with my membership in each (to ask to join or to leave)",
        response: { 200: z.array(myTeamSchema) },
      },
    },
    async (request) => service.myTeams(requireUser(request)),
  );
  r.post(
    "/api/me/volunteering",
    {
      config: { access: "volunteer.join" },
      schema: {
        tags,
        summary: "Register as a volunteer (a volunteer number is given; consent required)",
        body: volunteerRegisterSchema,
        response: { 201: volunteerSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await service.register(requireUser(request), request.body, actorOf(request))),
  );
  r.post(
    "/api/me/volunteering/memberships",
    {
      config: { access: "volunteer.join" },
      schema: {
        tags,
        summary: "Ask to join a team (its leader or the station approves)",
        body: membershipRequestSchema,
        response: { 201: membershipSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.requestMembership(requireUser(request), request.body.teamId, actorOf(request))),
  );
  r.post(
    "/api/volunteer-memberships/:id/leave",
    {
      config: { access: "volunteer.join" },
      schema: { tags, summary: "Leave a team (or withdraw a pending request)", params: idParams, response: { 200: membershipSchema } },
    },
    async (request) => service.leaveMembership(requireUser(request), request.params.id, actorOf(request)),
  );
  r.post(
    "/api/volunteer-occurrences/:id/signups",
    {
      config: { access: "volunteer.join" },
      schema: {
        tags,
        summary: "Sign up for an occurrence: a place within the team's places, else the waiting list in arrival order",
        params: idParams,
        body: signupCreateSchema,
        response: { 201: signupSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.signUp(requireUser(request), request.params.id, request.body, actorOf(request))),
  );
  r.post(
    "/api/volunteer-signups/:id/withdraw",
    {
      config: { access: "volunteer.join" },
      schema: {
        tags,
        summary: "Withdraw a sign-up; the team's first on the waiting list takes the place",
        params: idParams,
        response: { 200: signupSchema },
      },
    },
    async (request) => service.withdraw(requireUser(request), request.params.id, actorOf(request)),
  );
  for (const [path, kind] of [
    ["check-in", "check_in"],
    ["check-out", "check_out"],
  ] as const) {
    r.post(
      `/api/volunteer-occurrences/:id/${path}`,
      {
        config: { access: "volunteer.join" },
        schema: {
          tags,
          summary: kind === "check_in" ? "Check in with the organiser's code" : "Check out with the organiser's code (hours are computed)",
          params: idParams,
          body: codeSchema,
          response: { 200: signupSchema },
        },
      },
      async (request) => service.presence(requireUser(request), request.params.id, kind, request.body.code, actorOf(request)),
    );
  }
  r.post(
    "/api/volunteer-occurrences/:id/objections",
    {
      config: { access: "volunteer.join" },
      schema: {
        tags,
        summary: "Object to my certified hours during the public notice",
        params: idParams,
        body: objectionCreateSchema,
        response: { 201: objectionSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.object(requireUser(request), request.params.id, request.body, actorOf(request))),
  );
}
