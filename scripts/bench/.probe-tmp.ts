import { spawn } from "node:child_process";
import { writeFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import autocannon from "autocannon";
const port = 3213, origin = `http://127.0.0.1:${port}`;
const serverEntry = process.env.ENTRY ?? "build/server/index.js";
const child = spawn(process.execPath, ["node_modules/@react-router/serve/bin.js", serverEntry], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: "file:./data/bench/bench.db" } });
for (;;) { try { if ((await fetch(origin + "/login")).ok) break; } catch {} await new Promise(r => setTimeout(r, 200)); }
const r = await fetch(origin + "/login", { method: "POST", redirect: "manual", body: new URLSearchParams({ identifier: "hocvien@lantoa.vn", password: "LanToa@2025" }) });
const cookie = r.headers.getSetCookie()[0]!.split(";")[0]!;
const lesson = "/courses/van-dong-tap-hop-hoi-vien/vi-sao-phai-tap-hop";
const html = await (await fetch(origin + lesson, { headers: { cookie } })).text();
writeFileSync("build/client/bench-probe.html", html);
const size = (path: string, enc: string) => new Promise<number>(res => request(origin + path, { headers: { cookie, "accept-encoding": enc } }, (resp) => { let n = 0; resp.on("data", (c) => n += c.length); resp.on("end", () => res(n)); }).end());
for (const enc of ["br", "gzip", "identity"]) console.log(enc, "wire bytes: lesson", await size(lesson, enc), "static twin", await size("/bench-probe.html", enc));
await autocannon({ url: origin + lesson, headers: { cookie }, connections: 10, duration: 3 });
for (const enc of (process.env.ENCS ?? "br,gzip,identity").split(","))
  for (const path of [lesson, "/bench-probe.html"]) {
    const ac = await autocannon({ url: origin + path, headers: { cookie, "accept-encoding": enc, "user-agent": "Mozilla/5.0 Chrome/140" }, connections: 10, duration: Number(process.env.DUR ?? 5) });
    console.log(`${enc.padEnd(9)} ${path.padEnd(60)} ${ac.requests.average.toFixed(0).padStart(5)} req/s p50 ${ac.latency.p50} p99 ${ac.latency.p99} non2xx ${ac.non2xx}`);
  }
rmSync("build/client/bench-probe.html");
child.kill("SIGINT"); await new Promise(r => child.once("exit", r));
