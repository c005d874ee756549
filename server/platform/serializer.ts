// Responses written by a serializer compiled from the route's response schema (fast-json-stringify, as fastify does
// for JSON Schema routes) instead of encoding every response with zod at run time (fastify-type-provider-zod's
// serializerCompiler, which walks and copies the whole object before JSON.stringify).
//
// What the zod pass protected is kept: only the schema's properties are written (the JSON Schema of an output object
// has `additionalProperties: false`, so a field the contract does not name never leaks), and a missing required
// field still fails the response. What it no longer checks in production: a value's refinements (formats, ranges,
// enum members) — the services' types guarantee those, and the test run still checks them: with NODE_ENV=test every
// response is written both ways, zod's error (a contract violation) answers as before, and a compiled answer that
// differs from zod's fails the request, so the test run proves the production serializer writes what zod would.
//
// A schema that JSON Schema cannot carry (a transform, a codec, a custom check) keeps zod's serializer. The compile
// happens on a route's first response, so start-up pays nothing for routes never answered.
import { isDeepStrictEqual } from "node:util";
import fastJson from "fast-json-stringify";
import type { FastifySerializerCompiler } from "fastify/types/schema.js";
import { serializerCompiler as zodSerializerCompiler } from "fastify-type-provider-zod";
import { type ZodType, z } from "zod";
import { $ZodType } from "zod/v4/core";

type RouteSchema = { schema: unknown; method: string; url: string };

function zodSchemaOf(maybe: unknown): ZodType | null {
  if (maybe instanceof $ZodType) return maybe as unknown as ZodType;
  const inner = (maybe as { properties?: unknown } | null)?.properties;
  return inner instanceof $ZodType ? (inner as unknown as ZodType) : null;
}

/** The compiled writer for a zod schema, or null when JSON Schema cannot carry it. */
export function compileSerializer(schema: ZodType): ((data: unknown) => string) | null {
  try {
    const json = z.toJSONSchema(schema, { io: "output", unrepresentable: "throw", target: "draft-7" }) as Record<string, unknown>;
    delete json.$schema;
    return fastJson(json as unknown as Parameters<typeof fastJson>[0]) as (data: unknown) => string;
  } catch {
    return null;
  }
}

export function compiledSerializerCompiler(opts: { checkWithZod: boolean }): FastifySerializerCompiler<unknown> {
  return (route) => {
    const { schema: maybe, method, url } = route as RouteSchema;
    const schema = zodSchemaOf(maybe);
    const zodWriter = zodSerializerCompiler(route as never) as (data: unknown) => string;
    if (!schema) return zodWriter;
    let writer: ((data: unknown) => string) | null | undefined;
    return (data: unknown) => {
      if (writer === undefined) writer = compileSerializer(schema);
      if (writer === null) return zodWriter(data);
      if (!opts.checkWithZod) return writer(data);
      const byZod = zodWriter(data);
      const compiled = writer(data);
      if (!isDeepStrictEqual(JSON.parse(compiled), JSON.parse(byZod)))
        throw new Error(`${method} ${url}: the compiled serializer wrote ${compiled.slice(0, 300)} where zod wrote ${byZod.slice(0, 300)}`);
      return compiled;
    };
  };
}
