// Thinning a long list for reading: a cost–probability front of dozens of packages shown as a dozen rows.

/** At most `n` items spread evenly over `xs`, the first and last always among them. */
export function thinEvenly<T>(xs: readonly T[], n: number): T[] {
  if (xs.length <= n) return [...xs];
  return Array.from({ length: n }, (_, i) => xs[Math.round((i * (xs.length - 1)) / (n - 1))]);
}
