import * as React from "react";
import { Lang } from "../core/options";
import { VERDICT_LABEL } from "../core/outcome";
import { formatNumber, formatPercent } from "../core/parse";
import { FindingLine, FormView } from "./FormView";
import { ANNOTATE_AVAILABLE, annotatedCopy } from "./annotate";
import { ALL_JSON_NAME, SUMMARY_NAME, batchZip, jsonName, summaryWorkbookFor, uniqueNames } from "./bundle";
import { XLSX_TYPE, download } from "./download";
import { FeatureReport } from "./features";
import { FileOutcome, cliJsonText } from "./pipeline";
import { Checker, SpawnWorker, createChecker, readFileBytes } from "./runner";
import { WEB_STRINGS } from "./strings";
import { COLUMN_LABEL, SORT_KEYS, SortKey, checkedName, sortRows, summaryRows } from "./summary";


interface Progress {
  done: number;
  total: number;
  current: string;
}

export function App(props: { features: FeatureReport; initialLang: Lang; spawnWorker?: SpawnWorker | null }) {
  const [lang, setLang] = React.useState<Lang>(props.initialLang);
  const [outcomes, setOutcomes] = React.useState<FileOutcome[]>([]);
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [elapsed, setElapsed] = React.useState<number | null>(null);
  const [selected, setSelected] = React.useState<number | null>(null);
  const [sort, setSort] = React.useState<{ key: SortKey; dir: "asc" | "desc" } | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const [copyError, setCopyError] = React.useState<string | null>(null);
  const [where, setWhere] = React.useState<"worker" | "page" | null>(null);
  const files = React.useRef<File[]>([]);
  const running = React.useRef(false);
  const checker = React.useRef<Promise<Checker> | null>(null);
  const input = React.useRef<HTMLInputElement>(null);
  const w = WEB_STRINGS[lang];

  React.useEffect(() => {
    document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
    document.title = w.title;
  }, [lang, w.title]);

  // a file chosen in the summary: its details come into view, and focus with them
  const detailsHeading = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => setCopyError(null), [selected, outcomes]);
  React.useEffect(() => {
    if (selected === null || outcomes.length < 2) return;
    detailsHeading.current?.scrollIntoView?.({ block: "start" });
    detailsHeading.current?.focus();
  }, [selected, outcomes.length]);

  const run = React.useCallback(async (list: File[]) => {
    if (list.length === 0 || running.current) return; // one batch at a time
    running.current = true;
    files.current = list;
    setOutcomes([]);
    setSelected(null);
    setSort(null);
    setElapsed(null);
    const t0 = Date.now();
    checker.current ??= createChecker(props.spawnWorker ?? null);
    let c = await checker.current;
    setWhere(c.where);
    const out: FileOutcome[] = [];
    for (let i = 0; i < list.length; i++) {
      setProgress({ done: i, total: list.length, current: list[i].name });
      let o: FileOutcome;
      try {
        o = await c.check(list[i].name, await readFileBytes(list[i]));
      } catch (e) {
        // the worker failed on this file: the next file gets a fresh one
        c.dispose();
        checker.current = createChecker(props.spawnWorker ?? null);
        c = await checker.current;
        const msg = e instanceof Error ? e.message : String(e);
        o = { name: list[i].name, size: list[i].size, reports: null, settings: null, problem: { kind: "unreadable", zh: `无法读取文件：${msg}`, en: `the file cannot be read: ${msg}` }, ms: 0 };
      }
      out.push(o);
    }
    running.current = false;
    setProgress(null);
    setOutcomes(out);
    setElapsed(Date.now() - t0);
    if (out.length === 1) setSelected(0);
  }, [props.spawnWorker]);

  const onFiles = (fl: FileList | null) => {
    void run(fl ? Array.from(fl) : []);
  };

  const rows = React.useMemo(() => {
    const r = summaryRows(outcomes, lang);
    return sort ? sortRows(r, sort.key, sort.dir) : r;
  }, [outcomes, lang, sort]);

  const names = React.useMemo(() => uniqueNames(outcomes.map((o) => o.name)), [outcomes]);

  const copyOf = async (i: number): Promise<Uint8Array | null> => {
    const o = outcomes[i];
    if (!ANNOTATE_AVAILABLE || !o.reports) return null;
    return annotatedCopy(new Uint8Array(await readFileBytes(files.current[i])), o.reports[lang], lang, o.settings);
  };

  const downloadZip = async () => {
    let copies: Map<number, Uint8Array> | null = null;
    if (ANNOTATE_AVAILABLE) {
      copies = new Map();
      for (let i = 0; i < outcomes.length; i++) {
        try {
          const c = await copyOf(i);
          if (c) copies.set(i, c);
        } catch {
          // a copy that cannot be written is left out; its JSON says why the file is as it is
        }
      }
    }
    download(lang === "en" ? "selfeval.zip" : "校验结果.zip", batchZip(outcomes, lang, copies) as BlobPart, "application/zip");
  };

  const sortBy = (key: SortKey) => setSort((cur) => (cur && cur.key === key ? { key, dir: cur.dir === "asc" ? "desc" : "asc" } : { key, dir: key === "errors" || key === "warnings" ? "desc" : "asc" }));

  const n = (x: number | null) => (x === null ? "—" : formatNumber(x));
  const shown = selected === null ? null : outcomes[selected];

  if (props.features.missing.length) {
    return (
      <main className="page">
        <div role="alert" className="problem" data-testid="missing-features">
          <strong>{w.missingTitle}</strong>
          <p>
            {w.missingBody}
            {props.features.missing.join("、")}
          </p>
        </div>
      </main>
    );
  }

  return (
    <main className="page">
      <header className="header">
        <div>
          <h1 className="h1">{w.title}</h1>
          <span>{w.tagline}</span>
        </div>
        <button type="button" onClick={() => setLang(lang === "zh" ? "en" : "zh")} aria-label={w.switchLangLabel} data-testid="lang">
          {w.switchLang}
        </button>
      </header>
      {props.features.degraded.length ? (
        <div className="notice" data-testid="degraded">
          {w.degraded}
          {props.features.degraded.join("、")}
        </div>
      ) : null}
      {location.protocol === "file:" ? (
        <div className="notice" data-testid="file-url">
          {w.fileUrl}
        </div>
      ) : null}
      <div
        className={dragging ? "drop active" : "drop"}
        data-testid="drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          onFiles(e.dataTransfer.files);
        }}
      >
        <span>{w.drop} </span>
        <button type="button" className="primary" onClick={() => input.current?.click()} disabled={progress !== null} data-testid="pick">
          {w.pick}
        </button>
        <input
          ref={input}
          className="visually-hidden"
          type="file"
          multiple
          accept=".xlsx,.xlsm,.xls,.et,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="file-input"
          aria-label={w.pick}
          tabIndex={-1}
          onChange={(e) => {
            onFiles(e.target.files);
            e.target.value = "";
          }}
        />
        <div>
          <small>{w.dropHint}</small>
        </div>
      </div>

      {progress ? (
        <div data-testid="progress" role="status">
          <span>{w.progress(progress.done + 1, progress.total, progress.current)}</span>
          <progress className="progress" max={progress.total} value={progress.done} aria-label={w.progress(progress.done + 1, progress.total, progress.current)} />
        </div>
      ) : null}

      {elapsed !== null && outcomes.length ? (
        <div role="status" data-testid="done" data-elapsed-ms={elapsed}>
          <span>
            {w.done(outcomes.length, elapsed)}
            {where ? ` (${w.checkedIn(where)})` : ""}
          </span>
        </div>
      ) : null}

      {outcomes.length > 1 ? (
        <section aria-labelledby="summary-heading" data-testid="summary">
          <h2 id="summary-heading">{w.summary}</h2>
          <div className="actions">
            <button type="button" onClick={() => download(SUMMARY_NAME[lang], summaryWorkbookFor(outcomes, lang, false) as BlobPart, XLSX_TYPE)} data-testid="download-summary">
              {w.downloadSummary}
            </button>
            <button type="button" onClick={() => void downloadZip()} data-testid="download-zip">
              {ANNOTATE_AVAILABLE ? w.downloadZip : w.downloadZipNoCopies}
            </button>
            <button type="button" onClick={() => download(ALL_JSON_NAME, cliJsonText(outcomes, lang), "application/json")} data-testid="download-all-json">
              {w.downloadAllJson}
            </button>
          </div>
          <div className="table-wrap">
            <table className="summary" data-testid="summary-table">
              <thead>
                <tr>
                  {SORT_KEYS.map((k) => (
                    <th key={k} className="th" aria-sort={sort?.key === k ? (sort.dir === "asc" ? "ascending" : "descending") : "none"} scope="col">
                      <button type="button" className="sort" onClick={() => sortBy(k)} data-testid={`sort-${k}`} title={w.sortBy(COLUMN_LABEL[lang][k])}>
                        {COLUMN_LABEL[lang][k]}
                        {sort?.key === k ? (sort.dir === "asc" ? " ▲" : " ▼") : ""}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={`${r.fileIndex}-${i}`} data-testid="summary-row" data-status={r.status} data-file={r.file}>
                    <td className="td">
                      <button type="button" className="link" onClick={() => setSelected(r.fileIndex)} aria-label={`${w.details} ${r.file}`}>
                        {r.file}
                      </button>
                    </td>
                    <td className={r.status === "unreadable" ? "td row-problem" : "td"} data-testid="summary-form">
                      {r.form}
                    </td>
                    <td className={`td verdict-cell v-${r.verdict}`} data-testid="summary-verdict" data-verdict={r.verdict} title={r.verdictText}>
                      {VERDICT_LABEL[lang][r.verdict]}
                    </td>
                    <td className="td">{r.template}</td>
                    <td className="td num">{r.rate === null ? "—" : formatPercent(r.rate)}</td>
                    <td className="td num">{n(r.written)}</td>
                    <td className="td num">{n(r.recalculated)}</td>
                    <td className="td">{r.grade ?? ""}</td>
                    <td className="td num" data-testid="summary-errors">
                      {r.errors}
                    </td>
                    <td className="td num">{r.warnings}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {shown ? (
        <section className="details" aria-labelledby="details-heading" data-testid="details">
          <h2 id="details-heading" ref={detailsHeading} tabIndex={-1}>
            {shown.name}
          </h2>
          {shown.reports ? (
            <>
              <p data-testid="verdict" data-verdict={shown.reports[lang].verdict.kind}>
                {shown.reports[lang].verdict.text}
              </p>
              <div className="actions">
                <button type="button" onClick={() => download(jsonName(names[selected!]), cliJsonText([shown], lang), "application/json")} data-testid="download-json">
                  {w.downloadJson}
                </button>
                {ANNOTATE_AVAILABLE ? (
                  <button
                    type="button"
                    onClick={() => {
                      setCopyError(null);
                      copyOf(selected!).then(
                        (c) => {
                          if (c) download(checkedName(names[selected!]), c as BlobPart, XLSX_TYPE);
                        },
                        (e: unknown) => setCopyError(w.copyFailed(e instanceof Error ? e.message : String(e))),
                      );
                    }}
                    data-testid="download-copy"
                  >
                    {w.downloadCopy}
                  </button>
                ) : (
                  <button type="button" disabled data-testid="download-copy" title={w.copyUnavailable}>
                    {w.copyUnavailable}
                  </button>
                )}
              </div>
              {copyError ? (
                <div role="alert" className="problem" data-testid="copy-error">
                  {copyError}
                </div>
              ) : null}
              {shown.reports[lang].findings.length ? (
                <ul className="findings" data-testid="workbook-findings">
                  {shown.reports[lang].findings.map((f, i) => (
                    <FindingLine key={i} finding={f} lang={lang} />
                  ))}
                </ul>
              ) : null}
              {shown.reports[lang].forms.length === 0 ? <strong>{w.noForm}</strong> : null}
              <div className="cards">
                {shown.reports[lang].forms.map((f, i) => (
                  <FormView key={`${f.sheet}-${f.range}-${i}`} form={f} lang={lang} />
                ))}
              </div>
            </>
          ) : (
            <div role="alert" className="problem" data-testid="file-problem" data-problem={shown.problem?.kind}>
              <strong>{w.fileProblem}</strong>
              <p>{shown.problem?.[lang]}</p>
              <button type="button" onClick={() => download(jsonName(names[selected!]), cliJsonText([shown], lang), "application/json")} data-testid="download-json">
                {w.downloadJson}
              </button>
            </div>
          )}
        </section>
      ) : null}
    </main>
  );
}
