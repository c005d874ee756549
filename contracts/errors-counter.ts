// Error ids of the counter: catalogue and requests; spread into the catalogue in errors.ts.
export const counterErrors = {} as const satisfies Record<string, { status: number; "zh-CN": string; en: string }>;
