/** Endpoints of the resident spreadsheet import; the shared import dialog drives them. */
export const residentImportEndpoints = {
  uploadPath: "/api/residents/imports",
  templatePath: "/api/residents/import-template",
  templateName: "residents-template.xlsx",
} as const;
