// Where `npm run bench:data` builds the national-size database and who signs in to it: shared with
// `npm run bench`, which measures the organizer report there. Never the demo database.
export const benchDataUrl = process.env.BENCH_DATA_URL ?? "file:./data/bench-national/national.db";

export const benchOrganizer = { email: "tochuc.trunguong@lantoa.vn", password: "TrungUong@Bench1" };
