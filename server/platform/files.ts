// Uploaded images (problem photos and the like). The bytes live in the database, so every app node serves
// every file. A file is recognised by its first bytes, not its name; it stays private to its uploader until
// a record takes it (`attached_to = "problem:12"`), and from then on whoever may see that record may see it.
import { createHash, randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { can } from "../../contracts/access.ts";
import type { StoredFile } from "../../contracts/files.ts";
import { MAX_PHOTO_BYTES, MAX_PROBLEM_PHOTOS } from "../../contracts/problems.ts";
import type { DB } from "../db/tables.ts";
import type { Clock } from "./clock.ts";
import { denied, fail, notFound } from "./errors.ts";
import type { Job } from "./jobs.ts";
import type { SessionUser } from "./scope.ts";

type Db = Kysely<DB> | Transaction<DB>;

export type ImageType = "image/jpeg" | "image/png" | "image/webp";

/** The image type the magic bytes announce, or null for anything else. */
export function detectImageType(data: Uint8Array): ImageType | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return "image/jpeg";
  if (data.length >= 8 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) return "image/png";
  if (
    data.length >= 12 &&
    Buffer.from(data.subarray(0, 4)).toString("latin1") === "RIFF" &&
    Buffer.from(data.subarray(8, 12)).toString("latin1") === "WEBP"
  )
    return "image/webp";
  return null;
}

export const fileUrl = (id: string) => `/api/files/${id}`;

/** Decides whether a user may see the record a file is attached to, e.g. the problems service for `problem:12`. */
export type AttachmentReader = (user: SessionUser, recordId: number) => Promise<boolean>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class FilesService {
  private readonly db: Kysely<DB>;
  private readonly readers = new Map<string, AttachmentReader>();

  private readonly clock: Clock;

  constructor(db: Kysely<DB>, clock: Clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Registers who may read files attached to records of a kind (`problem`). */
  allowReaders(kind: string, reader: AttachmentReader) {
    this.readers.set(kind, reader);
  }

  /** Only people who report or work problems upload photos. */
  mayUpload(user: SessionUser): boolean {
    return can(user.role, "problem.report") || can(user.role, "problem.work");
  }

  /** Stores an image; anything that is not JPEG, PNG or WebP, or is over 10 MB, is refused and nothing is kept. */
  async store(user: SessionUser, data: Uint8Array): Promise<StoredFile> {
    if (!this.mayUpload(user)) throw denied();
    if (data.length > MAX_PHOTO_BYTES) throw fail("file.too_large", [{ field: "file" }]);
    const contentType = detectImageType(data);
    if (!contentType) throw fail("file.not_image", [{ field: "file" }]);
    const id = randomUUID();
    const stationId = user.stationIds && user.stationIds.length === 1 ? user.stationIds[0] : user.orgUnitId;
    await this.db
      .insertInto("files")
      .values({
        id,
        station_id: stationId,
        owner_user_id: user.id,
        content_type: contentType,
        size: data.length,
        sha256: createHash("sha256").update(data).digest("hex"),
        data,
        attached_to: null,
        created_at: this.clock.now().toISOString(),
      })
      .execute();
    return { id, contentType, size: data.length, url: fileUrl(id) };
  }

  /** The bytes, for their uploader while unattached and for whoever may see the record once attached; else 404. */
  async read(user: SessionUser, id: string): Promise<{ contentType: string; data: Buffer }> {
    if (!UUID.test(id)) throw notFound();
    const row = await this.db
      .selectFrom("files")
      .select(["owner_user_id", "content_type", "data", "attached_to"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound();
    if (row.attached_to === null) {
      if (row.owner_user_id !== user.id) throw notFound();
    } else {
      const [kind, recordId] = row.attached_to.split(":");
      const reader = this.readers.get(kind);
      if (!reader || !(await reader(user, Number(recordId)))) throw notFound();
    }
    return { contentType: row.content_type, data: Buffer.from(row.data) };
  }

  /**
   * Takes uploaded files for a record inside the caller's transaction: each must exist, be the owner's and be
   * unattached, and there may be at most six. Refusals name `field` (400), and the transaction writes nothing.
   */
  async attach(trx: Db, fileIds: readonly string[], ownerUserId: number, target: string, field = "photoIds"): Promise<string[]> {
    const ids = [...new Set(fileIds)];
    if (ids.length === 0) return [];
    if (ids.length > MAX_PROBLEM_PHOTOS) throw fail("file.too_many", [{ field }]);
    if (!ids.every((id) => UUID.test(id))) throw fail("file.not_found", [{ field }]);
    const r = await trx
      .updateTable("files")
      .set({ attached_to: target })
      .where("id", "in", ids)
      .where("owner_user_id", "=", ownerUserId)
      .where("attached_to", "is", null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== ids.length) throw fail("file.not_found", [{ field }]);
    return ids;
  }

  /** Ids of files attached to a record, for presenting their urls. */
  async attachedTo(target: string, db: Db = this.db): Promise<string[]> {
    const rows = await db.selectFrom("files").select("id").where("attached_to", "=", target).orderBy("created_at").execute();
    return rows.map((r) => r.id);
  }

  /** Unattached uploads older than `olderThan` are removed (a job runs this daily). */
  async sweepUnattached(olderThan: Date): Promise<number> {
    const r = await this.db
      .deleteFrom("files")
      .where("attached_to", "is", null)
      .where("created_at", "<", olderThan.toISOString())
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Uploads nobody attached within a day (an abandoned report) are removed hourly. */
  jobs(): Job[] {
    return [
      {
        name: "files.sweep_unattached",
        everyMs: 3_600_000,
        run: async (now) => ({ removed: await this.sweepUnattached(new Date(now.getTime() - 86_400_000)) }),
      },
    ];
  }
}
