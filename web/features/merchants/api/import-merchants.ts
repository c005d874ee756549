/** Endpoints of the merchant spreadsheet import; the shared import dialog drives them. */
export const merchantImportEndpoints = {
  uploadPath: "/api/merchants/imports",
  templatePath: "/api/merchants/import-template",
  templateName: "merchants-template.xlsx",
} as const;
