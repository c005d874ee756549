// The session's cookie names and the CSRF header, without zod: the web apps' API client reads them before its
// first screen, and importing them from auth.ts would bring every schema with it.
export const CSRF_HEADER = "x-csrf-token";
export const CSRF_COOKIE = "dd_csrf";
export const SESSION_COOKIE = "dd_session";
