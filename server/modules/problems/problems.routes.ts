import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, pageOf } from "../../../contracts/common.ts";
import {
  problemActionSchema,
  problemCategorySchema,
  problemCategoryUpdateSchema,
  problemCreateSchema,
  problemDetailSchema,
  problemListQuery,
  problemSchema,
  publicProblemSchema,
  similarProblemsQuery,
} from "../../../contracts/problems.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import { localeOf } from "../../platform/errors.ts";
import { limits } from "../../platform/rate-limit.ts";
import type { Services } from "../../services.ts";

const publicBoardQuery = z.object({
  stationId: z.coerce.number().int().positive(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const idempotencyHeaders = z.object({ "idempotency-key": z.string().trim().min(1).max(200).optional() });

export async function problemsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const service = services.problems;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["problems"];

  r.get(
    "/api/problem-categories",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "Problem categories with their time limits", response: { 200: z.array(problemCategorySchema) } },
    },
    async () => service.categories(),
  );

  r.patch(
    "/api/problem-categories/:id",
    {
      config: { access: "category.manage" },
      schema: {
        tags,
        summary: "Rename, change the time limit of, or (de)activate a category",
        params: idParams,
        body: problemCategoryUpdateSchema,
        response: { 200: problemCategorySchema },
      },
    },
    async (request) => service.updateCategory(request.params.id, request.body, actorOf(request)),
  );

  r.get(
    "/api/problems",
    {
      config: { access: "problem.read" },
      schema: {
        tags,
        summary: "Problems in the caller's reach, filtered and paged",
        querystring: problemListQuery,
        response: { 200: pageOf(problemSchema) },
      },
    },
    async (request) => service.list(requireUser(request), request.query, localeOf(request)),
  );

  r.get(
    "/api/problems/similar",
    {
      config: { access: "problem.report" },
      schema: {
        tags,
        summary: "Open problems at the same stall or place (shown before a report is submitted)",
        querystring: similarProblemsQuery,
        response: { 200: z.array(problemSchema) },
      },
    },
    async (request) => service.similar(requireUser(request), request.query, localeOf(request)),
  );

  r.post(
    "/api/problems",
    {
      config: { access: "problem.report" },
      schema: {
        tags,
        summary: "Report a problem (a repeated Idempotency-Key within 24 h answers the first report again)",
        headers: idempotencyHeaders,
        body: problemCreateSchema,
        response: { 201: problemDetailSchema },
      },
    },
    async (request, reply) => {
      const problem = await service.create(requireUser(request), request.body, actorOf(request), localeOf(request));
      return reply.code(201).send(problem);
    },
  );

  r.post(
    "/api/problems/escalate",
    {
      config: { access: "problem.manage" },
      schema: {
        tags,
        summary: "Flag overdue problems and put them on the next joint meeting's agenda now",
        response: { 200: z.object({ overdue: z.number().int(), flagged: z.number().int(), escalated: z.number().int() }) },
      },
    },
    async (request) => service.escalateNow(actorOf(request)),
  );

  r.get(
    "/api/problems/:id",
    {
      config: { access: "problem.read" },
      schema: { tags, summary: "One problem with its timeline", params: idParams, response: { 200: problemDetailSchema } },
    },
    async (request) => service.get(requireUser(request), request.params.id, localeOf(request)),
  );

  r.post(
    "/api/problems/:id/actions",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Take one workflow step (version-checked): accept, reject, assign, start, note, resolve, confirm, reopen",
        params: idParams,
        body: problemActionSchema,
        response: { 200: problemDetailSchema },
      },
    },
    async (request) => service.act(requireUser(request), request.params.id, request.body, actorOf(request), localeOf(request)),
  );

  r.get(
    "/api/public/problems",
    {
      config: { access: "public", rateLimit: limits.public },
      schema: {
        tags,
        summary: "The public board: resolved problems and the answers given, without personal data",
        querystring: publicBoardQuery,
        response: { 200: pageOf(publicProblemSchema) },
      },
    },
    async (request) => service.publicBoard(request.query, localeOf(request)),
  );
}
