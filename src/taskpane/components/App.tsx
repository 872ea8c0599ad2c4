import * as React from "react";
import {
  Button,
  Caption1,
  CounterBadge,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Switch,
  Text,
  ToggleButton,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CheckOutcome, CheckProgress, RefusedError, WorkbookHost, WorkbookSettings } from "../../addin/host";
import { WorkbookReport } from "../../core/engine";
import { Finding, Severity } from "../../core/findings";
import { Lang, presetSettings, resolveOptions } from "../../core/options";
import { Proposal } from "../../core/writeback";
import { WriteError } from "../../excel/write";
import { STRINGS } from "../i18n";
import { FindingItem, FormCard, SEVERITY_BADGE } from "./FormCard";
import { SettingsDialog } from "./SettingsDialog";
import { WriteBackDialog } from "./WriteBackDialog";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minHeight: "100vh", boxSizing: "border-box" },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  switches: { display: "flex", flexDirection: "column" },
  filter: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  forms: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { listStyleType: "none", margin: 0, padding: 0 },
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

function allFindings(r: WorkbookReport): Finding[] {
  return [...r.findings, ...r.forms.flatMap((f) => f.findings)];
}

/** Live mode re-reads one sheet: its forms (and write-back proposals) replace that sheet's, the others stay. */
function mergeOutcomes(old: CheckOutcome, fresh: CheckOutcome, sheets: string[]): CheckOutcome {
  const order = new Map(old.report.forms.map((f, i) => [f.sheet, i]));
  const tagged = [
    ...old.report.forms.map((f, i) => ({ f, props: old.proposals.filter((p) => p.form === i) })).filter((x) => !sheets.includes(x.f.sheet)),
    ...fresh.report.forms.map((f, i) => ({ f, props: fresh.proposals.filter((p) => p.form === i) })),
  ].sort((a, b) => (order.get(a.f.sheet) ?? 1e9) - (order.get(b.f.sheet) ?? 1e9));
  const forms = tagged.map((x) => x.f);
  const proposals = tagged.flatMap((x, i) => x.props.map((p) => ({ ...p, form: i })));
  return { report: { forms, findings: forms.length ? [] : fresh.report.findings }, proposals, options: fresh.options };
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
  const [canUndo, setCanUndo] = React.useState(() => host.canUndo());
  const [error, setError] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [highlight, setHighlight] = React.useState(true);
  const [live, setLive] = React.useState(false);
  const [marks, setMarks] = React.useState(() => host.markCount());
  const [visible, setVisible] = React.useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const outcomeRef = React.useRef<CheckOutcome | null>(null);
  outcomeRef.current = outcome;

  const run = React.useCallback(
    async (sheets?: string[]) => {
      setRunning(true);
      setError(null);
      setNotice(null);
      try {
        const options = resolveOptions({ ...presetSettings(settings.preset), ...settings.options, lang });
        const fresh = await host.check(options, setProgress, sheets);
        const merged = sheets && outcomeRef.current ? mergeOutcomes(outcomeRef.current, fresh, sheets) : fresh;
        setOutcome(merged);
        if (highlight) {
          setProgress({ phase: "mark", done: 0, total: 1 });
          const n = await host.highlight(allFindings(merged.report), settings.highlight);
          setNotice(t.marked(n));
        }
      } catch (e) {
        setError(describe(e, lang));
      } finally {
        setMarks(host.markCount());
        setRunning(false);
        setProgress(null);
      }
    },
    [host, lang, highlight, t, settings],
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
      await host.writeReport(outcome.report, outcome.options, lang, new Date().toISOString());
      return t.reportDone;
    });
  const saveSettings = (s: WorkbookSettings) => {
    setSettingsOpen(false);
    return act(async () => {
      await host.saveSettings(s);
      setSettings(s);
      return t.saved;
    });
  };

  React.useEffect(() => {
    if (props.autorun) void run();
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
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const select = (f: Finding) => {
    if (f.cell) void host.select({ sheet: f.sheet, address: f.cell }).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const phaseText = progress ? { read: t.phaseRead, check: t.phaseCheck, mark: t.phaseMark }[progress.phase] : t.checking;

  return (
    <main className={s.root} lang={lang === "zh" ? "zh-CN" : "en-US"}>
      <Title3 as="h1">{t.appName}</Title3>
      <div className={s.toolbar}>
        <Button appearance="primary" onClick={() => void run()} disabled={running} data-testid="check">
          {running ? t.checking : t.check}
        </Button>
        <Button onClick={() => void clear()} disabled={running || marks === 0} data-testid="clear">
          {t.clear}
        </Button>
        <Button onClick={() => setSettingsOpen(true)} disabled={running} data-testid="open-settings">
          {t.settings}
        </Button>
      </div>
      <div className={s.toolbar}>
        <Button onClick={() => setPreviewOpen(true)} disabled={running || !outcome} data-testid="write-back">
          {t.writeBack}
        </Button>
        <Button onClick={() => void undo()} disabled={running || !canUndo} data-testid="undo">
          {t.undoWriteBack}
        </Button>
        <Button onClick={() => void makeReport()} disabled={running || !outcome} data-testid="make-report">
          {t.report}
        </Button>
      </div>
      <SettingsDialog open={settingsOpen} t={t} lang={lang} value={settings} onCancel={() => setSettingsOpen(false)} onSave={(v) => void saveSettings(v)} />
      <WriteBackDialog open={previewOpen} t={t} proposals={outcome?.proposals ?? []} onCancel={() => setPreviewOpen(false)} onConfirm={(c) => void writeBack(c)} />
      <div className={s.switches}>
        <Switch label={t.highlight} checked={highlight} onChange={(_, d) => setHighlight(d.checked)} />
        <Switch label={t.live} checked={live} disabled={!host.capabilities.events} onChange={(_, d) => setLive(d.checked)} />
      </div>
      {running ? (
        <div role="status" aria-live="polite" data-testid="progress">
          <ProgressBar value={progress && progress.total > 0 && progress.phase === "read" ? progress.done / progress.total : undefined} />
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
      {notice ? (
        <Caption1 role="status" data-testid="notice">
          {notice}
        </Caption1>
      ) : null}
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
          <div className={s.filter} role="group" aria-label={t.filter} data-testid="counts">
            <Caption1>{t.formsChecked(report.forms.length)} ·</Caption1>
            {ALL.map((sev) => (
              <ToggleButton
                key={sev}
                size="small"
                checked={visible[sev]}
                onClick={() => setVisible((v) => ({ ...v, [sev]: !v[sev] }))}
                data-testid={`filter-${sev}`}
                icon={<CounterBadge count={counts[sev]} showZero color={SEVERITY_BADGE[sev] === "danger" ? "danger" : SEVERITY_BADGE[sev] === "warning" ? "important" : "informative"} size="small" />}
              >
                {t.severity[sev]}
              </ToggleButton>
            ))}
          </div>
          {report.findings.length > 0 ? (
            <ul className={s.list}>
              {report.findings.map((f, i) => (
                <FindingItem key={i} finding={f} t={t} onSelect={select} />
              ))}
            </ul>
          ) : null}
          <div className={s.forms}>
            {report.forms.map((f, i) => (
              <FormCard key={`${f.sheet}-${f.range}-${i}`} form={f} t={t} visible={visible} onSelect={select} />
            ))}
          </div>
        </>
      ) : null}
    </main>
  );
}
