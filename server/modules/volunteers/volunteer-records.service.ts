// The service record (志愿服务记录证明): the station that recorded a volunteer's service issues it for a period (谁记录
// 谁证明) with a number unique per station (TY-VR-2026-0001, taken from the station's counter row for the year, so two
// issues at once get two numbers); what it certifies is stored as content with its SHA-256, the PDF rendered from it is
// stored with its own; the volunteer downloads their records; anyone holding one checks it on a public page.
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import { monthRange, shiftMonth, stationDate, stationMonth } from "../../../contracts/calendar.ts";
import {
  hoursOf,
  MAX_RECORD_DAYS,
  maskName,
  type RecordCheck,
  type RecordContent,
  type recordIssueSchema,
  type recordListQuery,
  type VolunteerRecord,
} from "../../../contracts/volunteer-records.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { fail, invalidField, notFound } from "../../platform/errors.ts";
import { notoSansSc } from "../../platform/pdf.ts";
import { reachesStation, type SessionUser, stationFilter } from "../../platform/scope.ts";
import type { CountedEntry, VolunteerHours } from "./volunteer-hours.ts";
import { renderRecordPdf } from "./volunteer-records.pdf.ts";
import type { VolunteerReportsRepository } from "./volunteer-reports.repository.ts";
import { manages, refuse, volunteerOf } from "./volunteers.access.ts";
import type { VolunteersRepository } from "./volunteers.repository.ts";
import { recordPeriodStep } from "./volunteers.workflow.ts";

export const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** Where a record's QR leads: the public check page, with the content's hash. */
export const checkPath = (number: string, hash: string) => `/api/public/volunteer-records/${encodeURIComponent(number)}/page?h=${hash}`;

type RecordRow = NonNullable<Awaited<ReturnType<VolunteerReportsRepository["record"]>>>;

export function presentRecord(row: RecordRow, pdfUrl: string): VolunteerRecord {
  return {
    id: row.id,
    stationId: row.station_id,
    stationName: row.station_name,
    number: row.number,
    volunteerId: row.volunteer_id,
    volunteerName: row.real_name,
    volunteerNumber: row.volunteer_number,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    minutes: row.minutes,
    hours: hoursOf(row.minutes),
    entries: row.entries,
    contentHash: row.content_hash,
    pdfSha256: row.pdf_sha256,
    issuedBy: row.issued_by_name,
    issuedAt: row.issued_at,
    pdfUrl,
    checkUrl: checkPath(row.number, row.content_hash),
  };
}

export interface IssueInput {
  volunteerId: number;
  from: string;
  to: string;
}

export class VolunteerRecordsService {
  private readonly db: Kysely<DB>;
  private readonly repo: VolunteersRepository;
  private readonly reports: VolunteerReportsRepository;
  private readonly hours: VolunteerHours;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, repo: VolunteersRepository, reports: VolunteerReportsRepository, hours: VolunteerHours, clock: Clock) {
    this.db = db;
    this.repo = repo;
    this.reports = reports;
    this.hours = hours;
    this.clock = clock;
  }

  /** What a record of the volunteer for the period would certify (the console shows it before issuing). */
  async preview(user: SessionUser, volunteerId: number, query: { from?: string; to?: string }) {
    const now = this.clock.now();
    const lastMonth = monthRange(shiftMonth(stationMonth(now), -1));
    const period = { from: query.from ?? lastMonth.from, to: query.to ?? lastMonth.to };
    if (period.to < period.from) throw invalidField("to", "v.date_order");
    const volunteer = await this.repo.volunteer(volunteerId);
    if (!volunteer || !reachesStation(user, volunteer.station_id)) throw notFound();
    const entries = await this.hours.counted({ stationIds: [volunteer.station_id], volunteerId, ...period }, now);
    const minutes = entries.reduce((n, e) => n + e.minutes, 0);
    return {
      volunteerId,
      from: period.from,
      to: period.to,
      entries: entries.map(recordEntryOf),
      totals: { minutes, hours: hoursOf(minutes), entries: entries.length },
    };
  }

  /**
   * Issues a record: the station's staff for one of its volunteers, over a period ending by today, with at least one
   * service whose hours are final. The number is taken under the station's counter row for the year, in the same
   * transaction as the record, its PDF and the audit entry.
   */
  async issue(user: SessionUser, input: z.output<typeof recordIssueSchema>, origin: string, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const today = stationDate(now);
    const volunteer = await this.repo.volunteer(input.volunteerId);
    if (!volunteer || !manages(user, volunteer.station_id)) throw fail("record.not_found", [{ field: "volunteerId" }]);
    if (recordPeriodStep(input.from, input.to, today, MAX_RECORD_DAYS)) throw refuse("volunteer.record_period", {}, "to");
    const stationId = volunteer.station_id;
    const entries = await this.hours.counted({ stationIds: [stationId], volunteerId: volunteer.id, from: input.from, to: input.to }, now);
    if (entries.length === 0) {
      throw refuse("volunteer.record_empty", { name: volunteer.real_name, from: input.from, to: input.to }, "from");
    }
    const minutes = entries.reduce((n, e) => n + e.minutes, 0);
    const [stationName, prefix, teams] = await Promise.all([
      this.reports.stationName(stationId),
      this.reports.numberPrefix(stationId),
      this.reports.teamNamesOf([volunteer.id]),
    ]);
    notoSansSc(); // read before the transaction takes the counter's lock
    const year = Number(today.slice(0, 4));
    const id = await this.db.transaction().execute(async (trx) => {
      const seq = await this.reports.takeRecordSeq(trx, stationId, year);
      const number = recordNumber(prefix, year, seq);
      const { content, contentHash } = recordContent({
        number,
        station: { id: stationId, name: stationName },
        volunteer: { id: volunteer.id, number: volunteer.number, realName: volunteer.real_name, teams: teams.map((t) => t.name) },
        period: { from: input.from, to: input.to },
        entries,
        issuedBy: { userId: user.id, name: user.displayName },
        now,
        origin,
      });
      const pdf = await renderRecordPdf(content, contentHash);
      const recordId = await this.reports.insertRecord(trx, {
        station_id: stationId,
        number,
        year,
        seq,
        volunteer_id: volunteer.id,
        period_from: input.from,
        period_to: input.to,
        minutes,
        entries: entries.length,
        content: JSON.stringify(content),
        content_hash: contentHash,
        pdf,
        pdf_sha256: sha256(pdf),
        issued_by_user_id: user.id,
        issued_by_name: user.displayName,
        issued_at: at,
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "volunteer_record.issued",
        objectType: "volunteer_record",
        objectId: recordId,
        stationId,
        after: { number, volunteerId: volunteer.id, from: input.from, to: input.to, minutes, entries: entries.length, contentHash },
      });
      return recordId;
    });
    return this.view(id, (r) => `/api/volunteer-records/${r.id}/record.pdf`);
  }

  private async view(id: number, pdfUrl: (r: RecordRow) => string) {
    const row = await this.reports.record(id);
    if (!row) throw notFound();
    return presentRecord(row, pdfUrl(row));
  }

  /** The issued records the caller reaches, newest first. */
  async list(user: SessionUser, query: z.output<typeof recordListQuery>) {
    const { rows, total } = await this.reports.listRecords(
      { stationIds: stationFilter(user, query.stationId), volunteerId: query.volunteerId, q: query.q },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return {
      items: rows.map((r) => presentRecord(r, `/api/volunteer-records/${r.id}/record.pdf`)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(user: SessionUser, id: number) {
    const row = await this.reports.record(id);
    if (!row || !reachesStation(user, row.station_id)) throw notFound();
    const body = await this.reports.recordBody(id);
    if (!body) throw notFound();
    return { ...presentRecord(row, `/api/volunteer-records/${row.id}/record.pdf`), content: JSON.parse(body.content) as RecordContent };
  }

  /** The volunteer's own records. */
  async mine(user: SessionUser) {
    const volunteer = await this.repo.volunteerOfUser(user.id);
    if (!volunteer) return [];
    const { rows } = await this.reports.listRecords({ stationIds: null, volunteerId: volunteer.id }, { limit: 200, offset: 0 });
    return rows.map((r) => presentRecord(r, `/api/me/volunteering/records/${r.id}/record.pdf`));
  }

  /** A record's PDF for the station's staff. */
  async pdf(user: SessionUser, id: number) {
    const row = await this.reports.record(id);
    if (!row || !reachesStation(user, row.station_id)) throw notFound();
    return { fileName: `${row.number}.pdf`, data: await this.pdfOf(row.id) };
  }

  /** A record's PDF for its volunteer. */
  async myPdf(user: SessionUser, id: number) {
    const volunteer = await volunteerOf(this.repo, user);
    const row = await this.reports.record(id);
    if (!row || row.volunteer_id !== volunteer.id) throw notFound();
    return { fileName: `${row.number}.pdf`, data: await this.pdfOf(row.id) };
  }

  /** The stored PDF; one rendered from the stored content (and kept) when the record was written without it. */
  private async pdfOf(id: number): Promise<Buffer> {
    const body = await this.reports.recordBody(id);
    if (!body) throw notFound();
    if (body.pdf) return Buffer.from(body.pdf);
    const pdf = await renderRecordPdf(JSON.parse(body.content) as RecordContent, body.content_hash);
    await this.db.transaction().execute((trx) => this.reports.setRecordPdf(trx, id, pdf, sha256(pdf)));
    const stored = await this.reports.recordBody(id);
    return stored?.pdf ? Buffer.from(stored.pdf) : pdf;
  }

  /**
   * The public check of a record by its number: genuine (it exists), unaltered (the stored content still hashes to
   * the hash issued, and the stored PDF to its own), whether the hash the QR carries is this record's; the name
   * masked but for the surname.
   */
  async check(number: string, hash?: string): Promise<RecordCheck> {
    const found = await this.find(number, hash);
    if (!found) throw notFound();
    return found;
  }

  /** The check, or null when no record has the number (the page says so). */
  async find(number: string, hash?: string): Promise<RecordCheck | null> {
    const row = await this.reports.recordByNumber(number);
    if (!row) return null;
    const body = await this.reports.recordBody(row.id);
    if (!body) return null;
    const content = JSON.parse(body.content) as RecordContent;
    const { checkUrl: _url, ...draft } = content;
    const unaltered =
      sha256(JSON.stringify(draft)) === body.content_hash &&
      content.number === row.number &&
      content.totals.minutes === row.minutes &&
      (body.pdf === null || sha256(body.pdf) === body.pdf_sha256);
    return {
      number: row.number,
      genuine: true,
      unaltered,
      hashMatches: hash === undefined ? null : body.content_hash.startsWith(hash.toLowerCase()),
      stationName: row.station_name,
      volunteerName: maskName(row.real_name),
      volunteerNumber: row.volunteer_number,
      periodFrom: row.period_from,
      periodTo: row.period_to,
      minutes: row.minutes,
      hours: hoursOf(row.minutes),
      entries: row.entries,
      issuedOn: content.issuedOn,
      contentHash: body.content_hash,
      pdfSha256: body.pdf_sha256,
    };
  }
}

/**
 * What a record certifies, as stored, printed and hashed: the hash covers everything but the QR's target (which
 * carries the hash itself). The demo writes its records with this too.
 */
export function recordContent(input: {
  number: string;
  station: RecordContent["station"];
  volunteer: RecordContent["volunteer"];
  period: RecordContent["period"];
  entries: CountedEntry[];
  issuedBy: RecordContent["issuedBy"];
  now: Date;
  origin: string;
}): { content: RecordContent; contentHash: string } {
  const minutes = input.entries.reduce((n, e) => n + e.minutes, 0);
  const draft: Omit<RecordContent, "checkUrl"> = {
    number: input.number,
    station: input.station,
    volunteer: input.volunteer,
    period: input.period,
    entries: input.entries.map(recordEntryOf),
    totals: { minutes, hours: hoursOf(minutes), entries: input.entries.length },
    trainings: [],
    awards: [],
    issuedBy: input.issuedBy,
    issuedAt: input.now.toISOString(),
    issuedOn: stationDate(input.now),
  };
  const contentHash = sha256(JSON.stringify(draft));
  return { content: { ...draft, checkUrl: `${input.origin}${checkPath(input.number, contentHash)}` }, contentHash };
}

/** The record's number: the station's prefix, VR, the year, the year's sequence (TY-VR-2026-0001). */
export const recordNumber = (prefix: string, year: number, seq: number) => `${prefix}-VR-${year}-${String(seq).padStart(4, "0")}`;

export function recordEntryOf(e: CountedEntry) {
  return {
    kind: e.kind,
    ref: e.ref,
    date: e.date,
    startTime: e.startTime,
    endTime: e.endTime,
    title: e.title,
    place: e.place,
    content: e.content,
    team: e.teamName,
    minutes: e.minutes,
  };
}
