import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, PDFString, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { formatDate, translator, type Locale } from "#app/i18n/i18n.ts";
import { certificatePdfMessages } from "#app/i18n/vi/certificate-pdf.ts";
import type { Certificate } from "./certificates.server.ts";

// Resolved from node_modules at run time, so the built server finds the fonts too.
const require = createRequire(import.meta.url);
let fontFiles: Promise<[Buffer, Buffer]> | undefined;
function loadFonts() {
  return (fontFiles ??= Promise.all([
    readFile(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSerif.ttf")),
    readFile(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf")),
  ]));
}

const brand = rgb(0.69, 0.14, 0.35);
const ink = rgb(0.12, 0.14, 0.19);
const muted = rgb(0.36, 0.38, 0.44);
const [width, height] = [841.89, 595.28];
const textWidth = width - 160;

type Fonts = { regular: PDFFont; bold: PDFFont };

function centred(page: PDFPage, text: string, y: number, font: PDFFont, size: number, color = ink) {
  page.drawText(text, { x: (width - font.widthOfTextAtSize(text, size)) / 2, y, size, font, color });
}

/** The largest size up to `max` at which the text fits on one line. */
function fittingSize(font: PDFFont, text: string, max: number) {
  return Math.min(max, (max * textWidth) / font.widthOfTextAtSize(text, max));
}

/** Splits into lines of at most textWidth, by words. */
function wrap(font: PDFFont, text: string, size: number) {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && font.widthOfTextAtSize(`${last} ${word}`, size) <= textWidth) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function drawFrame(page: PDFPage) {
  page.drawRectangle({ x: 24, y: 24, width: width - 48, height: height - 48, borderColor: brand, borderWidth: 3 });
  page.drawRectangle({ x: 34, y: 34, width: width - 68, height: height - 68, borderColor: brand, borderWidth: 0.75 });
}

/** What the certificate says, line by line, in the reader's language; one earned in a class says so, with its day and place. */
export function certificateText(certificate: Certificate, verifyUrl: string, locale: Locale) {
  const t = translator(locale, certificatePdfMessages);
  const inPerson = certificate.classSession;
  return {
    title: t("certificatePdf.title", { code: certificate.code }),
    issuer: t("certificatePdf.issuer"),
    heading: t("certificatePdf.heading"),
    certifies: t("certificatePdf.certifies"),
    unit: t("certificatePdf.unit", { unit: certificate.unitName }),
    completed: t(inPerson ? "certificatePdf.completedInPerson" : "certificatePdf.completed"),
    issued: t("certificatePdf.issued", { version: certificate.courseVersion, date: formatDate(certificate.issuedAt, locale) }),
    inPerson: inPerson ? t("certificatePdf.inPerson", { date: formatDate(inPerson.heldOn, locale), place: inPerson.place }) : null,
    code: t("certificatePdf.code", { code: certificate.code }),
    verifyAt: t("certificatePdf.verifyAt", { url: verifyUrl }),
  };
}
type CertificateText = ReturnType<typeof certificateText>;

function drawBody(page: PDFPage, { regular, bold }: Fonts, certificate: Certificate, text: CertificateText) {
  centred(page, text.issuer, height - 92, regular, 14, brand);
  centred(page, text.heading, height - 148, bold, fittingSize(bold, text.heading, 26), brand);
  centred(page, text.certifies, height - 200, regular, 15, muted);
  centred(page, certificate.holderName, height - 252, bold, fittingSize(bold, certificate.holderName, 40));
  centred(page, text.unit, height - 286, regular, fittingSize(regular, text.unit, 15), muted);
  centred(page, text.completed, height - 326, regular, 15, muted);
  // A long title gets smaller type before it gets a third line.
  const titleSize = [21, 19, 17, 15].find((size) => wrap(bold, certificate.courseTitle, size).length <= 2) ?? 15;
  const leading = titleSize * 1.35;
  const titleLines = wrap(bold, certificate.courseTitle, titleSize);
  titleLines.forEach((line, i) => centred(page, line, height - 364 - i * leading, bold, titleSize));
  const below = height - 364 - titleLines.length * leading;
  centred(page, text.issued, below - 10, regular, 13, muted);
  if (text.inPerson) centred(page, text.inPerson, below - 30, regular, fittingSize(regular, text.inPerson, 12), muted);
  page.drawLine({ start: { x: 200, y: 128 }, end: { x: width - 200, y: 128 }, thickness: 0.5, color: brand });
  centred(page, text.code, 100, bold, 13);
  centred(page, text.verifyAt, 80, regular, fittingSize(regular, text.verifyAt, 11), muted);
}

/** The printed address, clickable in a PDF reader. */
function linkVerification(pdf: PDFDocument, page: PDFPage, verifyUrl: string) {
  const link = pdf.context.obj({
    Type: "Annot",
    Subtype: "Link",
    Rect: [80, 74, width - 80, 94],
    Border: [0, 0, 0],
    A: { Type: "Action", S: "URI", URI: PDFString.of(verifyUrl) },
  });
  page.node.addAnnot(pdf.context.register(link));
}

/** An A4 landscape certificate; DejaVu Serif covers every Vietnamese letter and is embedded as a subset. */
export async function certificatePdf(certificate: Certificate, verifyUrl: string, locale: Locale) {
  const text = certificateText(certificate, verifyUrl, locale);
  const [regularBytes, boldBytes] = await loadFonts();
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(text.title);
  pdf.setAuthor(text.issuer);
  const fonts = { regular: await pdf.embedFont(regularBytes, { subset: true }), bold: await pdf.embedFont(boldBytes, { subset: true }) };
  const page = pdf.addPage([width, height]);
  drawFrame(page);
  drawBody(page, fonts, certificate, text);
  linkVerification(pdf, page, verifyUrl);
  // A copy typed over a plain ArrayBuffer, which is what a Response body accepts.
  return new Uint8Array(await pdf.save());
}
