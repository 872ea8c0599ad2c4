/** "75%", "87.5 %", "-3.25%" → the fraction (0.75) and the decimals written; null when the text is not a percent. */
export function parsePercentText(s: string): { value: number; decimals: number } | null {
  const m = /^\s*([+-]?\d+(?:\.(\d+))?)\s*[%％]\s*$/.exec(s);
  if (!m) return null;
  const n = Number(m[1]);
  if (!Number.isFinite(n)) return null;
  // rounded to what the text says, so 87.5% is 0.875 and not 0.8750000000000001
  const decimals = m[2]?.length ?? 0;
  return { value: Number((n / 100).toFixed(decimals + 2)), decimals };
}
