import { policyDocuments, type DocumentKey } from "#app/courses/documents.ts";
import { formatDate, useLocale } from "#app/i18n/i18n.ts";

export function Cite({ doc, art }: { doc: DocumentKey; art?: string }) {
  const locale = useLocale();
  const document = policyDocuments[doc];
  if (!document) return <cite>{doc}</cite>;
  const when = document.issuedOn ? formatDate(`${document.issuedOn}T12:00:00+07:00`, locale) : String(document.year);
  return (
    <cite className="cite" title={document.title}>
      {document.number}
      {art ? `, ${art}` : ""} ({when}) — <span className="cite-title">{document.title}</span>
    </cite>
  );
}
