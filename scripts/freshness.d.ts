// Types of scripts/freshness.js (plain JavaScript, run by `npm start` before the server).
export const ROOT: string;
export const WEB_BUILT: string;
export const SERVER_BUILD: string;
export const SERVER_BUILT_STAMP: string;
export const SERVER_MAIN: string;
export const SERVER_TREES: string[];
export function newest(...paths: string[]): number;
export function stale(built: string, ...sources: string[]): boolean;
export function webStale(): boolean;
export function serverStale(): boolean;
export function ensureBuilt(options?: { quiet?: boolean }): void;
