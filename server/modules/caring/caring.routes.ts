// The caring scheme's HTTP surface: award rounds and the honour roll, discount cards, redemption at caring
// shops, and the shops' certification. (Caring meals live in meals.routes.ts.)
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  cardIssueSchema,
  cardListQuery,
  cardPresentationSchema,
  cardRevokeSchema,
  cardSchema,
  honourRollSchema,
  nominationCreateSchema,
  nominationReviewSchema,
  nominationSchema,
  objectionCreateSchema,
  objectionDecisionSchema,
  redemptionInputSchema,
  redemptionListQuery,
  redemptionPreviewSchema,
  redemptionSchema,
  roundActionSchema,
  roundCreateSchema,
  roundListQuery,
  roundSchema,
  shopActionSchema,
  shopApplySchema,
  shopCategorySchema,
  shopListQuery,
  shopSchema,
} from "../../../contracts/caring.ts";
import { dateSchema, idParams, okSchema, pageOf } from "../../../contracts/common.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import { limits } from "../../platform/rate-limit.ts";
import type { Services } from "../../services.ts";

const stationQuery = z.object({ stationId: z.coerce.number().int().positive().optional() });
const pinSchema = z.object({ pin: z.string().regex(/^\d{6}$/, { message: "v.invalid_value" }) }).strict();
const objectionCreatedSchema = z.object({ id: z.number().int(), nominationId: z.number().int(), status: z.literal("open") });
const publicShopSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  name: z.string(),
  /** The same as name (the shop is the merchant). */
  merchantName: z.string(),
  category: shopCategorySchema,
  discountRatePermille: z.number().int(),
});
const shopDaySchema = z.object({
  date: z.string(),
  items: z.array(redemptionSchema),
  count: z.number().int(),
  amountFen: z.number().int(),
  discountFen: z.number().int(),
});

export async function caringRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { caringRounds: rounds, caringCards: cards, caringRedemption: redemption, caringShops: shops } = services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["caring"];

  // Award rounds and the honour roll.
  r.get(
    "/api/caring/rounds",
    {
      config: { access: "caring.read" },
      schema: { tags, summary: "Award rounds", querystring: roundListQuery, response: { 200: pageOf(roundSchema) } },
    },
    async (request) => rounds.list(requireUser(request), request.query),
  );
  r.post(
    "/api/caring/rounds",
    {
      config: { access: "caring.manage" },
      schema: { tags, summary: "Open an award round", body: roundCreateSchema, response: { 201: roundSchema } },
    },
    async (request, reply) => reply.code(201).send(await rounds.create(requireUser(request), request.body, actorOf(request))),
  );
  r.get(
    "/api/caring/rounds/:id",
    {
      config: { access: "caring.read" },
      schema: { tags, summary: "One round with its nominations", params: idParams, response: { 200: roundSchema } },
    },
    async (request) => rounds.get(requireUser(request), request.params.id),
  );
  r.post(
    "/api/caring/rounds/:id/actions",
    {
      config: { access: "caring.manage" },
      schema: {
        tags,
        summary: "Close nominations, publish, award or cancel",
        params: idParams,
        body: roundActionSchema,
        response: { 200: roundSchema },
      },
    },
    async (request) => rounds.act(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.get(
    "/api/me/rounds",
    {
      config: { access: "award.nominate" },
      schema: { tags, summary: "Rounds open for nominations or in publicity (names masked)", response: { 200: z.array(roundSchema) } },
    },
    async (request) => rounds.open(requireUser(request)),
  );
  r.post(
    "/api/caring/rounds/:id/nominations",
    {
      config: { access: "award.nominate" },
      schema: {
        tags,
        summary: "Nominate a resident of the station",
        params: idParams,
        body: nominationCreateSchema,
        response: { 201: nominationSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await rounds.nominate(requireUser(request), request.params.id, request.body, actorOf(request))),
  );
  r.post(
    "/api/caring/nominations/:id/review",
    {
      config: { access: "caring.manage" },
      schema: {
        tags,
        summary: "Accept or reject a nomination",
        params: idParams,
        body: nominationReviewSchema,
        response: { 200: nominationSchema },
      },
    },
    async (request) => rounds.review(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.post(
    "/api/caring/nominations/:id/objections",
    {
      config: { access: "award.nominate" },
      schema: {
        tags,
        summary: "Object to a nomination during publicity",
        params: idParams,
        body: objectionCreateSchema,
        response: { 201: objectionCreatedSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await rounds.object(requireUser(request), request.params.id, request.body, actorOf(request))),
  );
  r.post(
    "/api/caring/objections/:id/decision",
    {
      config: { access: "caring.manage" },
      schema: {
        tags,
        summary: "Uphold or dismiss an objection",
        params: idParams,
        body: objectionDecisionSchema,
        response: { 200: roundSchema },
      },
    },
    async (request) => rounds.decide(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.get(
    "/api/public/honour-roll",
    {
      config: { access: "public", rateLimit: limits.public },
      schema: { tags, summary: "Winners by month (names masked)", querystring: stationQuery, response: { 200: honourRollSchema } },
    },
    async (request) => rounds.honourRoll(request.query.stationId),
  );

  // Discount cards.
  r.get(
    "/api/caring/cards",
    {
      config: { access: "caring.read" },
      schema: { tags, summary: "Discount cards", querystring: cardListQuery, response: { 200: pageOf(cardSchema) } },
    },
    async (request) => cards.list(requireUser(request), request.query),
  );
  r.post(
    "/api/caring/cards",
    {
      config: { access: "caring.manage" },
      schema: { tags, summary: "Issue a discount card", body: cardIssueSchema, response: { 201: cardSchema } },
    },
    async (request, reply) => reply.code(201).send(await cards.issue(requireUser(request), request.body, actorOf(request))),
  );
  r.post(
    "/api/caring/cards/:id/revoke",
    {
      config: { access: "caring.manage" },
      schema: { tags, summary: "Revoke a card", params: idParams, body: cardRevokeSchema, response: { 200: cardSchema } },
    },
    async (request) => cards.revoke(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.post(
    "/api/caring/cards/:id/pin",
    {
      config: { access: "caring.manage" },
      schema: { tags, summary: "Set a printed card's six-digit PIN", params: idParams, body: pinSchema, response: { 200: okSchema } },
    },
    async (request) => cards.setPin(requireUser(request), request.params.id, request.body.pin, actorOf(request)),
  );
  r.get(
    "/api/caring/cards/:id/printed.pdf",
    { config: { access: "caring.manage" }, schema: { tags, summary: "The printed card (PDF with QR)", params: idParams } },
    async (request, reply) => {
      const { pdf, cardNo } = await cards.printedPdf(requireUser(request), request.params.id);
      return reply.type("application/pdf").header("content-disposition", `inline; filename="${cardNo}.pdf"`).send(pdf);
    },
  );
  r.get(
    "/api/me/cards",
    { config: { access: "card.hold" }, schema: { tags, summary: "The holder's cards", response: { 200: z.array(cardSchema) } } },
    async (request) => cards.mine(requireUser(request)),
  );
  r.get(
    "/api/me/cards/:id/history",
    {
      config: { access: "card.hold" },
      schema: { tags, summary: "The holder's redemptions of a card", params: idParams, response: { 200: z.array(redemptionSchema) } },
    },
    async (request) => redemption.history(requireUser(request), request.params.id),
  );
  r.post(
    "/api/me/cards/:id/presentation",
    {
      config: { access: "card.hold" },
      schema: {
        tags,
        summary: "A fresh one-time QR token and short code (valid about a minute)",
        params: idParams,
        response: { 200: cardPresentationSchema },
      },
    },
    async (request) => cards.presentation(requireUser(request), request.params.id),
  );

  // Redemption at caring shops.
  r.post(
    "/api/caring/redemptions/preview",
    {
      config: { access: "card.redeem" },
      schema: {
        tags,
        summary: "Check a card and compute the discount, writing nothing",
        body: redemptionInputSchema,
        response: { 200: redemptionPreviewSchema },
      },
    },
    async (request) => redemption.preview(requireUser(request), request.body),
  );
  r.post(
    "/api/caring/redemptions",
    {
      config: { access: "card.redeem" },
      schema: {
        tags,
        summary: "Record a sale with the card (exactly once)",
        body: redemptionInputSchema,
        response: { 201: redemptionSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await redemption.redeem(requireUser(request), request.body, actorOf(request))),
  );
  r.get(
    "/api/caring/redemptions",
    {
      config: { access: "caring.read" },
      schema: {
        tags,
        summary: "Redemptions at the stations' shops",
        querystring: redemptionListQuery,
        response: { 200: pageOf(redemptionSchema) },
      },
    },
    async (request) => redemption.list(requireUser(request), request.query),
  );
  r.get(
    "/api/me/shop/redemptions",
    {
      config: { access: "card.redeem" },
      schema: {
        tags,
        summary: "The caring shop's redemptions of a day",
        querystring: z.object({ date: dateSchema.optional() }),
        response: { 200: shopDaySchema },
      },
    },
    async (request) => redemption.shopDay(requireUser(request), request.query.date),
  );

  // Caring shops and their certification.
  r.get(
    "/api/caring/shops",
    {
      config: { access: "caring.read" },
      schema: { tags, summary: "Caring shops", querystring: shopListQuery, response: { 200: pageOf(shopSchema) } },
    },
    async (request) => shops.list(requireUser(request), request.query),
  );
  r.post(
    "/api/caring/shops",
    {
      config: { access: "caring.manage" },
      schema: { tags, summary: "Apply on a merchant's behalf (merchantId)", body: shopApplySchema, response: { 201: shopSchema } },
    },
    async (request, reply) => reply.code(201).send(await shops.applyFor(requireUser(request), request.body, actorOf(request))),
  );
  r.get(
    "/api/caring/shops/:id",
    {
      config: { access: "caring.read" },
      schema: { tags, summary: "One caring shop with its history", params: idParams, response: { 200: shopSchema } },
    },
    async (request) => shops.get(requireUser(request), request.params.id),
  );
  r.post(
    "/api/caring/shops/:id/actions",
    {
      config: { access: "caring.manage" },
      schema: {
        tags,
        summary: "Inspect, certify, review, suspend, reinstate or revoke",
        params: idParams,
        body: shopActionSchema,
        response: { 200: shopSchema },
      },
    },
    async (request) => shops.act(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.get(
    "/api/me/shop",
    {
      config: { access: "card.redeem" },
      schema: { tags, summary: "The merchant's own caring shop (null when it has none)", response: { 200: shopSchema.nullable() } },
    },
    async (request) => shops.own(requireUser(request)),
  );
  r.post(
    "/api/me/shop",
    {
      config: { access: "card.redeem" },
      schema: { tags, summary: "A merchant applies for their own shop", body: shopApplySchema, response: { 201: shopSchema } },
    },
    async (request, reply) => reply.code(201).send(await shops.applyOwn(requireUser(request), request.body, actorOf(request))),
  );
  r.get(
    "/api/public/caring-shops",
    {
      config: { access: "public", rateLimit: limits.public },
      schema: { tags, summary: "Certified caring shops (public)", querystring: stationQuery, response: { 200: z.array(publicShopSchema) } },
    },
    async (request) => shops.publicList(request.query.stationId),
  );
}
