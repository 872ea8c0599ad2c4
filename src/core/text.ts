/** Text normalisation shared by label matching and value parsing. */

/** Full-width ASCII (！…～) to half-width, ideographic space to space. */
export function toHalfWidth(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

/** For matching labels: half-width, no white space (labels are often spaced out: "绩  效  指  标"). */
export function normalizeLabel(s: string): string {
  // most labels need nothing done: skip the work for them
  if (!/[\s\u00a0\u200b\u3000\uff01-\uff5e]/.test(s)) return s;
  return toHalfWidth(s).replace(/[\s\u00a0\u200b]+/g, "");
}

/** Whether a normalised label starts with, or equals, one of the given names. */
export function labelIs(label: string, names: readonly string[]): boolean {
  return names.some((n) => label === n);
}

export function labelStarts(label: string, names: readonly string[]): boolean {
  return names.some((n) => label.startsWith(n));
}

export function labelHas(label: string, names: readonly string[]): boolean {
  return names.some((n) => label.includes(n));
}

/** A label without a trailing bracketed remark: "全年预算数(A)" → "全年预算数", "产出指标(50分)" → "产出指标". */
export function stripBrackets(label: string): string {
  return label.replace(/[(\[【][^)\]】]*[)\]】]/g, "");
}

/** A weight written into a label: "产出指标（70分）" → 70. */
export function weightInLabel(label: string): number | null {
  const m = /[(\[【](\d+(?:\.\d+)?)分[)\]】]/.exec(normalizeLabel(label));
  return m ? Number(m[1]) : null;
}
