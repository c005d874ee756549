import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { fileSchema } from "../../../contracts/files.ts";
import { requireUser } from "../../platform/auth.ts";
import { fail } from "../../platform/errors.ts";
import { limits } from "../../platform/rate-limit.ts";
import type { Services } from "../../services.ts";

export async function filesRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["files"];

  r.post(
    "/api/files",
    {
      config: { access: "authenticated", rateLimit: limits.upload },
      schema: {
        tags,
        summary: "Upload a photo (JPEG, PNG or WebP by its bytes, at most 10 MB; multipart field `file`)",
        consumes: ["multipart/form-data"],
        response: { 201: fileSchema },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw fail("request.unsupported_media_type");
      const user = requireUser(request);
      const file = await request.file();
      if (file?.fieldname !== "file") throw fail("request.invalid", [{ field: "file", key: "v.required" }]);
      let data: Buffer;
      try {
        data = await file.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw fail("file.too_large", [{ field: "file" }]);
        throw error;
      }
      if (file.file.truncated) throw fail("file.too_large", [{ field: "file" }]);
      return reply.code(201).send(await services.files.store(user, data));
    },
  );

  r.get(
    "/api/files/:id",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "A stored photo's bytes (its uploader, or whoever may see the record it belongs to)",
        params: z.object({ id: z.string().max(64) }),
      },
    },
    async (request, reply) => {
      const { contentType, data } = await services.files.read(requireUser(request), request.params.id);
      return reply
        .header("content-type", contentType)
        .header("cache-control", "private, max-age=86400")
        .header("x-content-type-options", "nosniff")
        .send(data);
    },
  );
}
