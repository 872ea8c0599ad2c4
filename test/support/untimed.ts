/**
 * The time of a check, wherever a written part holds it, as one token: ISO timestamps (package properties, threaded
 * comments), the 校验报告's local 「2026-12-01 14:05」 and a locale's 「2026/12/1 14:05:09」. Two runs that straddle a
 * minute write different times and must still compare equal.
 */
export const untimed = (s: string): string =>
  s.replace(/\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?Z?)?/g, "<time>").replace(/\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d\d(:\d\d)?/g, "<time>");
