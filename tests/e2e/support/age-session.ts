// Moves a session's expiry to N days from now, as if it had been used for a while: `tsx age-session.ts <token> <days>`.
import { sessionIdFromToken } from "#app/auth/session.server.ts";
import { db } from "#app/db.server.ts";

const [token, days] = process.argv.slice(2);
await db.session.update({ where: { id: sessionIdFromToken(token!) }, data: { expiresAt: new Date(Date.now() + Number(days) * 86_400_000) } });
await db.$disconnect();
