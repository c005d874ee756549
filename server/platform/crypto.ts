// Personal data at rest: AES-256-GCM for the value, an HMAC blind index for exact look-ups and uniqueness.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface Vault {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Deterministic keyed hash of a normalised value; equal inputs give equal outputs, nothing else leaks. */
  blindIndex(value: string): string;
}

export function createVault(secret: string): Vault {
  const master = Buffer.from(secret, "utf8");
  const encKey = Buffer.from(hkdfSync("sha256", master, "dandelion", "pii-encryption", 32));
  const macKey = Buffer.from(hkdfSync("sha256", master, "dandelion", "pii-blind-index", 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", encKey, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
    },
    decrypt(sealed) {
      const raw = Buffer.from(sealed.slice(3), "base64url");
      const decipher = createDecipheriv("aes-256-gcm", encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },
    blindIndex(value) {
      return createHmac("sha256", macKey).update(value.trim().toUpperCase()).digest("base64url");
    },
  };
}

/** The secret from the environment, or one generated once and kept beside the SQLite file for a laptop install. */
export function resolveSecret(envSecret: string | undefined, dataDir: string): string {
  if (envSecret) return envSecret;
  const file = join(dataDir, "secret.key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
