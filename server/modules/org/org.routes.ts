import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { homeCountsSchema, orgUnitSchema } from "../../../contracts/org.ts";
import { requireUser } from "../../platform/auth.ts";
import type { Services } from "../../services.ts";

export async function orgRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/org-units",
    {
      config: { access: "org.read" },
      schema: { tags: ["org"], summary: "The org tree in reach", response: { 200: z.array(orgUnitSchema) } },
    },
    async (request) => services.org.units(requireUser(request)),
  );
  r.get(
    "/api/home",
    {
      config: { access: "home.read" },
      schema: {
        tags: ["org"],
        summary: "Key counts of the stations in reach",
        querystring: z.object({ stationId: z.coerce.number().int().positive().optional() }),
        response: { 200: homeCountsSchema },
      },
    },
    async (request) => services.org.home(requireUser(request), request.query.stationId),
  );
}
