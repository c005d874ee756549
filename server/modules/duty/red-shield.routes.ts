import type { FastifyInstance } from "fastify";
import type { Services } from "../../services.ts";

// The Red Shield post: sessions, slots, consultations.
export async function redShieldRoutes(_app: FastifyInstance, _deps: { services: Services }) {}
