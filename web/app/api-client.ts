import { CSRF_COOKIE, CSRF_HEADER } from "../../contracts/cookies.ts";
import type { FieldError } from "../../contracts/errors.ts";
import i18n from "./i18n.ts";

/** An error answered by the API, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly id: string;
  readonly fields: FieldError[];

  constructor(status: number, id: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.id = id;
    this.fields = fields;
  }
}

type UnauthorizedListener = () => void;
let onUnauthorized: UnauthorizedListener | null = null;

/** The app decides what a 401 means (go to the login page); the client only reports it. */
export function setUnauthorizedListener(listener: UnauthorizedListener | null): void {
  onUnauthorized = listener;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

export function currentLanguage(): "zh-CN" | "en" {
  return i18n.language === "en" ? "en" : "zh-CN";
}

function headersFor(method: string, extra?: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = { "Accept-Language": currentLanguage(), ...extra };
  if (method !== "GET" && method !== "HEAD") {
    const token = readCookie(CSRF_COOKIE);
    if (token) headers[CSRF_HEADER] = token;
  }
  return headers;
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: fall through to a generic message
  }
  const error = (body as { error?: { id?: string; message?: string; fields?: FieldError[] } } | null)?.error;
  return new ApiError(
    response.status,
    error?.id ?? "internal",
    error?.message ?? i18n.t("common:error.generic", { status: response.status }),
    error?.fields ?? [],
  );
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Do not report a 401 to the app (the login form and the session probe handle it themselves). */
  quiet401?: boolean;
  /** Extra request headers, e.g. an `Idempotency-Key` for a submission that may be retried. */
  headers?: Record<string, string>;
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const hasBody = options.body !== undefined;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      credentials: "same-origin",
      headers: headersFor(method, { ...(hasBody ? { "Content-Type": "application/json" } : {}), ...options.headers }),
      body: hasBody ? JSON.stringify(options.body) : undefined,
    });
  } catch {
    throw new ApiError(0, "network", i18n.t("common:error.network"));
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && !options.quiet401) onUnauthorized?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, options?: Omit<RequestOptions, "query" | "body">) =>
    apiRequest<T>("GET", path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, "body">) =>
    apiRequest<T>("POST", path, { ...options, body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>("PATCH", path, { body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>("PUT", path, { body }),
  delete: <T>(path: string) => apiRequest<T>("DELETE", path),
};

/** Download a file the API produces (xlsx exports, templates) under the name the server suggests. */
export async function downloadFile(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), { credentials: "same-origin", headers: headersFor("GET") });
  } catch {
    throw new ApiError(0, "network", i18n.t("common:error.network"));
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401) onUnauthorized?.();
    throw error;
  }
  const disposition = response.headers.get("content-disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Multipart upload through XHR, because fetch cannot report upload progress. */
export function uploadFile<T>(path: string, file: File, onProgress: (percent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.withCredentials = true;
    for (const [key, value] of Object.entries(headersFor("POST"))) xhr.setRequestHeader(key, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, "network", i18n.t("common:error.network")));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve(body as T);
        return;
      }
      if (xhr.status === 401) onUnauthorized?.();
      const error = (body as { error?: { id?: string; message?: string; fields?: FieldError[] } } | null)?.error;
      reject(
        new ApiError(
          xhr.status,
          error?.id ?? "internal",
          error?.message ?? i18n.t("common:error.generic", { status: xhr.status }),
          error?.fields ?? [],
        ),
      );
    };
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return i18n.t("common:error.generic", { status: "?" });
}
