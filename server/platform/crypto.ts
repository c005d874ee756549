// Personal data at rest: AES-256-GCM for the value, an HMAC blind index for exact look-ups and uniqueness.
import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface Vault {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Deterministic keyed hash of a normalised value; equal inputs give equal outputs, nothing else leaks. */
  blindIndex(value: string): string;
  /**
   * The masked form of a sealed value (e.g. 138****5678), decrypting only on a cache miss. Only masked
   * strings are cached, keyed by ciphertext, so lists need not decrypt every row on every request.
   */
  masked(sealed: string, mask: (plain: string) => string): string;
}

const MASK_CACHE_SIZE = 20_000;

export function createVault(secret: string): Vault {
  const maskCache = new Map<string, string>();
  const master = Buffer.from(secret, "utf8");
  // Prepared once as KeyObjects: a raw Buffer key is turned into one on every cipher call, which dominated
  // the cost of listing records with personal data (docs/performance.md).
  const encKey = createSecretKey(Buffer.from(hkdfSync("sha256", master, "dandelion", "pii-encryption", 32)));
  const macKey = createSecretKey(Buffer.from(hkdfSync("sha256", master, "dandelion", "pii-blind-index", 32)));
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
    masked(sealed, mask) {
      const key = `${mask.name}:${sealed}`;
      let value = maskCache.get(key);
      if (value === undefined) {
        value = mask(this.decrypt(sealed));
        if (maskCache.size >= MASK_CACHE_SIZE) maskCache.delete(maskCache.keys().next().value as string);
        maskCache.set(key, value);
      }
      return value;
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
