// Numbers as people read them: compact on cards (12.3K), grouped in column counts (12,345).
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const grouped = new Intl.NumberFormat('en-US');

export function formatCompact(n: number): string {
  return compact.format(n);
}

export function formatGrouped(n: number): string {
  return grouped.format(n);
}
