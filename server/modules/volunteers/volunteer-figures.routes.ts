// The volunteer service's figures over HTTP (each with its citation and an optional drill-down to the records behind a
// row), and the hours as a sheet in the national volunteer system's import layout.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { figuresQuery, hoursExportQuery, volunteerFiguresSchema } from "../../../contracts/volunteer-figures.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import { sendXlsx } from "../../platform/http.ts";
import type { Services } from "../../services.ts";

export async function volunteerFiguresRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const figures = services.volunteers.figures;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["volunteers"];

  r.get(
    "/api/volunteer-figures",
    {
      config: { access: "volunteer.read" },
      schema: {
        tags,
        summary:
          "Figures of a period (default: twelve months): final hours by team, month and volunteer, people served by kind, the 16th and 28th held or missing, the honour roll; each with its citation; `figure` (and `key`) lists the records behind a row",
        querystring: figuresQuery,
        response: { 200: volunteerFiguresSchema },
      },
    },
    async (request) => figures.figures(requireUser(request), request.query),
  );
  r.get(
    "/api/volunteer-figures/hours.xlsx",
    {
      config: { access: "volunteer.read" },
      schema: {
        tags,
        summary:
          "The final hours of a period (default: last month) as xlsx in the national volunteer system's import layout (volunteer number instead of an ID number); audited",
        querystring: hoursExportQuery,
      },
    },
    async (request, reply) => {
      const { data, fileName } = await figures.nationalExport(requireUser(request), request.query, actorOf(request));
      return sendXlsx(reply, data, fileName);
    },
  );
}
