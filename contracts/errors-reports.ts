// Error ids of the generated reports; spread into the catalogue in errors.ts.
export const reportsErrors = {
  "report.placeholders_changed": {
    status: 400,
    "zh-CN": "第 {paragraph} 段的指标不能改动：{detail}",
    en: "The figures of paragraph {paragraph} cannot be changed: {detail}",
  },
  "report.unknown_paragraph": { status: 400, "zh-CN": "报告中没有第 {paragraph} 段", en: "The report has no paragraph {paragraph}" },
  "report.scope_kind": {
    status: 400,
    "zh-CN": "该类报告的范围应为{kind}",
    en: "This kind of report is made for a {kind}",
  },
  "report.version_missing": { status: 404, "zh-CN": "报告没有第 {number} 版", en: "The report has no version {number}" },
} as const;

export const reportsValidation = {
  "v.placeholders": {
    "zh-CN": "指标占位符不能删除或新增",
    en: "Figure placeholders cannot be removed or added",
  },
} as const;
