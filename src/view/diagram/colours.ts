/**
 * Partition colours in the SVG: the page's colour-blind-safe palette (--cat-0 … --cat-7), cycling past eight
 * partitions. Never the only carrier of meaning: rows and chips also carry the partition number.
 */
export function partitionColour(partition: number): string {
  return partition < 0 ? 'var(--muted)' : `var(--cat-${partition % 8})`;
}
