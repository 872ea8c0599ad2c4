import { allFindings } from "../core/present";
import { EtApplication, EtTaskPane } from "./et";
import { findEtApplication, wpsWorkbookHost } from "./host";

/**
 * The ribbon of the WPS add-in (dist/wps/ribbon.xml, group 绩效自评校验): WPS loads dist/wps/index.html, which loads
 * this script, and calls the callbacks ribbon.xml names — OnAddinLoad, OnAction, GetImage, OnGetEnabled, OnGetVisible —
 * on `window.ribbon` (and, for builds that look them up bare, on window itself).
 *   一键校验 (selfevalCheck): opens the pane, which checks and marks at once (taskpane.html?autorun=1);
 *   校验窗格 (selfevalPane): opens the pane;
 *   清除标记 (selfevalClear): removes the marks on record, from here, without the pane.
 * Where WPS gives no task pane (CreateTaskPane returns null), 一键校验 checks and marks from here and says so.
 */
export const BUTTONS = { check: "selfevalCheck", pane: "selfevalPane", clear: "selfevalClear" } as const;

const PANE_KEY = "selfeval.taskpane.id";

interface Control {
  Id: string;
}

/** What the last action did, for the person (an alert) and for tests (window.selfevalRibbon.last). */
export interface RibbonResult {
  action: string;
  ok: boolean;
  message: string;
}

function say(message: string): void {
  try {
    (window as unknown as { alert?: (m: string) => void }).alert?.(message);
  } catch {
    // no dialog here: the result is still recorded
  }
}

/** the add-in's folder as served (index.html's own address without its name) */
function baseUrl(): string {
  return String(window.location.href).replace(/[?#].*$/, "").replace(/[^/]*$/, "");
}

function app(): EtApplication | null {
  return findEtApplication(window);
}

function openPane(et: EtApplication, autorun: boolean): EtTaskPane | null {
  const storage = et.PluginStorage;
  const id = storage.getItem(PANE_KEY);
  let pane: EtTaskPane | null = id && Number.isFinite(Number(id)) ? et.GetTaskPane(Number(id)) : null;
  if (!pane) {
    pane = et.CreateTaskPane(`${baseUrl()}taskpane.html${autorun ? "?autorun=1" : ""}`, "绩效自评校验");
    if (!pane) return null;
    storage.setItem(PANE_KEY, String(pane.ID));
  }
  pane.Visible = true;
  return pane;
}

const NO_PANE =
  "无法打开校验窗格：这一版 WPS 没有给加载项任务窗格（CreateTaskPane 返回空）。已在后台完成校验并标记问题单元格；请升级 WPS，或用网页版查看详细结果。";

async function checkHere(et: EtApplication): Promise<RibbonResult> {
  const host = wpsWorkbookHost(et);
  const { report } = await host.check({ lang: "zh" });
  const n = await host.highlight(allFindings(report), host.settings().highlight);
  return { action: BUTTONS.check, ok: true, message: `${NO_PANE}\n共 ${report.forms.length} 张表，标记了 ${n} 个单元格。` };
}

async function act(id: string): Promise<RibbonResult> {
  const et = app();
  if (!et) return { action: id, ok: false, message: "未找到 WPS 表格的对象模型（window.Application）。" };
  if (id === BUTTONS.check || id === BUTTONS.pane) {
    const pane = openPane(et, id === BUTTONS.check);
    if (pane) return { action: id, ok: true, message: "" };
    if (id === BUTTONS.check) return checkHere(et);
    return { action: id, ok: false, message: NO_PANE.replace("已在后台完成校验并标记问题单元格；", "") };
  }
  if (id === BUTTONS.clear) {
    const n = await wpsWorkbookHost(et).clearMarks();
    return { action: id, ok: true, message: n ? `已清除 ${n} 处标记。` : "没有需要清除的标记。" };
  }
  return { action: id, ok: false, message: `未知按钮：${id}` };
}

const state: { last: Promise<RibbonResult> | null; ribbonUI: unknown } = { last: null, ribbonUI: null };

export const ribbon = {
  OnAddinLoad(ribbonUI: unknown): boolean {
    state.ribbonUI = ribbonUI;
    return true;
  },
  OnAction(control: Control): boolean {
    const id = control && typeof control.Id === "string" ? control.Id : "";
    state.last = act(id).then(
      (r) => {
        if (r.message) say(r.message);
        return r;
      },
      (e: unknown) => {
        const zh = (e as { zh?: string })?.zh;
        const r = { action: id, ok: false, message: zh ?? `操作未完成：${e instanceof Error ? e.message : String(e)}` };
        say(r.message);
        return r;
      },
    );
    return true;
  },
  GetImage(control: Control): string {
    const id = control?.Id;
    return id === BUTTONS.clear ? "assets/icon-32.png" : id === BUTTONS.pane ? "assets/icon-32.png" : "assets/icon-64.png";
  },
  OnGetEnabled(): boolean {
    return true;
  },
  OnGetVisible(): boolean {
    return true;
  },
};

const w = window as unknown as Record<string, unknown>;
w.ribbon = ribbon;
for (const [k, v] of Object.entries(ribbon)) w[k] = v;
w.selfevalRibbon = {
  get last() {
    return state.last;
  },
};
