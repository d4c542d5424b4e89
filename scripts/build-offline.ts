// After `react-router build`: the service worker at the site's root (/sw.js, so its scope is the whole site) with
// this build's version in it, so a deploy replaces it, and the installable app's icons, drawn from the favicon.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { crc32, deflateSync } from "node:zlib";
import { build } from "esbuild";

const client = "build/client";
const version = createHash("sha256").update(readdirSync(`${client}/assets`).sort().join("\n")).digest("hex").slice(0, 12);
await build({
  entryPoints: ["app/offline/sw.ts"],
  outfile: `${client}/sw.js`,
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2022",
  define: { BUILD_VERSION: JSON.stringify(version) },
  logLevel: "warning",
});

// The favicon (public/favicon.svg) on a 32-unit grid: the brand colour and a white bud, as the path draws it.
const brand = [0xb0, 0x24, 0x5a];
const cubic = (p0: number[], p1: number[], p2: number[], p3: number[]) =>
  Array.from({ length: 17 }, (_, i) => {
    const t = i / 16;
    const u = 1 - t;
    return [0, 1].map((d) => u * u * u * p0[d]! + 3 * u * u * t * p1[d]! + 3 * u * t * t * p2[d]! + t * t * t * p3[d]!);
  });
const budEdge = [...cubic([16, 7], [13, 11], [9, 13], [9, 18]), ...Array.from({ length: 17 }, (_, i) => [16 - 7 * Math.cos((Math.PI * i) / 16), 18 + 7 * Math.sin((Math.PI * i) / 16)]), ...cubic([23, 18], [23, 13], [19, 11], [16, 7])];
const inBud = (x: number, y: number) => {
  let inside = false;
  for (let i = 0, j = budEdge.length - 1; i < budEdge.length; j = i++) {
    const [xi, yi] = budEdge[i]!;
    const [xj, yj] = budEdge[j]!;
    if (yi! > y !== yj! > y && x < ((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!) inside = !inside;
  }
  return inside;
};
const inRoundedSquare = (x: number, y: number, r: number) => {
  const cx = Math.min(Math.max(x, r), 32 - r);
  const cy = Math.min(Math.max(y, r), 32 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

/** An RGBA PNG, each pixel sampled n×n times (fewer on large ones, enough there); `maskable` fills the square edge to edge, as launchers crop it. */
function icon(size: number, maskable: boolean) {
  const n = size > 256 ? 2 : 4;
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    rows[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let background = 0;
      let bud = 0;
      for (let s = 0; s < n * n; s++) {
        const x = ((px + ((s % n) + 0.5) / n) * 32) / size;
        const y = ((py + (Math.floor(s / n) + 0.5) / n) * 32) / size;
        if (maskable || inRoundedSquare(x, y, 7)) (inBud(x, y) ? bud++ : background++);
      }
      const alpha = (background + bud) / (n * n);
      const white = bud / Math.max(1, background + bud);
      const at = py * (size * 4 + 1) + 1 + px * 4;
      for (let c = 0; c < 3; c++) rows[at + c] = Math.round(brand[c]! + (255 - brand[c]!) * white);
      rows[at + 3] = Math.round(alpha * 255);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(rows, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

mkdirSync(`${client}/icons`, { recursive: true });
writeFileSync(`${client}/icons/192.png`, icon(192, false));
writeFileSync(`${client}/icons/512.png`, icon(512, false));
writeFileSync(`${client}/icons/maskable-512.png`, icon(512, true));
console.log(`service worker ${version} and app icons written`);
