/**
 * One rounding and one formatter for every number the product shows or writes (RULES.md §2: two decimals).
 *
 * Half-up on the decimal value a person reads, not on the binary double: 1.005 is stored as 1.00499999999999989…, and
 * `Math.round(1.005 * 100) / 100` gives 1; here it gives 1.01, shown and written alike. The decimal value is the
 * double's shortest round-trip digits at 15 significant places (what a spreadsheet shows), so 0.1 + 0.2 rounds as 0.3.
 * Ties go away from zero (−1.005 → −1.01). Pure.
 */
export function roundTo(n: number, digits: number): number {
  if (!Number.isFinite(n) || n === 0) return n === 0 ? 0 : n;
  const abs = Math.abs(n);
  // beyond 15 significant digits there are no decimals left to round
  if (abs >= 1e15) return n;
  const [mantissa, exp] = abs.toPrecision(15).split("e");
  // shift the decimal point in the decimal text itself: Number("1.00500000000000e2") is exactly 100.5
  const shifted = Number(`${mantissa}e${Number(exp ?? 0) + digits}`);
  const r = Number(`${Math.round(shifted)}e${-digits}`);
  const out = n < 0 ? -r : r;
  return Object.is(out, -0) ? 0 : out;
}

/** A figure at two decimals, the way it is shown and written (scores, totals, weights). */
export const round2 = (n: number): number => roundTo(n, 2);

/** A number as everyone shows it: at most `digits` decimals (two by default), no trailing zeros. */
export function formatNumber(n: number, digits = 2): string {
  return String(roundTo(n, digits));
}

/** A fraction as a percentage: 0.8618 → 86.18%. */
export function formatPercent(fraction: number, digits = 2): string {
  return `${formatNumber(fraction * 100, digits)}%`;
}
