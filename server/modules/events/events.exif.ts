// JPEG photos' EXIF time: a small reader of the DateTimeOriginal tag (0x9003, falling back to IFD0's DateTime 0x0132)
// in a JPEG's APP1 Exif segment, read as the station's local time; and, for demo data and tests, a writer putting such
// a segment into a small generated picture. No dependency: the TIFF structure is walked by hand.
import { stationInstant } from "../../../contracts/calendar.ts";

const EXIF_HEADER = "Exif\0\0";

/** The EXIF DateTimeOriginal of a JPEG as a UTC instant (the camera's clock read as station time), or null. */
export function exifTakenAt(data: Uint8Array): string | null {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== 0xd8) return null;
  let p = 2;
  while (p + 4 <= buf.length) {
    if (buf[p] !== 0xff) return null;
    const marker = buf[p + 1];
    if (marker === 0xda || marker === 0xd9) return null; // image data starts: no EXIF before it
    const length = buf.readUInt16BE(p + 2);
    if (length < 2 || p + 2 + length > buf.length) return null;
    if (marker === 0xe1 && buf.toString("latin1", p + 4, p + 10) === EXIF_HEADER) {
      return readTiff(buf.subarray(p + 10, p + 2 + length));
    }
    p += 2 + length;
  }
  return null;
}

function readTiff(t: Buffer): string | null {
  if (t.length < 8) return null;
  const order = t.toString("latin1", 0, 2);
  if (order !== "II" && order !== "MM") return null;
  const le = order === "II";
  const u16 = (o: number) => (o + 2 <= t.length ? (le ? t.readUInt16LE(o) : t.readUInt16BE(o)) : -1);
  const u32 = (o: number) => (o + 4 <= t.length ? (le ? t.readUInt32LE(o) : t.readUInt32BE(o)) : -1);
  if (u16(2) !== 42) return null;
  const entries = (ifd: number) => {
    const n = u16(ifd);
    const out = new Map<number, { type: number; count: number; value: number }>();
    if (n < 0 || n > 500) return out;
    for (let i = 0; i < n; i++) {
      const e = ifd + 2 + i * 12;
      if (e + 12 > t.length) break;
      out.set(u16(e), { type: u16(e + 2), count: u32(e + 4), value: e + 8 });
    }
    return out;
  };
  const ascii = (entry: { type: number; count: number; value: number } | undefined) => {
    if (entry?.type !== 2 || entry.count < 19) return null;
    const at = entry.count > 4 ? u32(entry.value) : entry.value;
    if (at < 0 || at + 19 > t.length) return null;
    return t.toString("latin1", at, at + 19);
  };
  const ifd0 = entries(u32(4));
  const exifPointer = ifd0.get(0x8769);
  const exif = exifPointer ? entries(u32(exifPointer.value)) : new Map();
  return toInstant(ascii(exif.get(0x9003)) ?? ascii(ifd0.get(0x0132)));
}

function toInstant(text: string | null): string | null {
  const m = text?.match(/^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/);
  if (!m) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const check = Date.parse(`${date}T${m[4]}:${m[5]}:${m[6]}Z`);
  if (Number.isNaN(check) || new Date(check).toISOString().slice(0, 10) !== date) return null;
  return new Date(stationInstant(date, `${m[4]}:${m[5]}`).getTime() + Number(m[6]) * 1000).toISOString();
}

/** An APP1 segment with IFD0 → Exif IFD → DateTimeOriginal, big-endian, for a station-time "YYYY:MM:DD HH:MM:SS". */
function exifSegment(localTime: string): Buffer {
  const tiff = Buffer.alloc(8 + 2 + 12 + 4 + 2 + 12 + 4 + 20);
  tiff.write("MM", 0, "latin1");
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  // IFD0: one entry, the Exif IFD pointer
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(0x8769, 10);
  tiff.writeUInt16BE(4, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt32BE(26, 18);
  tiff.writeUInt32BE(0, 22);
  // Exif IFD at 26: DateTimeOriginal, ASCII, 20 bytes at 44
  tiff.writeUInt16BE(1, 26);
  tiff.writeUInt16BE(0x9003, 28);
  tiff.writeUInt16BE(2, 30);
  tiff.writeUInt32BE(20, 32);
  tiff.writeUInt32BE(44, 36);
  tiff.writeUInt32BE(0, 40);
  tiff.write(`${localTime}\0`, 44, "latin1");
  const body = Buffer.concat([Buffer.from(EXIF_HEADER, "latin1"), tiff]);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xffe1, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

const pictures = {
  red: "/9j/4AAQSkZJRgABAQAAAQABAAD/2wCEABQODxIPDRQSEBIXFRQYHjIhHhwcHj0sLiQySUBMS0dARkVQWnNiUFVtVkVGZIhlbXd7gYKBTmCNl4x9lnN+gXwBFRcXHhoeOyEhO3xTRlN8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fP/AABEIAEAAYAMBEQACEQEDEQH/xAGiAAABBQEBAQEBAQAAAAAAAAAAAQIDBAUGBwgJCgsQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+gEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoLEQACAQIEBAMEBwUEBAABAncAAQIDEQQFITEGEkFRB2FxEyIygQgUQpGhscEJIzNS8BVictEKFiQ04SXxFxgZGiYnKCkqNTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqCg4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2dri4+Tl5ufo6ery8/T19vf4+fr/2gAMAwEAAhEDEQA/AMCoPTFFAxRSGLQMdQMUUDFFAxaQxaBiigYooGKKBlOqOQUUDFFIYtAx1AxRQMUUDFpDFoGKKBiigYooGU6o5BRQMUUhi0DHUDFFAxRQMWkMWgYooGKKBiigZTqjkFFAxRSGLQMdQMUUDFFAxaQxaBiigYooGKKBlOqOQUUDFFIYtAx1AxRQMUUDFpDFoGKKBiigYooGQbF9KLnl+0l3DaPSi4e0l3F2j0ouHtJdwwKLh7WXcMCi4/az7hQHtZ9xaA9rPuGaA9tPuGTQP20+4ZNIPbT7i7j60B7ep3DcfWgPb1O4lBiFABQAUAFABQAUAFABQAUAFABQAUAFABQAUAFABQAUAFABQAUAFABQB//Z",
  gold: "/9j/4AAQSkZJRgABAQAAAQABAAD/2wCEABQODxIPDRQSEBIXFRQYHjIhHhwcHj0sLiQySUBMS0dARkVQWnNiUFVtVkVGZIhlbXd7gYKBTmCNl4x9lnN+gXwBFRcXHhoeOyEhO3xTRlN8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fP/AABEIAEAAYAMBEQACEQEDEQH/xAGiAAABBQEBAQEBAQAAAAAAAAAAAQIDBAUGBwgJCgsQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+gEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoLEQACAQIEBAMEBwUEBAABAncAAQIDEQQFITEGEkFRB2FxEyIygQgUQpGhscEJIzNS8BVictEKFiQ04SXxFxgZGiYnKCkqNTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqCg4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2dri4+Tl5ufo6ery8/T19vf4+fr/2gAMAwEAAhEDEQA/AKYrzTpHCkA4UhjxSAcKQxwpAOFIY4UgHCkA4UhjhSAeKQzHFdZkOFIBwpDHikA4UhjhSAcKQxwpAOFIBwpDHCkA8UhmOK6zIcKQDhSGPFIBwpDHCkA4UhjhSAcKQDhSGOFIB4pDMcV1mQ4UgHCkMeKQDhSGOFIBwpDHCkA4UgHCkMcKQDxSGY4rrMhwpAOFIY8UgHCkMcKQDhSGOFIBwpAOFIY4UgHikM57zX/vfpXqeziYXDzpP736Uezj2C4vnyf3v0FHs49guw+0S/3v0FL2cewXYv2mX+/+go9lDsF2H2qb+/8AoKPZQ7Duxftc/wDf/QUeyh2C7D7ZP/f/AEFL2MOwczF+23H/AD0/QUexh2DmYv264/56f+Oij2MOwczD7dc/89P/AB0Uexp9g5mL9vuf+en/AI6P8KXsKfYOZlatiQoAKACgAoAKACgAoAKACgAoAKACgAoAKACgAoAKACgAoAKACgAoAKAP/9k=",
  green:
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wCEABQODxIPDRQSEBIXFRQYHjIhHhwcHj0sLiQySUBMS0dARkVQWnNiUFVtVkVGZIhlbXd7gYKBTmCNl4x9lnN+gXwBFRcXHhoeOyEhO3xTRlN8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fP/AABEIAEAAYAMBEQACEQEDEQH/xAGiAAABBQEBAQEBAQAAAAAAAAAAAQIDBAUGBwgJCgsQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+gEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoLEQACAQIEBAMEBwUEBAABAncAAQIDEQQFITEGEkFRB2FxEyIygQgUQpGhscEJIzNS8BVictEKFiQ04SXxFxgZGiYnKCkqNTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqCg4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2dri4+Tl5ufo6ery8/T19vf4+fr/2gAMAwEAAhEDEQA/AMMVic4tACigQopAOFAhRQAtIBaBCigB1AhaQC0CKQqzUWgBRQIUUgHCgQooAWkAtAhRQA6gQtIBaBFIVZqLQAooEKKQDhQIUUALSAWgQooAdQIWkAtAikKs1FoAUUCFFIBwoEKKAFpALQIUUAOoELSAWgRSFWai0AKKBCikA4UCFFAC0gFoEKKAHUCFpALQIq7RVnoezj2DAoD2cewYoD2cewtAeyh2CgXsodgyaA9lDsGTRYPZQ7C7j60WD2UOwb29aLB7KHYN7etFg9lDsL5jetFg9lDsHmN60rIPYw7DaZoFABQAUAFABQAUAFABQAUAFABQAUAFABQAUAFABQAUAFABQAUAFABQB//Z",
} as const;
export type PictureColour = keyof typeof pictures;

const pad = (n: number) => String(n).padStart(2, "0");

/** A small JPEG (96 × 64, a coloured stage) whose EXIF says it was taken at `takenAt` (station time); null: none. */
export function jpegWithExif(takenAt: Date | null, colour: PictureColour = "red"): Buffer {
  const base = Buffer.from(pictures[colour], "base64");
  if (!takenAt) return base;
  const local = new Date(takenAt.getTime() + 8 * 3_600_000);
  const text = `${local.getUTCFullYear()}:${pad(local.getUTCMonth() + 1)}:${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  return Buffer.concat([base.subarray(0, 2), exifSegment(text), base.subarray(2)]);
}
