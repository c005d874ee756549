// Open311 GeoReport v2 on the problem loop: the categories are the services, `POST requests` (with an integrating
// system's API key) reports a problem through the problems service, `GET requests` reads problems that came in
// this way with their state. Refusals are Open311Errors, answered in the specification's error format.
import type { Kysely } from "kysely";
import type { Locale } from "../../../contracts/errors.ts";
import type { ProblemCategory, ProblemStatus } from "../../../contracts/problems.ts";
import { problemStatuses } from "../../../contracts/problems.ts";
import { isMainlandMobile } from "../../../contracts/validators.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import type { ProblemsService } from "../problems/problems.service.ts";
import type { ApiKeysService } from "./api-keys.service.ts";
import type { InteropRepository } from "./interop.repository.ts";
import { Open311Error, type Open311Object } from "./open311.format.ts";
import { attributeCodes, closedStatuses, presentDefinition, presentRequest, presentService } from "./open311.presenter.ts";

const DAY = 86_400_000;
/** What GET requests returns without dates, and at most (the specification's suggested defaults). */
export const DEFAULT_WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1000;

type Body = Record<string, unknown>;

const bad = (field: string, why: string) => new Open311Error(400, `${field}: ${why}`);

/** One text field of a form or JSON body: absent, or a trimmed string (numbers from JSON accepted). */
function text(body: Body, field: string, max: number): string | null {
  const raw = body[field];
  if (raw === undefined || raw === null) return null;
  if (Array.isArray(raw)) throw bad(field, "given more than once");
  if (typeof raw !== "string" && typeof raw !== "number") throw bad(field, "must be text");
  const value = String(raw).trim();
  if (value.length > max) throw bad(field, `longer than ${max} characters`);
  return value === "" ? null : value;
}

function coordinate(body: Body, field: "lat" | "long"): number | null {
  const raw = text(body, field, 30);
  if (raw === null) return null;
  const n = Number(raw);
  const limit = field === "lat" ? 90 : 180;
  if (!Number.isFinite(n) || Math.abs(n) > limit) throw bad(field, `not a number between -${limit} and ${limit}`);
  return n;
}

function instant(value: string | null, field: string): Date | null {
  if (value === null) return null;
  // The specification's w3 subset of ISO 8601: a date, or a date and time with its zone.
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value)) throw bad(field, "not an ISO 8601 date-time");
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw bad(field, "not an ISO 8601 date-time");
  return d;
}

export class Open311Service {
  private readonly db: Kysely<DB>;
  private readonly repo: InteropRepository;
  private readonly keys: ApiKeysService;
  private readonly problems: ProblemsService;
  private readonly clock: Clock;
  constructor(db: Kysely<DB>, repo: InteropRepository, keys: ApiKeysService, problems: ProblemsService, clock: Clock) {
    this.db = db;
    this.repo = repo;
    this.keys = keys;
    this.problems = problems;
    this.clock = clock;
  }

  private async activeCategories(): Promise<ProblemCategory[]> {
    return (await this.problems.categories()).filter((c) => c.active);
  }

  async services(locale: Locale): Promise<Open311Object[]> {
    return (await this.activeCategories()).map((c) => presentService(c, locale));
  }

  async definition(code: string, locale: Locale): Promise<Open311Object> {
    const category = (await this.activeCategories()).find((c) => c.code === code);
    if (!category) throw new Open311Error(404, "service_code: no such service");
    return presentDefinition(category, locale);
  }

  /** POST requests: the key first (a forged one learns nothing else), then every field, then one transaction. */
  async submit(body: Body, locale: Locale, ip: string | null): Promise<Open311Object[]> {
    const apiKey = text(body, "api_key", 200);
    if (!apiKey) throw bad("api_key", "required");
    const key = await this.keys.check(this.db, apiKey, "open311");
    if (!key) throw new Open311Error(403, "api_key: invalid or revoked");

    const serviceCode = text(body, "service_code", 40);
    if (!serviceCode) throw bad("service_code", "required");
    const category = (await this.activeCategories()).find((c) => c.code === serviceCode);
    if (!category) throw bad("service_code", "no such service (see GET services)");
    const lat = coordinate(body, "lat");
    const long = coordinate(body, "long");
    if ((lat === null) !== (long === null)) throw bad(lat === null ? "lat" : "long", "lat and long go together");
    const addressString = text(body, "address_string", 200);
    const addressId = text(body, "address_id", 100);
    if (lat === null && !addressString && !addressId) {
      throw bad("lat", "a location is required: lat and long, address_string or address_id");
    }
    const description = text(body, "description", 2000);
    if (!description) throw bad("description", "required");
    const attributes: Record<string, string> = {};
    for (const field of Object.keys(body)) {
      const m = /^attribute\[(.+)\]$/.exec(field);
      if (!m) continue;
      if (!(attributeCodes as readonly string[]).includes(m[1])) throw bad(field, "no such attribute (see GET services/{code})");
      const value = text(body, field, m[1] === "TITLE" ? 100 : 200);
      if (value !== null) attributes[m[1]] = value;
    }
    if (attributes.TITLE !== undefined && attributes.TITLE.length < 2) throw bad("attribute[TITLE]", "shorter than 2 characters");
    const firstName = text(body, "first_name", 30);
    const lastName = text(body, "last_name", 30);
    const phone = text(body, "phone", 20);
    if (phone !== null && !isMainlandMobile(phone)) throw bad("phone", "not a mainland mobile number");
    text(body, "email", 100); // accepted and not kept: replies go back through this interface
    const deviceId = text(body, "device_id", 100);
    const accountId = text(body, "account_id", 100);
    const mediaUrl = text(body, "media_url", 500);
    if (mediaUrl !== null && !/^https?:\/\/\S+$/i.test(mediaUrl)) throw bad("media_url", "not an http(s) URL");

    const now = this.clock.now();
    const at = now.toISOString();
    const title = attributes.TITLE ?? (description.length > 30 ? `${description.slice(0, 30)}…` : description.padEnd(2, "。"));
    const place = attributes.PLACE ?? addressString ?? (lat !== null ? `${lat}, ${long}` : null);
    const name = [lastName, firstName].filter(Boolean).join("") || null;
    const actor: Actor = { userId: null, name: `Open311 · ${key.name}`, role: null, ip };
    const created = await this.db.transaction().execute(async (trx) => {
      const problem = await this.problems.createProblemRecord(trx, {
        stationId: key.station_id,
        title,
        description,
        categoryCode: category.code,
        source: "open311",
        place,
        reporterName: name ?? key.name,
        reporterPhone: phone,
        actorName: actor.name,
        createdAt: at,
      });
      await this.repo.insertRequest(trx, {
        problem_id: problem.id,
        api_key_id: key.id,
        service_code: category.code,
        lat,
        long,
        address_string: addressString,
        address_id: addressId,
        device_id: deviceId,
        account_id: accountId,
        media_url: mediaUrl,
        attributes: JSON.stringify(attributes),
        created_at: at,
      });
      await this.keys.touch(trx, key.id, at);
      await appendAudit(trx, actor, {
        at: now,
        action: "problem.created",
        objectType: "problem",
        objectId: problem.id,
        stationId: key.station_id,
        after: { code: problem.code, title, categoryCode: category.code, source: "open311", status: "submitted", apiKeyId: key.id },
      });
      return problem;
    });
    const notice =
      locale === "en"
        ? `Registered; once accepted it is resolved within ${category.timeLimitDays} days of assignment`
        : `已登记，服务站受理交办后 ${category.timeLimitDays} 天内办结`;
    return [{ service_request_id: created.code, service_notice: notice, account_id: null }];
  }

  async request(id: string, locale: Locale): Promise<Open311Object[]> {
    const row = await this.repo.requestByCode(id);
    if (!row) throw new Open311Error(404, "service_request_id: no such request");
    const last = await this.repo.lastEvents([row.problem_id]);
    return [presentRequest(row, last.get(row.problem_id), locale)];
  }

  async requests(query: Body, locale: Locale): Promise<Open311Object[]> {
    const ids = text(query, "service_request_id", 2000);
    const serviceCode = text(query, "service_code", 40);
    const status = text(query, "status", 20);
    const start = instant(text(query, "start_date", 40), "start_date");
    const end = instant(text(query, "end_date", 40), "end_date");
    if (start && end && start > end) throw bad("end_date", "before start_date");
    let statusIn: readonly ProblemStatus[] | undefined;
    if (status !== null) {
      const wanted = status.split(",").map((s) => s.trim());
      if (wanted.some((s) => s !== "open" && s !== "closed")) throw bad("status", "open, closed or both");
      if (!(wanted.includes("open") && wanted.includes("closed"))) {
        statusIn = wanted.includes("open") ? problemStatuses.filter((s) => !closedStatuses.includes(s)) : closedStatuses;
      }
    }
    const to = end ?? new Date(this.clock.now().getTime() + 1000);
    const from = start ?? new Date(to.getTime() - DEFAULT_WINDOW_DAYS * DAY);
    // With ids, the other filters do not apply (the specification's rule).
    const rows = await this.repo.listRequests(
      ids !== null
        ? {
            codes: ids
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean),
            from: "0000",
            to: "9999",
            limit: MAX_REQUESTS,
          }
        : { serviceCode: serviceCode ?? undefined, statusIn, from: from.toISOString(), to: to.toISOString(), limit: MAX_REQUESTS },
    );
    const last = await this.repo.lastEvents(rows.map((r) => r.problem_id));
    return rows.map((r) => presentRequest(r, last.get(r.problem_id), locale));
  }
}
