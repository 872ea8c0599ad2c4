/** A1 addresses from 0-based coordinates, and back. */
export function columnName(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function address(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  return `${address(top, left)}:${address(bottom, right)}`;
}

/** Parses "B7" or "$B$7" into 0-based coordinates; null when it is not an A1 cell address. */
export function parseAddress(a1: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Parses "A1:C3" (or a single cell) into an inclusive 0-based rectangle. */
export function parseRange(a1: string): { top: number; left: number; bottom: number; right: number } | null {
  const [a, b] = a1.split(":");
  const p = parseAddress(a);
  const q = b === undefined ? p : parseAddress(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** "项目1!A1:B2", "'My sheet'!A1" → sheet name and the range part (sheet null when absent). */
export function splitAddress(addr: string): { sheet: string | null; range: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(addr);
  if (!m) return { sheet: null, range: addr };
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), range: m[3] };
}

/** A sheet name as it must be written in an address: quoted when it is not a plain word. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_\u4e00-\u9fff]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The `sheet!A1` key of a cell: one spelling for findings, proposals, marks and changes (not a formula reference). */
export function sheetCellKey(sheet: string, a1: string): string {
  return `${sheet}!${a1}`;
}
