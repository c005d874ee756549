import { z } from "zod";

export const importKinds = ["merchants", "residents", "hotline-orders"] as const;
export const importKindSchema = z.enum(importKinds);
export type ImportKind = z.infer<typeof importKindSchema>;

export const importRowErrorSchema = z.object({
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});

export const importPreviewSchema = z.object({
  id: z.string(),
  kind: importKindSchema,
  fileName: z.string(),
  status: z.enum(["previewed", "imported", "discarded"]),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  importedRows: z.number().int(),
  errors: z.array(importRowErrorSchema),
  /** The first rows as read, for the preview table; `errors` marks the bad ones. */
  sample: z.array(z.object({ row: z.number().int(), values: z.record(z.string(), z.string()) })),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importCommitSchema = z.object({ mode: z.enum(["valid_only", "all"]) }).strict();
