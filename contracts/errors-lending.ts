// Error ids of lendable items and the fair scale; spread into the catalogue in errors.ts.
export const lendingErrors = {} as const satisfies Record<string, { status: number; "zh-CN": string; en: string }>;
