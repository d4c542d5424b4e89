/**
 * What the server's answer means for a copy kept on the phone (a downloaded course, a stored class form) when the
 * worker fetches it again. Failing to reach the server, a server error or being sent to sign in (signing out
 * removes the copies anyway) keeps the old copy for offline use; a refusal means she may no longer see what it
 * holds (the unit left her scope, her trainer role ended, the course is no longer hers to study), so it leaves
 * the phone.
 */
export type CopyAnswer = "ok" | "refused" | "failed";

export function copyAnswer(answer: { status: number; redirected: boolean }): CopyAnswer {
  if (answer.redirected) return "failed";
  if (answer.status >= 200 && answer.status < 300) return "ok";
  return answer.status === 403 || answer.status === 404 ? "refused" : "failed";
}

/** The server refused a copy's listing or page: the worker removes the copy. */
export class Refused extends Error {}

/** Throws unless the answer can go into the copy: a `Refused` when it says the copy must go. */
export function checkCopyAnswer(response: { status: number; redirected: boolean }, address: string) {
  const answer = copyAnswer(response);
  if (answer === "ok") return;
  const message = `offline copy of ${address}: ${response.status}`;
  throw answer === "refused" ? new Refused(message) : new Error(message);
}
