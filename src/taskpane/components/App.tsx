import * as React from "react";
import {
  Button,
  Caption1,
  CounterBadge,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Link,
  ProgressBar,
  Switch,
  Text,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CheckOutcome, CheckProgress, RefusedError, WorkbookHost, WorkbookSettings, WriteError } from "../../addin/host";
import { WorkbookReport } from "../../core/engine";
import { Finding, Severity } from "../../core/findings";
import { Lang } from "../../core/options";
import { sameSettings } from "../../core/settings";
import { Proposal, fixFor } from "../../core/writeback";
import { allFindings, ruleTitle, showDateTime, triage } from "../../core/present";
import { countBySeverity, decideWorkbook } from "../../core/outcome";
import { REPORT_SHEET_NAME } from "../../core/labels";
import { STRINGS } from "../i18n";
import { FindingActions, FindingGroups, FormCard, SEVERITY_BADGE } from "./FormCard";
import { SettingsDialog } from "./SettingsDialog";
import { WriteBackDialog } from "./WriteBackDialog";
import { acknowledgeActions } from "./Acknowledge";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    minHeight: "100vh",
    boxSizing: "border-box",
    maxWidth: "100%",
    overflowX: "hidden",
    // a visible focus ring on everything the keyboard reaches
    "& :focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  h1: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  summary: { fontWeight: tokens.fontWeightSemibold },
  filter: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  // a chip that shows its findings: brand border and tint with a check mark; one that hides them: dashed, struck through
  chipOn: { border: `1px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2, color: tokens.colorNeutralForeground1 },
  chipOff: { border: `1px dashed ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground2, textDecorationLine: "line-through" },
  chipMark: { display: "inline-block", width: "1em", textAlign: "center", fontWeight: tokens.fontWeightSemibold },
  hidden: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground2 },
  notice: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  liveStatus: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground2 },
  srOnly: { position: "absolute", width: "1px", height: "1px", margin: "-1px", padding: 0, overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap", border: 0 },
  stepper: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  forms: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  workbook: { display: "flex", flexDirection: "column", gap: "2px" },
  wbTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

export interface AppProps {
  host: WorkbookHost;
  lang: Lang;
  /** run the check as soon as the pane opens (the ribbon's 一键校验) */
  autorun?: boolean;
  /** live mode debounce, ms */
  debounceMs?: number;
}

const ALL: Severity[] = ["error", "warning", "info"];


/** Live mode re-reads one sheet: its forms (and write-back proposals) replace that sheet's, the others stay. */
function mergeOutcomes(old: CheckOutcome, fresh: CheckOutcome, sheets: string[], lang: Lang): CheckOutcome {
  const order = new Map(old.report.forms.map((f, i) => [f.sheet, i]));
  const tagged = [
    ...old.report.forms.map((f, i) => ({ f, props: old.proposals.filter((p) => p.form === i) })).filter((x) => !sheets.includes(x.f.sheet)),
    ...fresh.report.forms.map((f, i) => ({ f, props: fresh.proposals.filter((p) => p.form === i) })),
  ].sort((a, b) => (order.get(a.f.sheet) ?? 1e9) - (order.get(b.f.sheet) ?? 1e9));
  const forms = tagged.map((x) => x.f);
  const proposals = tagged.flatMap((x, i) => x.props.map((p) => ({ ...p, form: i })));
  const findings = forms.length ? [] : fresh.report.findings;
  return { report: { forms, findings, verdict: decideWorkbook(forms, findings, lang) }, proposals, options: fresh.options };
}

function describe(e: unknown, lang: Lang): string {
  if (e instanceof RefusedError) return lang === "en" ? e.en : e.zh;
  if (e instanceof WriteError) {
    const detail = e.message;
    return lang === "en"
      ? `${detail} ${e.rolledBack ? "Everything written was rolled back." : "The rollback failed too: check the cells listed in the report."}`
      : `${detail}${e.rolledBack ? "（已写入的内容已全部回滚）" : "（回滚也失败了，请核对相关单元格）"}`;
  }
  return e instanceof Error ? e.message : String(e);
}

export function App(props: AppProps) {
  const { host, lang } = props;
  const t = STRINGS[lang];
  const s = useStyles();
  const [running, setRunning] = React.useState(false);
  const [progress, setProgress] = React.useState<CheckProgress | null>(null);
  const [outcome, setOutcome] = React.useState<CheckOutcome | null>(null);
  const report: WorkbookReport | null = outcome?.report ?? null;
  const [settings, setSettings] = React.useState<WorkbookSettings>(() => host.settings());
  const [settingsOpen, setSettingsOpen] = React.useState(false);
  const [previewOpen, setPreviewOpen] = React.useState(false);
  /** the one-cell fix being previewed (null: the whole write-back) */
  const [fixing, setFixing] = React.useState<Proposal | null>(null);
  const [canUndo, setCanUndo] = React.useState(() => host.canUndo());
  const [error, setError] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  /** marked cells without our explanation (a person's note there, below ExcelApi 1.18) */
  const [unannotated, setUnannotated] = React.useState<string[]>([]);
  const [reportReady, setReportReady] = React.useState(false);
  const [highlight, setHighlight] = React.useState(true);
  /** 实时校验: remembered in the workbook's settings (per workbook), switched on the toolbar */
  const [live, setLive] = React.useState(() => !!host.settings().live && host.capabilities.events);
  const [marks, setMarks] = React.useState(() => host.markCount());
  const [visible, setVisible] = React.useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [current, setCurrent] = React.useState<Finding | null>(null);
  const outcomeRef = React.useRef<CheckOutcome | null>(null);
  outcomeRef.current = outcome;
  /** what the marks follow (the 标记 switch, the severities saved), as of the last render */
  const marking = React.useRef({ highlight, severities: settings.highlight });
  marking.current = { highlight, severities: settings.highlight };
  const menuButton = React.useRef<HTMLButtonElement>(null);
  const checkButton = React.useRef<HTMLButtonElement>(null);
  /** the control that opened a dialog: focus goes back to it when the dialog closes */
  const opener = React.useRef<HTMLElement | null>(null);

  /**
   * A dialog opened from a menu item opens once the menu has closed and handed focus back to its button: opened
   * while the menu is still up, the dialog comes up hidden from assistive technology (aria-hidden) under the menu's
   * modal layer, and focus has nowhere to return to.
   */
  const pending = React.useRef<"settings" | "preview" | null>(null);
  const [menuOpen, setMenuOpen] = React.useState(false);
  React.useEffect(() => {
    if (menuOpen || !pending.current) return;
    opener.current = menuButton.current;
    const which = pending.current;
    pending.current = null;
    if (which === "settings") setSettingsOpen(true);
    else setPreviewOpen(true);
  }, [menuOpen]);
  const rememberOpener = () => {
    const el = document.activeElement;
    opener.current = el instanceof HTMLElement && el !== document.body ? el : null;
  };
  const returnFocus = () => {
    // a menu item is gone once its menu closes: then the menu button that opened it
    const target = () => (opener.current && opener.current.isConnected && !opener.current.closest("[role=menu]") ? opener.current : (menuButton.current ?? checkButton.current));
    const focus = () => target()?.focus();
    focus();
    // the dialog's own focus restoration runs when its surface leaves the page; focus the opener again after it
    requestAnimationFrame(() => {
      if (!document.activeElement || document.activeElement === document.body) focus();
    });
  };

  const run = React.useCallback(
    async (sheets?: string[], marks?: { highlight: boolean; severities: Severity[] }) => {
      const mark = marks ?? marking.current;
      setRunning(true);
      setError(null);
      setNotice(null);
      setReportReady(false);
      try {
        // the host reads the settings saved in the workbook (core/settings optionsFor, as the CLI and the web page)
        const fresh = await host.check({ lang }, setProgress, sheets);
        const merged = sheets && outcomeRef.current ? mergeOutcomes(outcomeRef.current, fresh, sheets, lang) : fresh;
        setOutcome(merged);
        setCurrent(null);
        if (mark.highlight) {
          setProgress({ phase: "mark", done: 0, total: 1 });
          const n = await host.highlight(allFindings(merged.report), mark.severities);
          // nothing to say about marks on a workbook with no form (the no-form message says it all)
          if (merged.report.forms.length > 0) setNotice(t.marked(n));
          setUnannotated(host.unannotated().map((c) => `${c.sheet}!${c.address}`));
        }
        // the clerk's own Ctrl+Z may have put the written cells back: the add-in's undo record then goes
        setCanUndo(host.canUndo());
      } catch (e) {
        setError(describe(e, lang));
      } finally {
        setMarks(host.markCount());
        setRunning(false);
        setProgress(null);
      }
    },
    [host, lang, t],
  );

  /** Runs a workbook action with the pane busy; errors become the error message. */
  const act = async (f: () => Promise<string | null>) => {
    setError(null);
    setNotice(null);
    setRunning(true);
    try {
      const msg = await f();
      if (msg) setNotice(msg);
    } catch (e) {
      setError(describe(e, lang));
    } finally {
      setMarks(host.markCount());
      setCanUndo(host.canUndo());
      setRunning(false);
    }
  };

  const clear = () => act(async () => t.cleared(await host.clearMarks()));
  // After a write the list is checked again, so it shows the workbook as it now is; the write's message stays.
  const writeBack = async (chosen: Proposal[]) => {
    setPreviewOpen(false);
    setFixing(null);
    returnFocus();
    let message: string | null = null;
    await act(async () => {
      const r = await host.applyWrites(chosen);
      message = t.writtenBack(r.written, r.skipped.length);
      return message;
    });
    if (message) {
      await run();
      setNotice(message);
    }
  };
  const undo = async () => {
    let message: string | null = null;
    await act(async () => {
      const r = await host.undoWrites();
      message = t.undone(r.written, r.skipped.length);
      return message;
    });
    if (message) {
      await run();
      setNotice(message);
    }
  };
  const makeReport = () =>
    act(async () => {
      if (!outcome) return null;
      // the person's local date and time (showDateTime), as everywhere people read it
      await host.writeReport(outcome.report, outcome.options, lang, showDateTime(new Date()));
      setReportReady(true);
      return t.reportDone;
    });
  const saveSettings = (dialog: WorkbookSettings, pane: { highlight: boolean; live: boolean }) => {
    setSettingsOpen(false);
    returnFocus();
    setHighlight(pane.highlight);
    // 实时校验 is the toolbar's: the dialog's save keeps it as it is
    const next: WorkbookSettings = { ...dialog, ...(settings.live ? { live: true } : {}) };
    // only the pane's own switches changed: nothing is written to the workbook
    if (sameSettings(next, settings)) return Promise.resolve();
    let message: string | null = null;
    return act(async () => {
      await host.saveSettings(next);
      setSettings(next);
      message = t.saved;
      return message;
    }).then(async () => {
      // the results on screen follow the settings at once: checked again with what was just saved
      if (message) {
        await run(undefined, { highlight: pane.highlight, severities: next.highlight });
        setNotice(message);
      }
    });
  };

  /** 实时校验 on the toolbar: on at once, remembered in the workbook (a read-only one keeps it for this session) */
  const switchLive = (on: boolean) => {
    setLive(on);
    // the warnings confirmed (已核对) are left out: the store keeps the workbook's own, newer than this pane's copy
    const { acknowledgements: _confirmed, ...rest } = settings;
    const next: WorkbookSettings = { ...rest };
    if (on) next.live = true;
    else delete next.live;
    setSettings(next);
    void host.saveSettings(next).catch((e: unknown) => setError(describe(e, lang)));
    // turned on: the list is brought up to date now, then follows each edit
    if (on && !running) void run();
  };

  React.useEffect(() => {
    // the ribbon's 一键校验, or 实时校验 remembered on for this workbook: the list is there when the pane opens
    if (props.autorun || live) void run();
    // run once, on open
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  React.useEffect(() => {
    if (!live) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changed = new Set<string>();
    let stop: (() => Promise<void>) | null = null;
    let cancelled = false;
    void host
      .watch((sheet) => {
        changed.add(sheet);
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          const sheets = [...changed];
          changed.clear();
          void run(sheets);
        }, props.debounceMs ?? 800);
      })
      .then((unsubscribe) => {
        if (cancelled) void unsubscribe();
        else stop = unsubscribe;
      });
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      if (stop) void stop();
    };
  }, [live, host, run, props.debounceMs]);

  const findings = report ? allFindings(report) : [];
  const counts = countBySeverity(findings);
  /** the findings in the order the pane lists them (workbook first, then each form by severity and what blocks) */
  const listed: Finding[] = report
    ? [...report.findings, ...report.forms.flatMap((form) => ALL.flatMap((sev) => triage(form.findings).filter((f) => f.severity === sev)))].filter((f) => visible[f.severity] && f.cell)
    : [];
  const select = (f: Finding) => {
    setCurrent(f);
    if (f.cell) void host.select({ sheet: f.sheet, address: f.cell }).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const step = (by: 1 | -1) => {
    if (listed.length === 0) return;
    const at = current ? listed.indexOf(current) : -1;
    const next = at < 0 ? (by === 1 ? 0 : listed.length - 1) : (at + by + listed.length) % listed.length;
    select(listed[next]);
  };
  // F8 / ⇧F8 wherever focus is in the pane (the toolbar, a chip, the page itself), not only inside <main>; never
  // while a dialog is open
  const stepRef = React.useRef(step);
  stepRef.current = step;
  const dialogOpen = settingsOpen || previewOpen;
  React.useEffect(() => {
    if (dialogOpen) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "F8" || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      stepRef.current(e.shiftKey ? -1 : 1);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [dialogOpen]);
  // the current finding is brought into view (the pane scrolls with it) once it is drawn as current
  React.useEffect(() => {
    if (!current) return;
    const el = document.querySelector<HTMLElement>("[data-testid=finding-item][data-current=true]");
    if (typeof el?.scrollIntoView === "function") el.scrollIntoView({ block: "nearest" });
  }, [current]);
  // a notice (written back, restored, saved) is kept in view: after a dialog closes it may be above the fold
  const noticeRef = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    const el = noticeRef.current;
    // (jsdom has no scrollIntoView; every webview the add-in runs in has)
    if (notice && !running && typeof el?.scrollIntoView === "function") el.scrollIntoView({ block: "nearest" });
  }, [notice, running]);
  const actions: FindingActions = {
    onSelect: select,
    current,
    disabled: running,
    fixFor: (f) => fixFor(f, outcome?.proposals), // the fix the rule put on the finding
    onFix: (f, p) => {
      rememberOpener();
      select(f);
      setFixing(p);
      setPreviewOpen(true);
    },
    // 已核对: saved in the workbook, then checked again (./Acknowledge.tsx)
    acknowledge: acknowledgeActions(host, lang, act, () => run(), setNotice),
  };
  const phaseText = progress ? { read: t.phaseRead, check: t.phaseCheck, mark: t.phaseMark }[progress.phase] : t.checking;
  const position = current && listed.includes(current) ? listed.indexOf(current) + 1 : 0;
  /** findings the chips hide now (with a cell or not) */
  const hiddenCount = findings.filter((f) => !visible[f.severity]).length;
  const hasForm = !!report && report.forms.length > 0;
  const announce = position && current ? `${t.position(position, listed.length)}：${ruleTitle(current.rule, lang)} · ${current.sheet}!${current.cell}。${current.message}` : "";

  return (
    <main className={s.root} lang={lang === "zh" ? "zh-CN" : "en-US"}>
      <h1 className={s.h1}>{t.appName}</h1>
      <div className={s.toolbar}>
        <Button appearance="primary" ref={checkButton} onClick={() => void run()} disabledFocusable={running} data-testid="check">
          {running ? t.checking : t.check}
        </Button>
        <Menu open={menuOpen} onOpenChange={(_, d) => setMenuOpen(d.open)}>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton ref={menuButton} disabledFocusable={running} data-testid="more">
              {t.more}
            </MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem
                onClick={() => {
                  setFixing(null);
                  pending.current = "preview";
                }}
                disabled={!hasForm}
                data-testid="write-back"
              >
                {t.writeBack}
              </MenuItem>
              <MenuItem onClick={() => void undo()} disabled={!canUndo} data-testid="undo">
                {t.undoWriteBack}
              </MenuItem>
              <MenuItem onClick={() => void makeReport()} disabled={!hasForm} data-testid="make-report">
                {t.report}
              </MenuItem>
              <MenuItem onClick={() => void clear()} disabled={marks === 0} data-testid="clear">
                {t.clear}
              </MenuItem>
              <MenuItem
                onClick={() => {
                  pending.current = "settings";
                }}
                data-testid="open-settings"
              >
                {t.settings}
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
        {host.capabilities.events ? (
          <Switch label={t.live} checked={live} onChange={(_, d) => switchLive(d.checked)} data-testid="live" />
        ) : null}
      </div>
      {live ? (
        <Caption1 className={s.liveStatus} data-testid="live-status">
          {running ? t.liveChecking : t.liveOn}
        </Caption1>
      ) : null}
      <SettingsDialog
        open={settingsOpen}
        t={t}
        lang={lang}
        value={settings}
        pane={{ highlight, live }}
        liveAvailable={host.capabilities.events}
        onCancel={() => {
          setSettingsOpen(false);
          returnFocus();
        }}
        onSave={(v, pane) => void saveSettings(v, pane)}
      />
      <WriteBackDialog
        open={previewOpen}
        t={t}
        title={fixing ? t.fixTitle : undefined}
        intro={fixing ? t.fixIntro : undefined}
        proposals={fixing ? [fixing] : (outcome?.proposals ?? [])}
        onCancel={() => {
          setPreviewOpen(false);
          setFixing(null);
          returnFocus();
        }}
        onConfirm={(c) => void writeBack(c)}
      />
      {running ? (
        <div role="status" aria-live="polite" data-testid="progress">
          <ProgressBar value={progress && progress.total > 0 && progress.phase === "read" ? progress.done / progress.total : undefined} aria-label={phaseText} />
          <Caption1>
            {phaseText}
            {progress && progress.phase === "read" && progress.total > 1 ? ` (${progress.done}/${progress.total})` : ""}…
          </Caption1>
        </div>
      ) : null}
      {error ? (
        <MessageBar intent="error" data-testid="error">
          <MessageBarBody>
            <MessageBarTitle>{t.error}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div role="status" aria-live="polite" ref={noticeRef}>
        {notice ? (
          <Text className={s.notice} data-testid="notice">
            {notice}
          </Text>
        ) : null}
        {notice && unannotated.length && !reportReady ? (
          <Text as="p" block className={s.notice} data-testid="unannotated">
            {t.unannotated(unannotated.slice(0, 3).join(lang === "zh" ? "、" : ", ") + (unannotated.length > 3 ? "…" : ""))}
          </Text>
        ) : null}
        {notice && reportReady ? (
          <Button appearance="transparent" size="small" onClick={() => void host.select({ sheet: REPORT_SHEET_NAME, address: "A1" }).catch(() => undefined)} data-testid="open-report">
            {t.openReport}
          </Button>
        ) : null}
      </div>
      {!report && !running && !error ? <Text>{t.intro}</Text> : null}
      {report && report.forms.length === 0 ? (
        <MessageBar intent="info" data-testid="no-form">
          <MessageBarBody>
            <MessageBarTitle>{t.noForm}</MessageBarTitle>
            {t.noFormBody}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {report && report.forms.length > 0 ? (
        <>
          <Text className={s.summary} data-testid="summary" data-verdict={report.verdict.kind}>
            {report.verdict.text}
          </Text>
          <div className={s.filter} role="group" aria-label={t.filter} data-testid="counts">
            {ALL.map((sev) => (
              <ToggleButton
                key={sev}
                size="small"
                checked={visible[sev]}
                className={visible[sev] ? s.chipOn : s.chipOff}
                onClick={() => setVisible((v) => ({ ...v, [sev]: !v[sev] }))}
                data-testid={`filter-${sev}`}
                data-pressed={visible[sev] ? "true" : "false"}
                icon={
                  <CounterBadge
                    count={counts[sev]}
                    showZero
                    // a zero is no alarm: grey, never the danger red
                    color={counts[sev] === 0 ? "informative" : SEVERITY_BADGE[sev] === "danger" ? "danger" : SEVERITY_BADGE[sev] === "warning" ? "important" : "informative"}
                    size="small"
                    aria-hidden
                  />
                }
              >
                <span className={s.chipMark} aria-hidden data-testid="chip-mark">
                  {visible[sev] ? "✓" : "–"}
                </span>
                {t.severity[sev]}
              </ToggleButton>
            ))}
          </div>
          {hiddenCount > 0 ? (
            <Text className={s.hidden} data-testid="hidden-count">
              {t.hiddenCount(hiddenCount)} ·{" "}
              <Link as="button" onClick={() => setVisible({ error: true, warning: true, info: true })} data-testid="show-all">
                {t.showAll}
              </Link>
            </Text>
          ) : null}
          {findings.some((f) => f.cell) ? (
            <div className={s.stepper} data-testid="stepper">
              <Button size="small" onClick={() => step(-1)} disabledFocusable={listed.length === 0} data-testid="prev" title="⇧F8">
                {t.prev}
              </Button>
              <Button size="small" onClick={() => step(1)} disabledFocusable={listed.length === 0} data-testid="next" title="F8">
                {t.next}
              </Button>
              <Caption1 data-testid="position">{position ? t.position(position, listed.length) : t.stepHelp}</Caption1>
              <span className={s.srOnly} role="status" aria-live="polite" data-testid="announce">
                {announce}
              </span>
            </div>
          ) : null}
          {report.findings.length > 0 ? (
            <section className={s.workbook} aria-labelledby="workbook-findings">
              <h2 className={s.wbTitle} id="workbook-findings">
                {t.workbookFindings}
              </h2>
              <FindingGroups findings={report.findings} t={t} lang={lang} visible={visible} actions={actions} level={3} />
            </section>
          ) : null}
          <div className={s.forms}>
            {report.forms.map((f, i) => (
              <FormCard key={`${f.sheet}-${f.range}-${i}`} index={i} form={f} t={t} lang={lang} visible={visible} actions={actions} />
            ))}
          </div>
        </>
      ) : null}
    </main>
  );
}
