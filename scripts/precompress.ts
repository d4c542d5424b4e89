// After `react-router build`: brotli (quality 11) and gzip (level 9) copies of the hashed JS and CSS,
// served by server.mjs. Maximum effort once at build time costs nothing per request.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const assetsDir = "build/client/assets";
let before = 0;
let after = 0;
for (const name of readdirSync(assetsDir).filter((f) => /\.(js|css)$/.test(f))) {
  const source = readFileSync(path.join(assetsDir, name));
  const br = brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } });
  writeFileSync(path.join(assetsDir, `${name}.br`), br);
  writeFileSync(path.join(assetsDir, `${name}.gz`), gzipSync(source, { level: 9 }));
  before += source.length;
  after += br.length;
}
console.log(`precompressed assets: ${(before / 1024).toFixed(1)} KB → ${(after / 1024).toFixed(1)} KB brotli`);
