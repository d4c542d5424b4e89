import { policyDocuments, type DocumentKey } from "#app/courses/documents.ts";
import { formatDate } from "#app/i18n/i18n.ts";

// Rendered once per lesson on the server; both locales write dates as dd/mm/yyyy.
export function Cite({ doc, art }: { doc: DocumentKey; art?: string }) {
  const document = policyDocuments[doc];
  if (!document) return <cite>{doc}</cite>;
  const when = document.issuedOn ? formatDate(`${document.issuedOn}T12:00:00+07:00`) : String(document.year);
  return (
    <cite className="cite" title={document.title}>
      {document.number}
      {art ? `, ${art}` : ""} ({when}) — <span className="cite-title">{document.title}</span>
    </cite>
  );
}
