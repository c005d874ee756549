// The caring meals' HTTP surface: the weekly plan's recipients, the day's deliveries and their confirmation.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { deliveryConfirmSchema, deliveryDaySchema, mealRecipientCreateSchema, mealRecipientSchema } from "../../../contracts/caring.ts";
import { idParams } from "../../../contracts/common.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import { stationFilter } from "../../platform/scope.ts";
import type { Services } from "../../services.ts";
import { deliveryDayQuery, flagMissedSchema, mealRecipientUpdateSchema, recipientListQuery } from "./meals.service.ts";

export async function mealsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const service = services.meals;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["caring"];

  r.get(
    "/api/caring/meals/recipients",
    {
      config: { access: "caring.read" },
      schema: {
        tags,
        summary: "Caring-meal recipients with their restaurant and weekdays (the weekly plan)",
        querystring: recipientListQuery,
        response: { 200: z.array(mealRecipientSchema) },
      },
    },
    async (request) => service.recipients(requireUser(request), request.query),
  );

  r.post(
    "/api/caring/meals/recipients",
    {
      config: { access: "caring.manage" },
      schema: {
        tags,
        summary: "Add an elderly resident living alone to the plan, with a caring restaurant and weekdays",
        body: mealRecipientCreateSchema,
        response: { 201: mealRecipientSchema },
      },
    },
    async (request, reply) => {
      const created = await service.createRecipient(requireUser(request), request.body, actorOf(request));
      return reply.code(201).send(created);
    },
  );

  r.patch(
    "/api/caring/meals/recipients/:id",
    {
      config: { access: "caring.manage" },
      schema: {
        tags,
        summary: "Pause or resume a recipient, change their weekdays or restaurant",
        params: idParams,
        body: mealRecipientUpdateSchema,
        response: { 200: mealRecipientSchema },
      },
    },
    async (request) => service.updateRecipient(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  r.get(
    "/api/caring/meals/day",
    {
      // Staff see the station's day, a caring restaurant its own recipients, a volunteer the station's.
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "One day's planned meals with their status (pending, delivered, missed)",
        querystring: deliveryDayQuery,
        response: { 200: deliveryDaySchema },
      },
    },
    async (request) => service.day(requireUser(request), request.query),
  );

  r.post(
    "/api/caring/meals/deliveries",
    {
      // meal.deliver (the recipient's restaurant, a volunteer) or caring.manage (staff, who may correct it).
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Confirm a day's meal as delivered or missed (once per recipient and day)",
        body: deliveryConfirmSchema,
        response: { 200: deliveryDaySchema.shape.items.element },
      },
    },
    async (request) => service.confirm(requireUser(request), request.body, actorOf(request)),
  );

  r.post(
    "/api/caring/meals/flag-missed",
    {
      config: { access: "caring.manage" },
      schema: {
        tags,
        summary: "Flag the day's planned meals still unconfirmed (today from 13:00) as missed and tell the staff now",
        body: flagMissedSchema.optional(),
        response: { 200: z.object({ date: z.string(), marked: z.number().int(), notified: z.number().int() }) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return service.flagMissed({
        date: request.body?.date,
        stationIds: stationFilter(user, request.body?.stationId),
        actor: actorOf(request),
      });
    },
  );
}
