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
import { CheckProgress, WorkbookHost } from "../../addin/host";
import { WorkbookReport } from "../../core/engine";
import { Finding, Severity } from "../../core/findings";
import { Lang } from "../../core/options";
import { STRINGS } from "../i18n";
import { FindingItem, FormCard, SEVERITY_BADGE } from "./FormCard";

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
const HIGHLIGHTED: Severity[] = ["error", "warning"];

function allFindings(r: WorkbookReport): Finding[] {
  return [...r.findings, ...r.forms.flatMap((f) => f.findings)];
}

/** Live mode re-reads one sheet: its forms replace that sheet's forms, the others stay. */
function mergeReports(old: WorkbookReport, fresh: WorkbookReport, sheets: string[]): WorkbookReport {
  const kept = old.forms.filter((f) => !sheets.includes(f.sheet));
  const order = new Map(old.forms.map((f, i) => [f.sheet, i]));
  const forms = [...kept, ...fresh.forms].sort((a, b) => (order.get(a.sheet) ?? 1e9) - (order.get(b.sheet) ?? 1e9));
  return { forms, findings: forms.length ? [] : old.findings };
}

export function App(props: AppProps) {
  const { host, lang } = props;
  const t = STRINGS[lang];
  const s = useStyles();
  const [running, setRunning] = React.useState(false);
  const [progress, setProgress] = React.useState<CheckProgress | null>(null);
  const [report, setReport] = React.useState<WorkbookReport | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [highlight, setHighlight] = React.useState(true);
  const [live, setLive] = React.useState(false);
  const [marks, setMarks] = React.useState(() => host.markCount());
  const [visible, setVisible] = React.useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const reportRef = React.useRef<WorkbookReport | null>(null);
  reportRef.current = report;

  const run = React.useCallback(
    async (sheets?: string[]) => {
      setRunning(true);
      setError(null);
      setNotice(null);
      try {
        const fresh = await host.check({ lang }, setProgress, sheets);
        const merged = sheets && reportRef.current ? mergeReports(reportRef.current, fresh, sheets) : fresh;
        setReport(merged);
        if (highlight) {
          setProgress({ phase: "mark", done: 0, total: 1 });
          const n = await host.highlight(allFindings(merged), HIGHLIGHTED);
          setNotice(t.marked(n));
        }
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        setMarks(host.markCount());
        setRunning(false);
        setProgress(null);
      }
    },
    [host, lang, highlight, t],
  );

  const clear = async () => {
    setError(null);
    try {
      const n = await host.clearMarks();
      setNotice(t.cleared(n));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setMarks(host.markCount());
    }
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
      </div>
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
