/** The page a list shows: the one asked for, or the last one when asked past the end (its rows, not an empty page under a lower number). */
export function pageOf(asked: number, total: number, size: number) {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(asked, pages);
  return { page, pages, skip: (page - 1) * size };
}
