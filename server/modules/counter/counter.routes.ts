import type { FastifyInstance } from "fastify";
import type { Services } from "../../services.ts";

// The station counter: the service catalogue, requests, the queue and ratings.
export async function counterRoutes(_app: FastifyInstance, _deps: { services: Services }) {}
