import { ACK_FORM_CLOSED, ackFormInvalid, ackFormStep, ackReasonMissing, ackTarget, acknowledgedLines } from "../../src/core/acknowledge-form";
import { AcknowledgedFinding } from "../../src/core/acknowledge";

describe("the 已核对 reason form (shared by the pane and the web page)", () => {
  it("needs a reason that is not blank", () => {
    expect(ackReasonMissing("")).toBe(true);
    expect(ackReasonMissing("  \t")).toBe(true);
    expect(ackReasonMissing(" 已说明 ")).toBe(false);
  });

  it("stays open, marked, on 确认 without a reason; closes with one, the reason kept", () => {
    const open = ackFormStep(ACK_FORM_CLOSED, { type: "open" });
    expect(open).toEqual({ open: true, reason: "", tried: false });
    expect(ackFormInvalid(open)).toBe(false);
    const tried = ackFormStep(open, { type: "confirm" });
    expect(tried).toEqual({ open: true, reason: "", tried: true });
    expect(ackFormInvalid(tried)).toBe(true);
    const typed = ackFormStep(tried, { type: "type", reason: "需求增加" });
    expect(ackFormInvalid(typed)).toBe(false);
    expect(ackFormStep(typed, { type: "confirm" })).toEqual({ open: false, reason: "需求增加", tried: true });
    expect(ackFormStep(typed, { type: "close" }).open).toBe(false);
  });

  it("names what is confirmed and lists the confirmed with their reason and date", () => {
    const a = { rule: "missing-deviation-cause", severity: "warning", sheet: "表1", cell: "H9", message: "m", fingerprint: "fp1", reason: "r", date: "2026-12-01" } as AcknowledgedFinding;
    const what = ackTarget(a, "zh");
    expect(what).toMatch(/ · 表1!H9$/);
    expect(acknowledgedLines([a], "zh")).toEqual([{ fingerprint: "fp1", rule: a.rule, where: "表1!H9", title: what.split(" · ")[0], what, message: "m", why: "理由：r（2026-12-01）" }]);
    expect(acknowledgedLines(undefined, "en")).toEqual([]);
  });
});
