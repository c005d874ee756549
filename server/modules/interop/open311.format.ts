// The Open311 GeoReport v2 wire format: each answer as JSON or XML (the `.json`/`.xml` suffix of the path), and
// errors as the specification writes them — `[{ "code": 403, "description": "…" }]` or
// `<errors><error><code>403</code><description>…</description></error></errors>`.

export type Open311Format = "json" | "xml";

/** A value of an answer: text, a number, a flag, nothing, a nested element or a list of them. */
export type Open311Value = string | number | boolean | null | Open311Object | Open311Value[];
export interface Open311Object {
  [key: string]: Open311Value;
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c);

function xmlValue(value: Open311Value, itemName: string): string {
  if (value === null) return "";
  if (Array.isArray(value)) return value.map((v) => `<${itemName}>${xmlValue(v, "value")}</${itemName}>`).join("");
  if (typeof value === "object") return xmlObject(value);
  return escapeXml(String(value));
}

/** The item element inside a list element: `attributes` hold `attribute`, `values` hold `value`. */
const itemOf = (listName: string) => (listName.endsWith("s") ? listName.slice(0, -1) : "item");

function xmlObject(o: Open311Object): string {
  return Object.entries(o)
    .map(([key, value]) => `<${key}>${xmlValue(value, itemOf(key))}</${key}>`)
    .join("");
}

/** A list answer: `<services><service>…</service></services>`. */
export function renderList(format: Open311Format, root: string, item: string, items: Open311Object[]): string {
  if (format === "json") return JSON.stringify(items);
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${items.map((i) => `<${item}>${xmlObject(i)}</${item}>`).join("")}</${root}>`;
}

/** A single-element answer: `<service_definition>…</service_definition>`. */
export function renderObject(format: Open311Format, root: string, value: Open311Object): string {
  if (format === "json") return JSON.stringify(value);
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${xmlObject(value)}</${root}>`;
}

export function renderErrors(format: Open311Format, errors: { code: number; description: string }[]): string {
  return renderList(format, "errors", "error", errors);
}

export const contentTypeOf = (format: Open311Format) => (format === "xml" ? "text/xml; charset=utf-8" : "application/json; charset=utf-8");

/** Times as the specification asks (ISO 8601 with the zone): whole seconds, UTC. */
export const open311Time = (iso: string | null) => (iso ? `${iso.slice(0, 19)}Z` : null);

/** A refusal in Open311's terms: its HTTP code and the description naming the field. */
export class Open311Error extends Error {
  readonly code: number;
  readonly description: string;
  constructor(code: number, description: string) {
    super(description);
    this.code = code;
    this.description = description;
  }
}
