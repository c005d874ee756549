import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, pageOf } from "../../../contracts/common.ts";
import {
  actionItemListQuery,
  actionItemSchema,
  actionItemUpdateSchema,
  agendaItemCreateSchema,
  attendanceSchema,
  checkInCodeSchema,
  checkInResultSchema,
  checkInSchema,
  manualAttendanceSchema,
  meetingActionSchema,
  meetingCreateSchema,
  meetingListQuery,
  meetingSchema,
  resolutionCreateSchema,
} from "../../../contracts/meetings.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import type { Services } from "../../services.ts";

const agendaParams = z.object({ id: z.coerce.number().int().positive(), itemId: z.coerce.number().int().positive() });

export async function meetingsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const service = services.meetings;
  const r = app.withTypeProvider<ZodTypeProvider>();
  let tags = ["meetings"];

  r.get(
    "/api/meetings",
    {
      config: { access: "meeting.read" },
      schema: {
        tags,
        summary: "Joint and council meetings (unit accounts: those their unit is invited to)",
        querystring: meetingListQuery,
        response: { 200: pageOf(meetingSchema) },
      },
    },
    async (request) => service.list(requireUser(request), request.query),
  );
  r.post(
    "/api/meetings",
    {
      config: { access: "meeting.manage" },
      schema: {
        tags,
        summary: "Schedule a meeting; its agenda starts with the station's open needs",
        body: meetingCreateSchema,
        response: { 201: meetingSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(requireUser(request), request.body, actorOf(request))),
  );
  r.post(
    "/api/meetings/checkin",
    {
      config: { access: "meeting.checkin" },
      schema: {
        tags,
        summary: "Check in by the scanned code (once per person; a repeat scan answers 200 with the record)",
        body: checkInSchema,
        response: { 200: checkInResultSchema, 201: checkInResultSchema },
      },
    },
    async (request, reply) => {
      const result = await service.checkIn(requireUser(request), request.body.token, actorOf(request));
      return reply.code(result.created ? 201 : 200).send(result);
    },
  );
  r.get(
    "/api/meetings/:id",
    { config: { access: "meeting.read" }, schema: { tags, summary: "One meeting", params: idParams, response: { 200: meetingSchema } } },
    async (request) => service.get(requireUser(request), request.params.id),
  );
  r.post(
    "/api/meetings/:id/actions",
    {
      config: { access: "meeting.manage" },
      schema: {
        tags,
        summary: "Hold (with minutes) or cancel (with a reason) a scheduled meeting",
        params: idParams,
        body: meetingActionSchema,
        response: { 200: meetingSchema },
      },
    },
    async (request) => service.act(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.post(
    "/api/meetings/:id/agenda",
    {
      config: { access: "meeting.manage" },
      schema: {
        tags,
        summary: "Add an item to a scheduled meeting's agenda",
        params: idParams,
        body: agendaItemCreateSchema,
        response: { 200: meetingSchema },
      },
    },
    async (request) => service.addAgendaItem(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.delete(
    "/api/meetings/:id/agenda/:itemId",
    {
      config: { access: "meeting.manage" },
      schema: { tags, summary: "Take an item off a scheduled meeting's agenda", params: agendaParams, response: { 200: meetingSchema } },
    },
    async (request) => service.removeAgendaItem(requireUser(request), request.params.id, request.params.itemId, actorOf(request)),
  );
  r.get(
    "/api/meetings/:id/checkin-code",
    {
      config: { access: "meeting.manage" },
      schema: {
        tags,
        summary: "The current check-in code (valid about two minutes; the door screen re-fetches it)",
        params: idParams,
        response: { 200: checkInCodeSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return service.checkInCode(requireUser(request), request.params.id, `${request.protocol}://${request.host}`);
    },
  );
  r.post(
    "/api/meetings/:id/attendance",
    {
      config: { access: "meeting.manage" },
      schema: {
        tags,
        summary: "Record someone's attendance by hand",
        params: idParams,
        body: manualAttendanceSchema,
        response: { 200: attendanceSchema, 201: attendanceSchema },
      },
    },
    async (request, reply) => {
      const result = await service.recordAttendance(requireUser(request), request.params.id, request.body, actorOf(request));
      return reply.code(result.created ? 201 : 200).send(result.attendance);
    },
  );
  r.post(
    "/api/meetings/:id/resolutions",
    {
      config: { access: "meeting.manage" },
      schema: {
        tags,
        summary: "Record a resolution of a held meeting as an action item",
        params: idParams,
        body: resolutionCreateSchema,
        response: { 201: actionItemSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.addResolution(requireUser(request), request.params.id, request.body, actorOf(request))),
  );

  tags = ["action items"];
  r.get(
    "/api/action-items",
    {
      config: { access: "meeting.read" },
      schema: {
        tags,
        summary: "Action items (unit accounts: their unit's)",
        querystring: actionItemListQuery,
        response: { 200: pageOf(actionItemSchema) },
      },
    },
    async (request) => service.listActionItems(requireUser(request), request.query),
  );
  r.get(
    "/api/action-items/:id",
    {
      config: { access: "meeting.read" },
      schema: { tags, summary: "One action item", params: idParams, response: { 200: actionItemSchema } },
    },
    async (request) => service.getActionItem(requireUser(request), request.params.id),
  );
  r.patch(
    "/api/action-items/:id",
    {
      config: { access: "action_item.work" },
      schema: {
        tags,
        summary: "Mark an action item done or cancelled, or add a note (owner unit or staff; version-checked)",
        params: idParams,
        body: actionItemUpdateSchema,
        response: { 200: actionItemSchema },
      },
    },
    async (request) => service.updateActionItem(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
}
