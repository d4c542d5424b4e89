import type { certificatePdfMessages } from "../vi/certificate-pdf.ts";

export const certificatePdfEn: Record<keyof typeof certificatePdfMessages, string> = {
  "certificatePdf.issuer": "Lan Tỏa — Vietnam Women's Union",
  "certificatePdf.title": "Certificate {code}",
  "certificatePdf.heading": "CERTIFICATE OF COURSE COMPLETION",
  "certificatePdf.certifies": "This certifies that",
  "certificatePdf.unit": "Unit: {unit}",
  "certificatePdf.completed": "has completed the course",
  "certificatePdf.completedInPerson": "has attended in person and completed the course",
  "certificatePdf.issued": "Version {version} · Issued on {date}",
  "certificatePdf.inPerson": "Studied in person at the class of {date}, {place}",
  "certificatePdf.code": "Verification code: {code}",
  "certificatePdf.verifyAt": "Check it at {url}",
};
