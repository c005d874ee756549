import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams } from "../../../contracts/common.ts";
import { scorecardQuery, unitScoreHistorySchema, unitScoreSchema } from "../../../contracts/meetings.ts";
import { requireUser } from "../../platform/auth.ts";
import type { Services } from "../../services.ts";

export async function scorecardRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const service = services.scorecard;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["scorecard"];

  r.get(
    "/api/scorecard",
    {
      config: { access: "scorecard.read" },
      schema: {
        tags,
        summary: "Per alliance unit: problems, on-time rate, rating, meetings attended, action items (unit accounts: their own)",
        querystring: scorecardQuery,
        response: { 200: z.array(unitScoreSchema) },
      },
    },
    async (request) => service.scorecard(requireUser(request), request.query),
  );
  r.get(
    "/api/scorecard/units/:id/history",
    {
      config: { access: "scorecard.read" },
      schema: {
        tags,
        summary: "One unit's figures month by month (default: the last twelve months)",
        params: idParams,
        querystring: scorecardQuery,
        response: { 200: unitScoreHistorySchema },
      },
    },
    async (request) => service.history(requireUser(request), request.params.id, request.query),
  );
}
