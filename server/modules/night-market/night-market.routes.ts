// The night market over HTTP: the console's seasons, pitch map, applications and allocation, payments, the
// night's board, reports, incidents, jobs register and figures; the phone's operator and resident views.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, pageOf } from "../../../contracts/common.ts";
import {
  allocationResultSchema,
  allocationRunSchema,
  applicationCreateSchema,
  applicationListQuery,
  applicationReviewSchema,
  applicationSchema,
  boardSchema,
  checkInSchema,
  claimSchema,
  countsInputSchema,
  figuresQuery,
  figuresSchema,
  incidentCreateSchema,
  incidentListQuery,
  incidentSchema,
  jobCreateSchema,
  jobListQuery,
  jobSchema,
  jobUpdateSchema,
  myNightMarketSchema,
  nightCloseSchema,
  nightCorrectionSchema,
  nightListQuery,
  nightQuery,
  nightReportSchema,
  paymentCreateSchema,
  pitchCreateSchema,
  pitchNightSchema,
  pitchSchema,
  pitchUpdateSchema,
  seasonCreateSchema,
  seasonSchema,
  seasonUpdateSchema,
  takingsSchema,
  tonightSchema,
} from "../../../contracts/night-market.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import { sendXlsx } from "../../platform/http.ts";
import type { Services } from "../../services.ts";

const stationQuery = z.object({ stationId: z.coerce.number().int().positive().max(2_147_483_647).optional() });
const seasonScoped = z.object({ seasonId: z.coerce.number().int().positive().max(2_147_483_647).optional() });

export async function nightMarketRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const market = services.nightMarket;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["night-market"];
  const read = { access: "nightmarket.read" as const };
  const manage = { access: "nightmarket.manage" as const };
  const operate = { access: "nightmarket.operate" as const };

  // Seasons and the pitch map
  r.get(
    "/api/night-market-seasons",
    {
      config: read,
      schema: { tags, summary: "The night-market seasons", querystring: stationQuery, response: { 200: z.array(seasonSchema) } },
    },
    async (q) => market.seasons(requireUser(q), q.query.stationId),
  );
  r.post(
    "/api/night-market-seasons",
    {
      config: manage,
      schema: {
        tags,
        summary: "Create a season (a draft) with its nightly hours, closed nights and allocation rule",
        body: seasonCreateSchema,
        response: { 201: seasonSchema },
      },
    },
    async (q, reply) => reply.code(201).send(await market.createSeason(requireUser(q), q.body, actorOf(q))),
  );
  r.get(
    "/api/night-market-seasons/:id",
    { config: read, schema: { tags, summary: "A season", params: idParams, response: { 200: seasonSchema } } },
    async (q) => market.season(requireUser(q), q.params.id),
  );
  r.patch(
    "/api/night-market-seasons/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "Edit a season, open it for applications or close it",
        params: idParams,
        body: seasonUpdateSchema,
        response: { 200: seasonSchema },
      },
    },
    async (q) => market.updateSeason(requireUser(q), q.params.id, q.body, actorOf(q)),
  );
  r.get(
    "/api/night-market-seasons/:id/pitches",
    { config: read, schema: { tags, summary: "A season's pitch map", params: idParams, response: { 200: z.array(pitchSchema) } } },
    async (q) => market.pitches(requireUser(q), q.params.id),
  );
  r.post(
    "/api/night-market-seasons/:id/pitches",
    {
      config: manage,
      schema: { tags, summary: "Add a pitch to the map", params: idParams, body: pitchCreateSchema, response: { 201: pitchSchema } },
    },
    async (q, reply) => reply.code(201).send(await market.createPitch(requireUser(q), q.params.id, q.body, actorOf(q))),
  );
  r.patch(
    "/api/night-market-pitches/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "Edit a pitch (number, kind, size, power, fee, position)",
        params: idParams,
        body: pitchUpdateSchema,
        response: { 200: pitchSchema },
      },
    },
    async (q) => market.updatePitch(requireUser(q), q.params.id, q.body, actorOf(q)),
  );

  // Applications and allocation
  r.get(
    "/api/night-market-applications",
    {
      config: read,
      schema: {
        tags,
        summary: "Applications for pitches",
        querystring: applicationListQuery,
        response: { 200: pageOf(applicationSchema) },
      },
    },
    async (q) => market.applications(requireUser(q), q.query),
  );
  r.post(
    "/api/night-market-applications/:id/review",
    {
      config: manage,
      schema: {
        tags,
        summary: "Approve or reject an application",
        params: idParams,
        body: applicationReviewSchema,
        response: { 200: applicationSchema },
      },
    },
    async (q) => market.review(requireUser(q), q.params.id, q.body, actorOf(q)),
  );
  r.post(
    "/api/night-market-seasons/:id/allocation",
    {
      config: manage,
      schema: {
        tags,
        summary: "Run the season's allocation by its rule (a lottery's seed is recorded); once",
        params: idParams,
        body: allocationRunSchema,
        response: { 201: allocationResultSchema },
      },
    },
    async (q, reply) => reply.code(201).send(await market.runAllocation(requireUser(q), q.params.id, q.body, actorOf(q))),
  );
  r.get(
    "/api/night-market-seasons/:id/allocation",
    {
      config: read,
      schema: {
        tags,
        summary: "The allocation run: rule, seed, pitches per operator, waiting list",
        params: idParams,
        response: { 200: allocationResultSchema },
      },
    },
    async (q) => market.allocation(requireUser(q), q.params.id),
  );
  r.get(
    "/api/night-market-seasons/:id/allocation/verify",
    {
      config: read,
      schema: {
        tags,
        summary: "Re-run the recorded allocation from its recorded input and seed and compare",
        params: idParams,
        response: {
          200: z.object({ seed: z.string().nullable(), recordedHash: z.string(), rerunHash: z.string(), identical: z.boolean() }),
        },
      },
    },
    async (q) => market.verifyAllocation(requireUser(q), q.params.id),
  );
  r.get(
    "/api/night-market-seasons/:id/payments",
    { config: read, schema: { tags, summary: "Fees, deposits and refunds of a season, with each operator's balance", params: idParams } },
    async (q) => market.payments(requireUser(q), q.params.id),
  );
  r.post(
    "/api/night-market-seasons/:id/payments",
    {
      config: manage,
      schema: { tags, summary: "Record a fee, a deposit or a refund (integer fen)", params: idParams, body: paymentCreateSchema },
    },
    async (q, reply) => reply.code(201).send(await market.recordPayment(requireUser(q), q.params.id, q.body, actorOf(q))),
  );

  // Each night
  r.get(
    "/api/night-market-board",
    {
      config: read,
      schema: {
        tags,
        summary: "A night's board: pitches, who holds them, check-ins, offers, the report",
        querystring: nightQuery,
        response: { 200: boardSchema },
      },
    },
    async (q) => market.nights.board(requireUser(q), q.query),
  );
  r.get(
    "/api/night-market-nights",
    {
      config: read,
      schema: {
        tags,
        summary: "Nightly reports",
        querystring: nightListQuery.extend(seasonScoped.shape),
        response: { 200: pageOf(nightReportSchema) },
      },
    },
    async (q) => market.nights.nights(requireUser(q), q.query),
  );
  r.get(
    "/api/night-market-nights/:id",
    {
      config: read,
      schema: { tags, summary: "A night's report with its counts and takings", params: idParams, response: { 200: nightReportSchema } },
    },
    async (q) => market.nights.night(requireUser(q), q.params.id),
  );
  r.post(
    "/api/night-market-nights/counts",
    {
      config: manage,
      schema: {
        tags,
        summary: "Record a night's entrance counts (with the method) and weather",
        body: countsInputSchema,
        response: { 200: nightReportSchema },
      },
    },
    async (q) => market.nights.recordCounts(requireUser(q), q.body, actorOf(q)),
  );
  r.post(
    "/api/night-market-nights/:id/close",
    {
      config: manage,
      schema: {
        tags,
        summary: "Close the night: compute and keep its figures",
        params: idParams,
        body: nightCloseSchema,
        response: { 200: nightReportSchema },
      },
    },
    async (q) => market.nights.close(requireUser(q), q.params.id, actorOf(q)),
  );
  r.post(
    "/api/night-market-nights/:id/correction",
    {
      config: manage,
      schema: {
        tags,
        summary: "Correct a closed night, with a reason (audited)",
        params: idParams,
        body: nightCorrectionSchema,
        response: { 200: nightReportSchema },
      },
    },
    async (q) => market.nights.correct(requireUser(q), q.params.id, q.body, actorOf(q)),
  );
  r.get(
    "/api/night-market-incidents",
    {
      config: read,
      schema: {
        tags,
        summary: "Incidents of the nights",
        querystring: incidentListQuery.extend(seasonScoped.shape),
        response: { 200: pageOf(incidentSchema) },
      },
    },
    async (q) => market.nights.incidents(requireUser(q), q.query),
  );
  r.post(
    "/api/night-market-incidents",
    {
      config: manage,
      schema: {
        tags,
        summary: "Record an incident (noise, hygiene, dispute…), optionally a bad record and a problem",
        body: incidentCreateSchema,
        response: { 201: incidentSchema },
      },
    },
    async (q, reply) => reply.code(201).send(await market.nights.recordIncident(requireUser(q), q.body, actorOf(q))),
  );

  // Jobs register and figures
  r.get(
    "/api/night-market-jobs",
    {
      config: read,
      schema: {
        tags,
        summary: "The jobs register (names and mobiles masked)",
        querystring: jobListQuery,
        response: { 200: pageOf(jobSchema) },
      },
    },
    async (q) => market.register.list(requireUser(q), q.query),
  );
  r.post(
    "/api/night-market-jobs",
    {
      config: manage,
      schema: { tags, summary: "Register a job created by the night market", body: jobCreateSchema, response: { 201: jobSchema } },
    },
    async (q, reply) => reply.code(201).send(await market.register.create(requireUser(q), q.body, actorOf(q))),
  );
  r.patch(
    "/api/night-market-jobs/:id",
    {
      config: manage,
      schema: { tags, summary: "End a job or record its contract", params: idParams, body: jobUpdateSchema, response: { 200: jobSchema } },
    },
    async (q) => market.register.update(requireUser(q), q.params.id, q.body, actorOf(q)),
  );
  r.post(
    "/api/night-market-jobs/:id/unmask",
    {
      config: manage,
      schema: { tags, summary: "One job with its personal data unmasked (audited)", params: idParams, response: { 200: jobSchema } },
    },
    async (q) => market.register.unmasked(requireUser(q), q.params.id, actorOf(q)),
  );
  r.get(
    "/api/night-market-figures",
    {
      config: read,
      schema: {
        tags,
        summary: "Visitors, turnover and operators a night, jobs, incidents, each with its citation and nights",
        querystring: figuresQuery,
        response: { 200: figuresSchema },
      },
    },
    async (q) => market.figures.figures(requireUser(q), q.query),
  );
  r.get(
    "/api/night-market-figures/export",
    { config: read, schema: { tags, summary: "The figures as xlsx", querystring: figuresQuery } },
    async (q, reply) => {
      const { data, fileName } = await market.figures.export(requireUser(q), q.query);
      return sendXlsx(reply, data, fileName);
    },
  );

  // The phone
  r.get(
    "/api/night-market/mine",
    {
      config: operate,
      schema: {
        tags,
        summary: "The operator's applications, pitches tonight and coming, offers, takings",
        response: { 200: myNightMarketSchema },
      },
    },
    async (q) => market.nights.mine(requireUser(q)),
  );
  r.get(
    "/api/night-market/tonight",
    {
      config: operate,
      schema: { tags, summary: "Tonight's market: open or not, its hours and pitches", response: { 200: tonightSchema } },
    },
    async (q) => market.nights.tonight(requireUser(q)),
  );
  r.post(
    "/api/night-market/applications",
    {
      config: operate,
      schema: {
        tags,
        summary: "Apply for a season's pitches (goods, documents, food licence)",
        body: applicationCreateSchema,
        response: { 201: applicationSchema },
      },
    },
    async (q, reply) => reply.code(201).send(await market.apply(requireUser(q), q.body, actorOf(q))),
  );
  r.post(
    "/api/night-market/applications/:id/withdraw",
    { config: operate, schema: { tags, summary: "Withdraw one's application", params: idParams, response: { 200: applicationSchema } } },
    async (q) => market.withdraw(requireUser(q), q.params.id, actorOf(q)),
  );
  r.post(
    "/api/night-market/check-in",
    {
      config: operate,
      schema: { tags, summary: "Check in at one's pitch for the night", body: checkInSchema, response: { 200: pitchNightSchema } },
    },
    async (q) => market.nights.checkIn(requireUser(q), q.body, actorOf(q)),
  );
  r.post(
    "/api/night-market/claims",
    {
      config: operate,
      schema: {
        tags,
        summary: "Claim a pitch offered to the waiting list (one claimer wins)",
        body: claimSchema,
        response: { 201: pitchNightSchema },
      },
    },
    async (q, reply) => reply.code(201).send(await market.nights.claim(requireUser(q), q.body, actorOf(q))),
  );
  r.post(
    "/api/night-market/takings",
    {
      config: operate,
      schema: {
        tags,
        summary: "Report the night's takings (integer fen)",
        body: takingsSchema,
        response: { 200: z.object({ night: z.string(), amountFen: z.number().int(), unusual: z.boolean() }) },
      },
    },
    async (q) => market.nights.reportTakings(requireUser(q), q.body, actorOf(q)),
  );
}
