// Brotli and gzip siblings (`x.js.br`, `x.js.gz`) of every text file the web build writes, made once at build
// time so the server sends them as they are (@fastify/static `preCompressed`, server/app.ts) instead of
// compressing on each request. A sibling is written only when it is smaller than the file.
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Logger, Plugin } from "vite";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** What compresses: scripts, styles, documents and text data; images, fonts and archives already are compressed. */
export const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|map|wasm|ico)$/i;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : Promise.resolve(e.isFile() ? [join(dir, e.name)] : []))),
  );
  return nested.flat();
}

/** Writes `.br` (quality 11) and `.gz` (level 9) beside each compressible file under `dir`; returns the bytes. */
export async function precompressDir(dir: string): Promise<{ files: number; bytes: number; brotli: number; gzip: number }> {
  const files = (await filesUnder(dir)).filter((f) => COMPRESSIBLE.test(f));
  const totals = { files: 0, bytes: 0, brotli: 0, gzip: 0 };
  await Promise.all(
    files.map(async (file) => {
      const data = await readFile(file);
      const [br, gzipped] = await Promise.all([
        brotli(data, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: (await stat(file)).size,
          },
        }),
        gz(data, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      totals.files++;
      totals.bytes += data.length;
      totals.brotli += Math.min(br.length, data.length);
      totals.gzip += Math.min(gzipped.length, data.length);
      if (br.length < data.length) await writeFile(`${file}.br`, br);
      if (gzipped.length < data.length) await writeFile(`${file}.gz`, gzipped);
    }),
  );
  return totals;
}

/** The Vite plugin: precompresses the output folder once the bundle is written (production builds only). */
export function precompress(): Plugin {
  let outDir = "";
  let logger: Logger | undefined;
  let failed = false;
  return {
    name: "dandelion:precompress",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      logger = config.logger;
    },
    buildEnd(error) {
      failed = Boolean(error);
    },
    renderError() {
      failed = true;
    },
    async closeBundle() {
      // A failed build wrote nothing to compress; its own error is the one to report.
      if (failed) return;
      const t = await precompressDir(outDir);
      const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
      logger?.info(`precompressed ${t.files} files: ${kb(t.bytes)} → brotli ${kb(t.brotli)}, gzip ${kb(t.gzip)}`);
    },
  };
}
