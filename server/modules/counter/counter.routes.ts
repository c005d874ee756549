import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, pageOf } from "../../../contracts/common.ts";
import {
  applicantCancelSchema,
  bookableDaySchema,
  bookingCreateSchema,
  callNextSchema,
  counterDayQuery,
  counterDaySchema,
  counterFiguresQuery,
  counterFiguresSchema,
  ratingCreateSchema,
  requestActionSchema,
  requestListQuery,
  serviceItemCreateSchema,
  serviceItemListQuery,
  serviceItemSchema,
  serviceItemUpdateSchema,
  serviceRequestDetailSchema,
  serviceRequestSchema,
  walkInCreateSchema,
} from "../../../contracts/counter.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import { sendXlsx } from "../../platform/http.ts";
import { counted } from "../../platform/list-export.ts";
import { writeSheet } from "../../platform/sheets.ts";
import type { Services } from "../../services.ts";
import { exportColumns } from "./counter.presenter.ts";

// The station counter: the service catalogue, requests, the queue and ratings.
export async function counterRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const service = services.counter;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["counter"];

  // The catalogue.

  r.get(
    "/api/services/items",
    {
      config: { access: "service.read" },
      schema: {
        tags,
        summary: "Search the service catalogue (applicants see the active items offered to them)",
        querystring: serviceItemListQuery,
        response: { 200: pageOf(serviceItemSchema) },
      },
    },
    async (request) => service.catalogue.listItems(requireUser(request), request.query),
  );

  r.post(
    "/api/services/items",
    {
      config: { access: "service.manage" },
      schema: { tags, summary: "Add a service item to the catalogue", body: serviceItemCreateSchema, response: { 201: serviceItemSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(await service.catalogue.createItem(requireUser(request), request.body, actorOf(request))),
  );

  r.get(
    "/api/services/items/:id",
    {
      config: { access: "service.read" },
      schema: { tags, summary: "One service item", params: idParams, response: { 200: serviceItemSchema } },
    },
    async (request) => service.catalogue.getItem(requireUser(request), request.params.id),
  );

  r.patch(
    "/api/services/items/:id",
    {
      config: { access: "service.manage" },
      schema: {
        tags,
        summary: "Edit or deactivate a service item (version-checked)",
        params: idParams,
        body: serviceItemUpdateSchema,
        response: { 200: serviceItemSchema },
      },
    },
    async (request) => service.catalogue.updateItem(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  r.get(
    "/api/services/items/:id/days",
    {
      config: { access: "service.read" },
      schema: {
        tags,
        summary: "The next 30 days the item's department is on duty at the station, with places left",
        params: idParams,
        response: { 200: z.array(bookableDaySchema) },
      },
    },
    async (request) => service.catalogue.bookableDays(requireUser(request), request.params.id),
  );

  // Applicants.

  r.post(
    "/api/services/bookings",
    {
      config: { access: "service.apply" },
      schema: {
        tags,
        summary: "Book an item for a day its department is on duty (takes one place on the duty shift)",
        body: bookingCreateSchema,
        response: { 201: serviceRequestDetailSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await service.bookings.book(requireUser(request), request.body, actorOf(request))),
  );

  r.get(
    "/api/me/service-requests",
    {
      config: { access: "service.apply" },
      schema: {
        tags,
        summary: "The signed-in applicant's requests",
        querystring: requestListQuery,
        response: { 200: pageOf(serviceRequestSchema) },
      },
    },
    async (request) => service.requests.myRequests(requireUser(request), request.query),
  );

  r.post(
    "/api/me/service-requests/:id/cancel",
    {
      config: { access: "service.apply" },
      schema: {
        tags,
        summary: "Withdraw one's own booking (its place on the shift is given back)",
        params: idParams,
        body: applicantCancelSchema,
        response: { 200: serviceRequestDetailSchema },
      },
    },
    async (request) => service.handling.applicantCancel(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  r.post(
    "/api/me/service-requests/:id/rating",
    {
      config: { access: "service.apply" },
      schema: {
        tags,
        summary: "Rate a finished request with the five hearts, once",
        params: idParams,
        body: ratingCreateSchema,
        response: { 201: serviceRequestDetailSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.handling.rate(requireUser(request), request.params.id, request.body, actorOf(request))),
  );

  // The counter.

  r.get(
    "/api/services/counter",
    {
      config: { access: "service.handle" },
      schema: {
        tags,
        summary: "Today at the counter: bookings to check in, the queue, the window, what is finished, who is on duty",
        querystring: counterDayQuery,
        response: { 200: counterDaySchema },
      },
    },
    async (request) => service.requests.counterDay(requireUser(request), request.query),
  );

  r.post(
    "/api/services/walk-ins",
    {
      config: { access: "service.handle" },
      schema: {
        tags,
        summary: "Take in a walk-in applicant: the request joins today's queue with a number",
        body: walkInCreateSchema,
        response: { 201: serviceRequestDetailSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await service.bookings.walkIn(requireUser(request), request.body, actorOf(request))),
  );

  r.post(
    "/api/services/counter/call-next",
    {
      config: { access: "service.handle" },
      schema: {
        tags,
        summary: "Call the lowest number waiting today to the window",
        body: callNextSchema.optional(),
        response: { 200: serviceRequestDetailSchema },
      },
    },
    async (request) => service.handling.callNext(requireUser(request), request.body ?? {}, actorOf(request)),
  );

  // Requests.

  r.get(
    "/api/services/requests",
    {
      config: { access: "service.handle" },
      schema: {
        tags,
        summary: "Requests (a department sees those forwarded to it)",
        querystring: requestListQuery,
        response: { 200: pageOf(serviceRequestSchema) },
      },
    },
    async (request) => service.requests.listRequests(requireUser(request), request.query),
  );

  r.get(
    "/api/services/requests/export",
    {
      config: { access: "service.handle" },
      schema: { tags, summary: "Export the current filter as xlsx (mobile numbers masked)", querystring: requestListQuery },
    },
    async (request, reply) => {
      const rows = counted(service.requests.exportRows(requireUser(request), request.query));
      const data = await writeSheet("办件记录", exportColumns, rows.rows);
      await services.exports.record(requireUser(request), actorOf(request), "service-requests", request.query, rows.count());
      return sendXlsx(reply, data, "service-requests.xlsx");
    },
  );

  r.get(
    "/api/services/requests/figures",
    {
      config: { access: "service.handle" },
      schema: {
        tags,
        summary: "Requests per month, forwarded ones finished on time, and the five hearts overall and by department",
        querystring: counterFiguresQuery,
        response: { 200: counterFiguresSchema },
      },
    },
    async (request) => service.requests.figures(requireUser(request), request.query),
  );

  r.get(
    "/api/services/requests/:id",
    {
      config: { access: "service.read" },
      schema: { tags, summary: "One request with its timeline", params: idParams, response: { 200: serviceRequestDetailSchema } },
    },
    async (request) => service.requests.getRequest(requireUser(request), request.params.id),
  );

  r.post(
    "/api/services/requests/:id/actions",
    {
      config: { access: "service.handle" },
      schema: {
        tags,
        summary: "Check in, start, forward, complete or cancel a request (version-checked)",
        params: idParams,
        body: requestActionSchema,
        response: { 200: serviceRequestDetailSchema },
      },
    },
    async (request) => service.handling.act(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
}
