import { STORE_NAMESPACE, newerValue, newestRecord, parseStoreXml, storeXml } from "../../src/core/document-store";

/** core/document-store.ts: the WPS add-in's custom XML part, written and read back as a host may keep it. */
test("round trip, whatever the values hold", () => {
  const values = { "selfeval.marks.v1": [{ note: "a</selfeval>&<b>]]>\"'", n: 1.5 }], s: "【绩效自评校验】\n超过 30%" };
  const xml = storeXml({ savedAt: "2026-12-01T00:00:00.000Z", values });
  expect(parseStoreXml(xml)).toEqual({ savedAt: "2026-12-01T00:00:00.000Z", values });
});

test("read as a host may have rewritten it: a prefix, single quotes, CDATA, whitespace", () => {
  expect(parseStoreXml(`<s:selfeval xmlns:s='${STORE_NAMESPACE}' savedAt='t1'>\n  {"k":1}\n</s:selfeval>`)).toEqual({ savedAt: "t1", values: { k: 1 } });
  expect(parseStoreXml(`<?xml version="1.0"?><selfeval xmlns="${STORE_NAMESPACE}" savedAt="t2"><![CDATA[{"k":"<x>"}]]></selfeval>`)).toEqual({ savedAt: "t2", values: { k: "<x>" } });
});

test("not ours, or damaged: null, never a throw", () => {
  expect(parseStoreXml(`<selfeval xmlns="urn:other">{"k":1}</selfeval>`)).toBeNull();
  expect(parseStoreXml(`<selfeval xmlns="${STORE_NAMESPACE}">{"k":</selfeval>`)).toBeNull();
  expect(parseStoreXml(`<selfeval xmlns="${STORE_NAMESPACE}">[1,2]</selfeval>`)).toBeNull();
  expect(parseStoreXml(`<selfeval xmlns="${STORE_NAMESPACE}">{}`)).toBeNull();
  expect(parseStoreXml(42 as unknown as string)).toBeNull();
});

test("the newest record; the newer of Office's value and ours", () => {
  expect(newestRecord([null, { savedAt: "b", values: {} }, { savedAt: "a", values: { x: 1 } }])?.savedAt).toBe("b");
  expect(newestRecord([])).toBeNull();
  expect(newerValue(null, { v: 1 }, "t")).toEqual({ v: 1 });
  expect(newerValue({ v: 0 }, null, "t")).toEqual({ v: 0 });
  expect(newerValue({ v: 0, savedAt: "2026-01-02" }, { v: 1, savedAt: "2026-01-01" }, "")).toEqual({ v: 0, savedAt: "2026-01-02" });
  expect(newerValue({ v: 0, savedAt: "2026-01-01" }, { v: 1 }, "2026-01-02")).toEqual({ v: 1 }); // the part's time where the value has none
  expect(newerValue({ v: 0 }, { v: 1 }, "")).toEqual({ v: 0 }); // a tie: Office's
});
