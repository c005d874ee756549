// Error ids and validation messages of org management (streets, communities, stations); spread into the catalogue
// in errors.ts.
export const orgErrors = {
  "org.code_taken": { status: 409, "zh-CN": "编码 {code} 已被使用", en: "The code {code} is already used" },
  "org.parent_kind": {
    status: 400,
    "zh-CN": "上级单位不符：街道建在区之下，社区建在街道之下，服务站建在社区之下",
    en: "Wrong parent: a street goes under a district, a community under a street, a station under a community",
  },
} as const;

export const orgValidation = {
  "v.org_code": {
    "zh-CN": "编码由字母、数字和连字符组成，最长 40 个字符",
    en: "A code is letters, digits and hyphens, at most 40 characters",
  },
} as const;
