import type { FastifyInstance } from "fastify";
import type { Services } from "../../services.ts";

// The departments' duty roster.
export async function dutyRoutes(_app: FastifyInstance, _deps: { services: Services }) {}
