import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, okSchema } from "../../../contracts/common.ts";
import {
  dutyRuleSchema,
  dutySettingsQuery,
  dutySettingsSchema,
  dutySettingsUpdateSchema,
  myShiftsSchema,
  rosterQuery,
  rosterSchema,
  ruleCreateSchema,
  rulePreviewInput,
  rulePreviewSchema,
  ruleResultSchema,
  shiftCreateSchema,
  shiftDeleteQuery,
  shiftSchema,
  shiftUpdateSchema,
} from "../../../contracts/duty.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import type { Services } from "../../services.ts";

// The departments' duty roster.
export async function dutyRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const service = services.duty;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["duty"];

  r.get(
    "/api/duty/roster",
    {
      config: { access: "duty.read" },
      schema: {
        tags,
        summary: "A station's month of the roster: the departments on duty each day with their bookings, the desks and the units",
        querystring: rosterQuery,
        response: { 200: rosterSchema },
      },
    },
    async (request) => service.roster(requireUser(request), request.query),
  );

  r.get(
    "/api/duty/my-shifts",
    {
      config: { access: "duty.read" },
      schema: {
        tags,
        summary: "我的坐班: the coming days the caller's unit sits at the station (or the caller is the officer on duty)",
        response: { 200: myShiftsSchema },
      },
    },
    async (request) => service.myShifts(requireUser(request)),
  );

  r.post(
    "/api/duty/shifts",
    {
      config: { access: "duty.manage" },
      schema: {
        tags,
        summary: "Put a department on duty for one day (refused: a past day, the unit already sits that day, no free desk)",
        body: shiftCreateSchema,
        response: { 201: shiftSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createShift(requireUser(request), request.body, actorOf(request))),
  );

  r.patch(
    "/api/duty/shifts/:id",
    {
      config: { access: "duty.manage" },
      schema: {
        tags,
        summary: "Move a shift to another day or change its times, capacity or officer (a shift holding bookings does not move)",
        params: idParams,
        body: shiftUpdateSchema,
        response: { 200: shiftSchema },
      },
    },
    async (request) => service.updateShift(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  r.delete(
    "/api/duty/shifts/:id",
    {
      config: { access: "duty.manage" },
      schema: {
        tags,
        summary: "Take a shift off the roster (refused while it holds bookings, or on a past day)",
        params: idParams,
        querystring: shiftDeleteQuery,
        response: { 200: okSchema },
      },
    },
    async (request) => service.deleteShift(requireUser(request), request.params.id, request.query.version, actorOf(request)),
  );

  r.get(
    "/api/duty/settings",
    {
      config: { access: "duty.read" },
      schema: {
        tags,
        summary: "The station's desks and its busiest planned day",
        querystring: dutySettingsQuery,
        response: { 200: dutySettingsSchema },
      },
    },
    async (request) => service.settings(requireUser(request), request.query),
  );

  r.put(
    "/api/duty/settings",
    {
      config: { access: "duty.manage" },
      schema: {
        tags,
        summary: "Set how many departments can sit at the station on one day (not below the busiest planned day)",
        body: dutySettingsUpdateSchema,
        response: { 200: dutySettingsSchema },
      },
    },
    async (request) => service.setDesks(requireUser(request), request.body, actorOf(request)),
  );

  r.get(
    "/api/duty/rules",
    {
      config: { access: "duty.read" },
      schema: {
        tags,
        summary: "The repeat rules the roster's shifts were generated from",
        querystring: dutySettingsQuery,
        response: { 200: z.array(dutyRuleSchema) },
      },
    },
    async (request) => service.rules(requireUser(request), request.query),
  );

  r.post(
    "/api/duty/rules/preview",
    {
      config: { access: "duty.manage" },
      schema: {
        tags,
        summary: "The dates a repeat rule would put the unit on duty, each marked ok, conflict or desks full",
        body: rulePreviewInput,
        response: { 200: rulePreviewSchema },
      },
    },
    async (request) => service.previewRule(requireUser(request), request.body),
  );

  r.post(
    "/api/duty/rules",
    {
      config: { access: "duty.manage" },
      schema: {
        tags,
        summary: "Generate the shifts of a repeat rule; refused when a date conflicts unless skipConflicts leaves those dates out",
        body: ruleCreateSchema,
        response: { 201: ruleResultSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createRule(requireUser(request), request.body, actorOf(request))),
  );

  // A shift by id, for the counter's and the officers' links.
  r.get(
    "/api/duty/shifts/:id",
    {
      config: { access: "duty.read" },
      schema: { tags, summary: "One shift of the roster", params: idParams, response: { 200: shiftSchema } },
    },
    async (request) => service.shift(requireUser(request), request.params.id),
  );
}
