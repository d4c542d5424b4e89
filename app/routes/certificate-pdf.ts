import { notFound, requireUser } from "#app/auth/auth.server.ts";
import { certificatePdf } from "#app/certificates/certificate-pdf.server.ts";
import { certificateByCode } from "#app/certificates/certificates.server.ts";
import { db } from "#app/db.server.ts";
import { env } from "#app/env.server.ts";
import { localeFromRequest } from "#app/i18n/locale.server.ts";
import type { Route } from "./+types/certificate-pdf";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  const certificate = await certificateByCode(db, params.code);
  // Someone else's certificate is answered as an unknown code; anyone may check it at /verify/<code>.
  if (!certificate || certificate.userId !== user.id) notFound();
  return new Response(await certificatePdf(certificate, `${env.PUBLIC_URL}/verify/${certificate.code}`, localeFromRequest(request)), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="chung-nhan-${certificate.code}.pdf"`,
    },
  });
}
