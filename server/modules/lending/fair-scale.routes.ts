import type { FastifyInstance } from "fastify";
import type { Services } from "../../services.ts";

// The fair scale: re-weighs and findings.
export async function fairScaleRoutes(_app: FastifyInstance, _deps: { services: Services }) {}
