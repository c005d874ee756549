// Error ids of the merchant economy (policies, relief, survival, directed consumption, the funding ledger), and the
// validation messages its contract uses; both spread into the catalogue in errors.ts.
export const economyErrors = {
  "economy.policy_transition": {
    status: 409,
    "zh-CN": "该政策当前状态不允许此操作",
    en: "The policy's current status does not allow this",
  },
  "economy.policy_not_open": {
    status: 409,
    "zh-CN": "该政策未在申报期内（{opensOn} 至 {deadline}）",
    en: "The policy is not open for applications ({opensOn} to {deadline})",
  },
  "economy.not_eligible": {
    status: 409,
    "zh-CN": "该商户不符合政策条件：{unmet}",
    en: "The merchant does not meet the policy's conditions: {unmet}",
  },
  "economy.already_applied": {
    status: 409,
    "zh-CN": "该商户已申请此项政策，不能重复申请",
    en: "This merchant has already applied for this policy",
  },
  "economy.above_cap": {
    status: 400,
    "zh-CN": "金额超过政策上限 {cap} 元",
    en: "The amount is above the policy's cap of {cap} yuan",
  },
  "economy.relief_transition": {
    status: 409,
    "zh-CN": "申请当前为“{status}”，不能{step}",
    en: "The application is {status}; it cannot be {step}",
  },
  "economy.above_approved": {
    status: 400,
    "zh-CN": "拨付金额超过核准金额 {approved} 元",
    en: "The disbursement is above the approved {approved} yuan",
  },
  "economy.loan_required": {
    status: 400,
    "zh-CN": "贴息贷款须填写本金、利率、贴息金额和期限",
    en: "An interest-subsidised loan needs its principal, rate, subsidy and term",
  },
  "economy.not_a_loan": {
    status: 400,
    "zh-CN": "该政策不是贴息贷款，不能填写贷款信息",
    en: "This policy is not a loan; leave the loan details out",
  },
  "economy.no_merchant": {
    status: 404,
    "zh-CN": "未找到该商户",
    en: "No such merchant",
  },
  "economy.bad_policy": {
    status: 400,
    "zh-CN": "政策不存在或不属于本服务站",
    en: "The policy does not exist or belongs to another station",
  },
  "economy.bad_file": {
    status: 400,
    "zh-CN": "附件不存在、已被使用或不是您上传的",
    en: "An attachment does not exist, is already used or was not uploaded by you",
  },
  "economy.month_ahead": {
    status: 400,
    "zh-CN": "不能确认尚未开始的月份",
    en: "A month that has not begun cannot be confirmed",
  },
  "economy.bad_source": {
    status: 400,
    "zh-CN": "资金来源不存在或不属于本服务站",
    en: "The funding source does not exist or belongs to another station",
  },
  "economy.bad_project": {
    status: 400,
    "zh-CN": "项目不存在或不属于本服务站",
    en: "The project does not exist or belongs to another station",
  },
  "economy.bad_allocation": {
    status: 400,
    "zh-CN": "资金拨付不存在或不属于本服务站",
    en: "The allocation does not exist or belongs to another station",
  },
  "economy.source_exhausted": {
    status: 409,
    "zh-CN": "资金来源余额不足：尚可拨付 {available} 元",
    en: "The source has too little left: {available} yuan can still be allocated",
  },
  "economy.allocation_exhausted": {
    status: 409,
    "zh-CN": "拨付余额不足：尚可支出 {available} 元",
    en: "The allocation has too little left: {available} yuan can still be spent",
  },
  "economy.expenditure_decided": {
    status: 409,
    "zh-CN": "该笔支出已审批",
    en: "This expenditure has already been decided",
  },
  "economy.bad_enterprise": {
    status: 400,
    "zh-CN": "企业不存在或不属于本服务站",
    en: "The enterprise does not exist or belongs to another station",
  },
  "economy.received_below_allocated": {
    status: 409,
    "zh-CN": "到账金额不能少于已拨付的 {allocated} 元",
    en: "The money received cannot be less than the {allocated} yuan already allocated",
  },
  "economy.enterprise_exists": { status: 409, "zh-CN": "已有同名企业", en: "An enterprise of this name exists" },
  "economy.invoice_taken": {
    status: 409,
    "zh-CN": "发票/收据号 {invoice} 已登记过",
    en: "Receipt number {invoice} is already recorded",
  },
  "economy.purchase_transition": {
    status: 409,
    "zh-CN": "该笔消费已确认或已提出异议",
    en: "This purchase has already been confirmed or disputed",
  },
  "economy.import_rejected": {
    status: 400,
    "zh-CN": "有 {count} 行不能导入，未写入任何数据：{rows}",
    en: "{count} rows cannot be imported and nothing was written: {rows}",
  },
  "economy.import_columns": {
    status: 400,
    "zh-CN": "表格中没有找到这些列：{missing}",
    en: "The sheet has no columns named: {missing}",
  },
} as const;

export const economyValidation = {
  "v.fen": {
    "zh-CN": "金额须为不小于 0 的整数（单位：分），且不超过 2000 万元",
    en: "Amounts are whole fen, not negative, and at most 20,000,000 yuan",
  },
  "v.month": { "zh-CN": "月份格式应为 YYYY-MM", en: "Months are written YYYY-MM" },
  "v.shares": { "zh-CN": "各项份额合计须为 100%", en: "The shares must add up to 100 %" },
} as const;
