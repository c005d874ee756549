// The roster over HTTP: leaders assign and substitute volunteers, the volunteer confirms the day before, the organiser
// enters the paper roster after the activity.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams } from "../../../contracts/common.ts";
import {
  assignmentSchema,
  occurrenceDetailSchema,
  paperRosterSchema,
  signupSchema,
  substitutionSchema,
} from "../../../contracts/volunteers.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import type { Services } from "../../services.ts";

export async function volunteerRosterRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const rosters = services.volunteers.rosters;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["volunteers"];

  r.post(
    "/api/volunteer-occurrences/:id/assignments",
    {
      config: { access: "volunteer.lead" },
      schema: {
        tags,
        summary:
          "Assign a member of my team (a leader; or the station) to an occurrence: a free place, until the start, past the sign-up deadline",
        params: idParams,
        body: assignmentSchema,
        response: { 201: signupSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await rosters.assign(requireUser(request), request.params.id, request.body, actorOf(request))),
  );
  r.post(
    "/api/volunteer-signups/:id/substitute",
    {
      config: { access: "volunteer.lead" },
      schema: {
        tags,
        summary: "Substitute a signed-up volunteer by another member of the team, who takes the place (both are told)",
        params: idParams,
        body: substitutionSchema,
        response: { 201: signupSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await rosters.substitute(requireUser(request), request.params.id, request.body, actorOf(request))),
  );
  r.post(
    "/api/volunteer-signups/:id/confirm",
    {
      config: { access: "volunteer.join" },
      schema: {
        tags,
        summary: "Confirm I come (asked the day before; the organiser sees who has not)",
        params: idParams,
        response: { 200: signupSchema },
      },
    },
    async (request) => rosters.confirm(requireUser(request), request.params.id, actorOf(request)),
  );
  r.post(
    "/api/volunteer-occurrences/:id/paper-roster",
    {
      config: { access: "volunteer.manage" },
      schema: {
        tags,
        summary:
          "Enter the paper roster after the activity, before certifying it: check-in and check-out times per volunteer and the photo of the signed sheet (a file id), recorded as entered by the organiser",
        params: idParams,
        body: paperRosterSchema,
        response: { 200: occurrenceDetailSchema },
      },
    },
    async (request) => rosters.paperRoster(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
}
