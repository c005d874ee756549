// The caring scheme's figures over HTTP: one read of cards, redemptions, shops and meals for a period.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { caringFiguresSchema } from "../../../contracts/caring.ts";
import { requireUser } from "../../platform/auth.ts";
import type { Services } from "../../services.ts";
import { figuresQuery } from "./figures.service.ts";

export async function caringFiguresRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/caring/figures",
    {
      config: { access: "caring.read" },
      schema: {
        tags: ["caring"],
        summary: "Cards issued, active holders, redemptions and discount per shop and month, meals and their coverage",
        querystring: figuresQuery,
        response: { 200: caringFiguresSchema },
      },
    },
    async (request) => services.caringFigures.figures(requireUser(request), request.query),
  );
}
