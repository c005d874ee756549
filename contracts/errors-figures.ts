// Error ids and validation messages of the figures dictionary, the big screen and the reports; spread into the
// catalogue in errors.ts.
export const figuresErrors = {
  "figure.unknown": { status: 404, "zh-CN": "指标 {id} 不存在", en: "There is no figure {id}" },
  "figure.scope_kind": {
    status: 400,
    "zh-CN": "指标 {id} 不能按{kind}统计",
    en: "Figure {id} is not computed for a {kind}",
  },
} as const;

export const figuresValidation = {
  "v.scope": {
    "zh-CN": "范围格式应为 station:编号、street:编号 或 district:编号",
    en: "A scope is written station:ID, street:ID or district:ID",
  },
  "v.period": {
    "zh-CN": "期间格式应为 2026、2026-03、2026-01-01..2026-06-30、last12 或 last30",
    en: "A period is written 2026, 2026-03, 2026-01-01..2026-06-30, last12 or last30",
  },
  "v.figure": { "zh-CN": "指标编号格式应为 模块.名称", en: "A figure id is written module.name" },
} as const;
