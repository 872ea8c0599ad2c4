import { DEFAULT_SETTINGS, SETTINGS_VERSION, optionsFor, readWorkbookSettings, storedSettings, withAcknowledgements } from "../../src/core/settings";

/**
 * core/settings.ts where a wrong program would change what a workbook remembers (issue 38): the pane's 实时校验
 * switch read and stored, a copy's record rewritten with new acknowledgements (and the default record when there is
 * none or it is no object), and options that carry no 已核对 list when the workbook confirmed nothing.
 */
const ACK = { fingerprint: "fp-1", rule: "unit-mismatch", reason: "单位已核对", date: "2026-12-01" };

describe("live (实时校验): remembered only when switched on", () => {
  test("read: live only for true", () => {
    expect(readWorkbookSettings({ version: SETTINGS_VERSION, preset: "auto", live: true }).live).toBe(true);
    expect("live" in readWorkbookSettings({ version: SETTINGS_VERSION, preset: "auto", live: false })).toBe(false);
    expect("live" in readWorkbookSettings({ version: SETTINGS_VERSION, preset: "auto", live: "yes" })).toBe(false);
    expect("live" in readWorkbookSettings({ version: SETTINGS_VERSION, preset: "auto" })).toBe(false);
  });

  test("stored: live only when on, and read back the same", () => {
    const on = storedSettings({ ...DEFAULT_SETTINGS, live: true });
    expect(on.live).toBe(true);
    expect(readWorkbookSettings(JSON.parse(JSON.stringify(on))).live).toBe(true);
    expect("live" in storedSettings({ ...DEFAULT_SETTINGS, live: false })).toBe(false);
    expect("live" in storedSettings(DEFAULT_SETTINGS)).toBe(false);
  });
});

describe("withAcknowledgements: a record with another list, or the default record", () => {
  const fresh = storedSettings(DEFAULT_SETTINGS);

  test.each([[null], [undefined], ["abc"], [[]], [42]])("no record object (%p): the default record with the list", (raw) => {
    expect(withAcknowledgements(raw, [])).toEqual(fresh);
    expect(withAcknowledgements(raw, [ACK])).toEqual({ ...fresh, acknowledgements: [ACK] });
  });

  test("a record: every key kept, the list replaced or removed", () => {
    const old = { preset: "hubei", options: { acceptRounding: false }, highlight: ["error"], acknowledgements: [ACK] };
    expect(withAcknowledgements(old, [])).toEqual({ preset: "hubei", options: { acceptRounding: false }, highlight: ["error"] });
    const other = { ...ACK, fingerprint: "fp-2" };
    expect(withAcknowledgements(old, [other])).toEqual({ ...old, acknowledgements: [other] });
    // the record read is not changed
    expect(old.acknowledgements).toEqual([ACK]);
  });
});

describe("optionsFor: the workbook's 已核对 list, only when it has one", () => {
  test("nothing confirmed: no acknowledgements key at all", () => {
    expect(Object.keys(optionsFor({ saved: { version: SETTINGS_VERSION, preset: "auto", options: {}, highlight: ["error"] } }))).toEqual([]);
    expect(Object.keys(optionsFor({ saved: { version: SETTINGS_VERSION, preset: "auto", acknowledgements: [] } }))).toEqual([]);
    expect(Object.keys(optionsFor({ saved: null }))).toEqual([]);
  });

  test("confirmed warnings: the list as saved", () => {
    expect(optionsFor({ saved: { version: SETTINGS_VERSION, preset: "auto", acknowledgements: [ACK] } })).toEqual({ acknowledgements: [ACK] });
  });
});
