/** Prisma refuses a statement binding more values than the database takes (999 on SQLite): a long `in` list is asked in batches. */
const batchSize = 900;

export async function inBatches<T, R>(items: readonly T[], run: (batch: T[]) => Promise<R[]>): Promise<R[]> {
  const found: R[] = [];
  for (let i = 0; i < items.length; i += batchSize) found.push(...(await run(items.slice(i, i + batchSize))));
  return found;
}
