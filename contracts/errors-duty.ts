// Error ids of the duty roster and the Red Shield post; spread into the catalogue in errors.ts.
export const dutyErrors = {} as const satisfies Record<string, { status: number; "zh-CN": string; en: string }>;
