import { z } from "zod";

/** Photos are JPEG, PNG or WebP, recognised by their bytes (not the name), at most 10 MB each. */
export const imageTypes = ["image/jpeg", "image/png", "image/webp"] as const;

export const fileSchema = z.object({
  id: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  /** Where the file is served: GET /api/files/:id (visible to those who may see the record it belongs to). */
  url: z.string(),
});
export type StoredFile = z.infer<typeof fileSchema>;
