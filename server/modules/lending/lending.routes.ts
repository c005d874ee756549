import type { FastifyInstance } from "fastify";
import type { Services } from "../../services.ts";

// Lendable items and their loans.
export async function lendingRoutes(_app: FastifyInstance, _deps: { services: Services }) {}
