import type { StoredFile } from "../../contracts/files.ts";
import { uploadFile } from "../app/api-client.ts";

/** Upload one photo (JPEG/PNG/WebP, ≤ 10 MB) before the record that uses it is saved. */
export function uploadPhoto(file: File, onProgress: (percent: number) => void): Promise<StoredFile> {
  return uploadFile<StoredFile>("/api/files", file, onProgress);
}
