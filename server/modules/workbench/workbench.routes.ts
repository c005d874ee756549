import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { workbenchQuery, workbenchSchema } from "../../../contracts/workbench.ts";
import { requireUser } from "../../platform/auth.ts";
import type { Services } from "../../services.ts";

export async function workbenchRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/me/workbench",
    {
      config: { access: "home.read" },
      schema: {
        tags: ["workbench"],
        summary: "What waits for the signed-in account, each figure with the list holding its records",
        querystring: workbenchQuery,
        response: { 200: workbenchSchema },
      },
    },
    async (request) => services.workbench.of(requireUser(request), request.query.stationId),
  );
}
