export function Figure({ src, alt, width, height, caption }: { src: string; alt: string; width: string; height: string; caption?: string }) {
  return (
    <figure className="figure">
      <img src={src} alt={alt} width={Number(width)} height={Number(height)} loading="lazy" decoding="async" />
      {caption ? <figcaption>{caption}</figcaption> : null}
    </figure>
  );
}
