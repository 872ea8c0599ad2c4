import * as React from "react";
import { Lang } from "../core/options";
import { FileVerdictKind, VERDICT_LABEL } from "../core/outcome";
import { formatNumber, formatPercent } from "../core/parse";
import { FindingLine, FormView } from "./FormView";
import { WebAcknowledge, acknowledgedOutcome, acknowledgementsOf } from "./Acknowledge";
import { ACK_WORDS, Acknowledgement, acknowledge, localDate, unacknowledge } from "../core/acknowledge";
import { ANNOTATE_AVAILABLE, annotatedCopy } from "./annotate";
import { ALL_JSON_NAME, BatchSource, SUMMARY_NAME, batchJsonBlob, batchZipBlob, jsonName, summaryWorkbookOf, uniqueNames } from "./bundle";
import { XLSX_TYPE, download } from "./download";
import { PROBLEM_HINT } from "./errors";
import { FeatureReport } from "./features";
import { FileOutcome, cliJsonText } from "./pipeline";
import { Checker, SpawnWorker, createChecker, createCheckers, poolSize, readFileBytes } from "./runner";
import { WEB_STRINGS } from "./strings";
import { COLUMN_LABEL, COUNT_ORDER, FileBrief, SORT_KEYS, SortKey, SummaryRow, briefOf, checkedName, countLine, sortRows, verdictCounts } from "./summary";


interface Progress {
  done: number;
  total: number;
  current: string;
}

/** A download being made: which button, and how far (files) for the ones made a file at a time. */
interface Busy {
  what: "summary" | "zip" | "all-json" | "json" | "copy";
  done: number;
  total: number;
}

type Filter = FileVerdictKind | "all";

/** Rows the table shows at first (and adds a click): a province's 2,000 rows are filtered and sorted, not all laid out. */
export const PAGE_ROWS = 200;

export function App(props: { features: FeatureReport; initialLang: Lang; spawnWorker?: SpawnWorker | null; workers?: number }) {
  const [lang, setLang] = React.useState<Lang>(props.initialLang);
  const [briefs, setBriefs] = React.useState<FileBrief[]>([]);
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [elapsed, setElapsed] = React.useState<number | null>(null);
  const [cancelledAt, setCancelledAt] = React.useState<{ done: number; total: number } | null>(null);
  const [selected, setSelected] = React.useState<number | null>(null);
  const [detail, setDetail] = React.useState<{ index: number; outcome: FileOutcome } | null>(null);
  const [sort, setSort] = React.useState<{ key: SortKey; dir: "asc" | "desc" } | null>(null);
  const [filter, setFilter] = React.useState<Filter>("all");
  const [busy, setBusy] = React.useState<Busy | null>(null);
  const [focusRow, setFocusRow] = React.useState<number | null>(null);
  const [limit, setLimit] = React.useState(PAGE_ROWS);
  const [dragging, setDragging] = React.useState(false);
  const [copyError, setCopyError] = React.useState<string | null>(null);
  const [where, setWhere] = React.useState<"worker" | "page" | null>(null);
  const [workers, setWorkers] = React.useState(0);
  const files = React.useRef<File[]>([]);
  const running = React.useRef(false);
  const cancel = React.useRef(false);
  const checkers = React.useRef<Promise<Checker[]> | null>(null);
  const input = React.useRef<HTMLInputElement>(null);
  const w = WEB_STRINGS[lang];
  const spawn = props.spawnWorker ?? null;
  const size = props.workers ?? poolSize();

  React.useEffect(() => {
    document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
    document.title = w.title;
  }, [lang, w.title]);

  // a file chosen in the summary: its details come into view, and focus with them
  const detailsHeading = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => setCopyError(null), [selected, briefs]);
  const shownIndex = detail && detail.index === selected ? selected : null;
  React.useEffect(() => {
    if (shownIndex === null || briefs.length < 2) return;
    detailsHeading.current?.scrollIntoView?.({ block: "start" });
    detailsHeading.current?.focus();
  }, [shownIndex, briefs.length]);

  /** A file checked again in full (the batch keeps only its summary rows). */
  const full = React.useCallback(
    async (i: number): Promise<FileOutcome> => {
      if (detail && detail.index === i) return detail.outcome;
      const cs = await (checkers.current ??= createCheckers(spawn, size));
      const k = i % cs.length;
      try {
        return await cs[k].check(files.current[i].name, await readFileBytes(files.current[i]));
      } catch (e) {
        cs[k].dispose();
        cs[k] = await createChecker(spawn);
        const msg = e instanceof Error ? e.message : String(e);
        return { name: files.current[i].name, size: files.current[i].size, reports: null, settings: null, problem: { kind: "unreadable", zh: `无法读取文件：${msg}`, en: `the file cannot be read: ${msg}` }, ms: 0 };
      }
    },
    [detail, spawn, size],
  );

  // the chosen file's report, asked for again
  React.useEffect(() => {
    if (selected === null || (detail && detail.index === selected)) return;
    let live = true;
    void full(selected).then((outcome) => {
      if (live) setDetail({ index: selected, outcome });
    });
    return () => {
      live = false;
    };
  }, [selected, detail, full]);

  const run = React.useCallback(
    async (list: File[]) => {
      if (list.length === 0 || running.current) return; // one batch at a time
      running.current = true;
      cancel.current = false;
      files.current = list;
      setBriefs([]);
      setSelected(null);
      setDetail(null);
      setSort(null);
      setFilter("all");
      setLimit(PAGE_ROWS);
      setElapsed(null);
      setCancelledAt(null);
      const t0 = Date.now();
      checkers.current ??= createCheckers(spawn, size);
      const cs = await checkers.current;
      setWhere(cs[0].where);
      setWorkers(cs[0].where === "worker" ? cs.length : 0);
      const out: Array<FileBrief | undefined> = new Array(list.length);
      let one: FileOutcome | null = null;
      let next = 0;
      let done = 0;
      let painted = 0;
      setProgress({ done: 0, total: list.length, current: list[0].name });
      // each checker takes the next file when it is free: the two cores work at once, the results keep batch order
      const replacing: Array<Promise<Checker> | undefined> = [];
      const lane = async (k: number) => {
        while (!cancel.current && next < list.length) {
          const i = next++;
          const c = cs[k];
          try {
            if (list.length === 1) out[i] = briefOf((one = await c.check(list[i].name, await readFileBytes(list[i]))));
            else out[i] = await c.briefFile(list[i]);
          } catch (e) {
            // the worker failed on this file: the next file gets a fresh one (started once for the lanes it serves)
            if (cs[k] === c && !replacing[k]) {
              c.dispose();
              replacing[k] = createChecker(spawn).then((fresh) => {
                cs[k] = fresh;
                replacing[k] = undefined;
                return fresh;
              });
            }
            await replacing[k];
            const msg = e instanceof Error ? e.message : String(e);
            out[i] = briefOf({ name: list[i].name, size: list[i].size, reports: null, settings: null, problem: { kind: "unreadable", zh: `无法读取文件：${msg}`, en: `the file cannot be read: ${msg}` }, ms: 0 });
          }
          done++;
          // a big batch repaints its progress at most every 50 ms: the page's thread feeds the workers meanwhile
          const now = Date.now();
          if (list.length <= 100 || now - painted >= 50 || done === list.length) {
            painted = now;
            setProgress({ done, total: list.length, current: list[Math.min(next, list.length - 1)].name });
          }
        }
      };
      // two files in flight per worker: the next file's bytes are read and sent while the worker checks one
      await Promise.all([...cs, ...cs].map((_, k) => lane(k % cs.length)));
      running.current = false;
      setProgress(null);
      if (cancel.current) {
        // what was checked stays, in batch order
        const kept = list.map((f, i) => ({ f, b: out[i] })).filter((x): x is { f: File; b: FileBrief } => !!x.b);
        files.current = kept.map((x) => x.f);
        setBriefs(kept.map((x) => x.b));
        setCancelledAt({ done: kept.length, total: list.length });
      } else setBriefs(out as FileBrief[]);
      setElapsed(Date.now() - t0);
      if (list.length === 1 && one) {
        setDetail({ index: 0, outcome: one });
        setSelected(0);
      }
    },
    [spawn, size],
  );

  const onFiles = (fl: FileList | null) => {
    void run(fl ? Array.from(fl) : []);
  };

  const allRows = React.useMemo(() => briefs.flatMap((b, i) => b.rows[lang].map((r) => ({ ...r, fileIndex: i }))), [briefs, lang]);
  const counts = React.useMemo(() => verdictCounts(allRows), [allRows]);
  const rows = React.useMemo(() => {
    const r = filter === "all" ? allRows : allRows.filter((x) => x.verdict === filter);
    return sort ? sortRows(r, sort.key, sort.dir) : r;
  }, [allRows, filter, sort]);
  // the unreadable files after the forms, in a group of their own; the first `limit` rows laid out
  const grouped = React.useMemo(() => [...rows.filter((r) => r.verdict !== "unreadable"), ...rows.filter((r) => r.verdict === "unreadable")], [rows]);
  const visible = grouped.slice(0, limit);
  const readable = visible.filter((r) => r.verdict !== "unreadable");
  const unreadable = visible.filter((r) => r.verdict === "unreadable");
  const unreadableFiles = React.useMemo(() => new Set(rows.filter((r) => r.verdict === "unreadable").map((r) => r.fileIndex)).size, [rows]);
  const firstRowOf = React.useMemo(() => {
    const m = new Set<SummaryRow>();
    const seen = new Set<number>();
    for (const r of rows)
      if (!seen.has(r.fileIndex)) {
        seen.add(r.fileIndex);
        m.add(r);
      }
    return m;
  }, [rows]);

  const names = React.useMemo(() => uniqueNames(briefs.map((o) => o.name)), [briefs]);

  // back from a file's details to its row: the row shown (the filter cleared if it hid it), scrolled to and focused
  React.useEffect(() => {
    if (focusRow === null) return;
    const el = document.getElementById(`row-${focusRow}`);
    if (!el) return;
    el.scrollIntoView?.({ block: "center" });
    el.querySelector<HTMLButtonElement>("button.link")?.focus();
  }, [focusRow, rows]);
  const backToRow = (i: number) => {
    const hidden = !allRows.some((r) => r.fileIndex === i && (filter === "all" || r.verdict === filter));
    if (hidden) setFilter("all");
    // a row past the rows laid out: enough of them shown to reach it
    const at = (hidden ? [...allRows.filter((r) => r.verdict !== "unreadable"), ...allRows.filter((r) => r.verdict === "unreadable")] : grouped).findIndex((r) => r.fileIndex === i);
    if (at >= limit) setLimit(Math.ceil((at + 1) / PAGE_ROWS) * PAGE_ROWS);
    setFocusRow(null);
    setTimeout(() => setFocusRow(i), 0);
  };

  const copyOf = async (o: FileOutcome, i: number): Promise<Uint8Array | null> => {
    if (!ANNOTATE_AVAILABLE || !o.reports) return null;
    return annotatedCopy(new Uint8Array(await readFileBytes(files.current[i])), o.reports[lang], lang, o.settings, undefined, o.acknowledgements);
  };

  // 已核对 (a one-file check): the list changed on the page, the file's verdict decided again, the copy carries it
  const [ackNotice, setAckNotice] = React.useState<string | null>(null);
  React.useEffect(() => setAckNotice(null), [selected]);
  const changeAcknowledgements = (edit: (list: Acknowledgement[]) => Acknowledgement[], notice: string) => {
    if (!detail || !detail.outcome.reports) return;
    const outcome = acknowledgedOutcome(detail.outcome, edit(acknowledgementsOf(detail.outcome)));
    setDetail({ index: detail.index, outcome });
    setBriefs((bs) => bs.map((b, k) => (k === detail.index ? briefOf(outcome) : b)));
    setAckNotice(notice);
  };
  const ack: WebAcknowledge | undefined =
    briefs.length === 1 && ANNOTATE_AVAILABLE
      ? {
          onAcknowledge: (f, reason) => changeAcknowledgements((list) => acknowledge(list, f, reason, localDate(new Date())), ACK_WORDS[lang].webSaved),
          onUnacknowledge: (fingerprint) => changeAcknowledgements((list) => unacknowledge(list, fingerprint), ACK_WORDS[lang].removed),
        }
      : undefined;

  /** Every download shows that it is being made (and how far, file by file), then saves; one at a time. */
  const working = async (what: Busy["what"], total: number, make: (src: BatchSource) => Promise<{ name: string; data: BlobPart; type: string } | null>) => {
    if (busy) return;
    cancel.current = false;
    setBusy({ what, done: 0, total });
    await new Promise((r) => setTimeout(r, 0)); // the working state is painted before the work
    try {
      const src: BatchSource = { files: briefs.map((b) => b.name), lang, full, progress: (done, t) => setBusy({ what, done, total: t }), cancelled: () => cancel.current };
      const made = await make(src);
      if (made) download(made.name, made.data, made.type);
    } catch (e) {
      setCopyError(w.copyFailed(e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(null);
    }
  };

  const downloadZip = () =>
    working("zip", briefs.length, async (src) => {
      const blob = await batchZipBlob({ ...src, rows: allRows, copy: ANNOTATE_AVAILABLE ? copyOf : null });
      return blob ? { name: lang === "en" ? "selfeval.zip" : "校验结果.zip", data: blob, type: "application/zip" } : null;
    });
  const downloadAllJson = () =>
    working("all-json", briefs.length, async (src) => {
      const blob = await batchJsonBlob(src);
      return blob ? { name: ALL_JSON_NAME, data: blob, type: "application/json" } : null;
    });
  const downloadSummary = () => working("summary", 0, async () => ({ name: SUMMARY_NAME[lang], data: summaryWorkbookOf(briefs.map((b) => b.name), allRows, lang, false) as BlobPart, type: XLSX_TYPE }));

  const label = (what: Busy["what"], idle: string) => (busy?.what === what ? (busy.total ? w.packing(busy.done, busy.total) : w.preparing) : idle);
  const busyProps = (what: Busy["what"]) => ({ disabled: busy !== null, "aria-busy": busy?.what === what ? true : undefined, "data-busy": busy?.what === what ? "true" : "false" });

  const sortBy = (key: SortKey) => setSort((cur) => (cur && cur.key === key ? { key, dir: cur.dir === "asc" ? "desc" : "asc" } : { key, dir: key === "errors" || key === "warnings" ? "desc" : "asc" }));

  const n = (x: number | null) => (x === null ? "—" : formatNumber(x));
  const shown = shownIndex === null ? null : detail!.outcome;

  const cell = (r: SummaryRow, k: SortKey) => {
    switch (k) {
      case "file":
        return (
          <td key={k} className="td">
            <button type="button" className="link" onClick={() => setSelected(r.fileIndex)} aria-label={`${w.details} ${r.file}`}>
              {r.file}
            </button>
          </td>
        );
      case "form": {
        const problem = briefs[r.fileIndex]?.problem;
        return (
          <td key={k} className={r.status === "unreadable" ? "td row-problem" : "td"} data-testid="summary-form">
            {r.status === "unreadable" ? (problem ? PROBLEM_HINT[problem.kind][lang] : VERDICT_LABEL[lang].unreadable) : r.form}
          </td>
        );
      }
      case "verdict":
        return (
          <td key={k} className={`td verdict-cell v-${r.verdict}`} data-testid="summary-verdict" data-verdict={r.verdict} title={r.verdictText}>
            {VERDICT_LABEL[lang][r.verdict]}
          </td>
        );
      case "top":
        return (
          <td key={k} className="td top-cell" data-testid="summary-top">
            {r.status === "unreadable" ? r.note : r.top}
          </td>
        );
      case "rate":
        return (
          <td key={k} className="td num">
            {r.rate === null ? "—" : formatPercent(r.rate)}
          </td>
        );
      case "written":
      case "recalculated":
        return (
          <td key={k} className="td num">
            {n(r[k])}
          </td>
        );
      case "errors":
        return (
          <td key={k} className="td num" data-testid="summary-errors">
            {r.errors}
          </td>
        );
      case "warnings":
        return (
          <td key={k} className="td num">
            {r.warnings}
          </td>
        );
      default:
        return (
          <td key={k} className="td">
            {r[k] ?? ""}
          </td>
        );
    }
  };
  const rowOf = (r: SummaryRow, i: number) => (
    <tr
      key={`${r.fileIndex}-${i}`}
      id={firstRowOf.has(r) ? `row-${r.fileIndex}` : undefined}
      className={focusRow === r.fileIndex ? "focused-row" : undefined}
      data-testid="summary-row"
      data-status={r.status}
      data-verdict={r.verdict}
      data-file={r.file}
    >
      {SORT_KEYS.map((k) => cell(r, k))}
    </tr>
  );

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
          <span>{w.progress(Math.min(progress.done + 1, progress.total), progress.total, progress.current)}</span>
          <progress className="progress" max={progress.total} value={progress.done} aria-label={w.progress(Math.min(progress.done + 1, progress.total), progress.total, progress.current)} />
          <button type="button" onClick={() => (cancel.current = true)} data-testid="cancel">
            {w.cancel}
          </button>
        </div>
      ) : null}

      {elapsed !== null && (briefs.length || cancelledAt) ? (
        <div role="status" data-testid="done" data-elapsed-ms={elapsed} data-workers={workers}>
          <span>
            {cancelledAt ? w.cancelled(cancelledAt.done, cancelledAt.total) : w.done(briefs.length, elapsed)}
            {where ? ` (${w.checkedIn(where)}${workers > 1 ? ` ×${workers}` : ""})` : ""}
          </span>
        </div>
      ) : null}

      {briefs.length > 1 ? (
        <section aria-labelledby="summary-heading" data-testid="summary">
          <h2 id="summary-heading">{w.summary}</h2>
          <p className="counts" data-testid="counts" data-counts={JSON.stringify(counts)} aria-label={w.counts}>
            {countLine(counts, lang)}
          </p>
          <div className="actions">
            <button type="button" onClick={() => void downloadSummary()} data-testid="download-summary" {...busyProps("summary")}>
              {label("summary", w.downloadSummary)}
            </button>
            <button type="button" onClick={() => void downloadZip()} data-testid="download-zip" {...busyProps("zip")}>
              {label("zip", ANNOTATE_AVAILABLE ? w.downloadZip : w.downloadZipNoCopies)}
            </button>
            <button type="button" onClick={() => void downloadAllJson()} data-testid="download-all-json" {...busyProps("all-json")}>
              {label("all-json", w.downloadAllJson)}
            </button>
            {busy && busy.total ? (
              <span role="status" data-testid="download-progress">
                <progress className="progress" style={{ width: "12em" }} max={busy.total} value={busy.done} aria-label={w.downloadProgress(busy.done, busy.total)} /> {w.downloadProgress(busy.done, busy.total)}{" "}
                <button type="button" onClick={() => (cancel.current = true)} data-testid="cancel-download">
                  {w.cancel}
                </button>
              </span>
            ) : null}
          </div>
          <div className="filters" role="group" aria-label={w.filterBy} data-testid="filters">
            <button type="button" aria-pressed={filter === "all"} onClick={() => setFilter("all")} data-testid="filter-all">
              {w.filterAll(allRows.length)}
            </button>
            {COUNT_ORDER.filter((k) => k !== "no-form" || counts[k] > 0).map((k) => (
              <button key={k} type="button" aria-pressed={filter === k} onClick={() => setFilter(k)} data-testid={`filter-${k}`} disabled={counts[k] === 0}>
                {`${VERDICT_LABEL[lang][k]} ${counts[k]}`}
              </button>
            ))}
          </div>
          <div className="table-wrap" data-testid="table-wrap">
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
              <tbody>{readable.map(rowOf)}</tbody>
              {unreadable.length ? (
                <tbody data-testid="unreadable-group">
                  <tr>
                    <th className="group-head" colSpan={SORT_KEYS.length} scope="colgroup">
                      {w.unreadableGroup(unreadableFiles)}
                    </th>
                  </tr>
                  {unreadable.map(rowOf)}
                </tbody>
              ) : null}
            </table>
          </div>
          {grouped.length > limit ? (
            <div className="actions" data-testid="more-rows">
              <span>{w.rowsShown(limit, grouped.length)}</span>
              <button type="button" onClick={() => setLimit(limit + PAGE_ROWS)} data-testid="show-more">
                {w.showMore(Math.min(PAGE_ROWS, grouped.length - limit))}
              </button>
              <button type="button" onClick={() => setLimit(grouped.length)} data-testid="show-all">
                {w.showAll(grouped.length)}
              </button>
            </div>
          ) : null}
        </section>
      ) : null}

      {selected !== null && !shown && briefs.length > 1 ? (
        <div role="status" data-testid="details-loading">
          {w.loadingDetails}
        </div>
      ) : null}

      {shown ? (
        <section className="details" aria-labelledby="details-heading" data-testid="details">
          <h2 id="details-heading" ref={detailsHeading} tabIndex={-1}>
            {shown.name}
          </h2>
          {briefs.length > 1 ? (
            <div>
              <button type="button" className="link" onClick={() => backToRow(selected!)} data-testid="back-to-row">
                {w.backToRow}
              </button>
            </div>
          ) : null}
          {shown.reports ? (
            <>
              <p data-testid="verdict" data-verdict={shown.reports[lang].verdict.kind}>
                {shown.reports[lang].verdict.text}
              </p>
              <div className="actions">
                <button type="button" onClick={() => void working("json", 0, async () => ({ name: jsonName(names[selected!]), data: cliJsonText([shown], lang), type: "application/json" }))} data-testid="download-json" {...busyProps("json")}>
                  {label("json", w.downloadJson)}
                </button>
                {ANNOTATE_AVAILABLE ? (
                  <button
                    type="button"
                    onClick={() => {
                      setCopyError(null);
                      const i = selected!;
                      void working("copy", 0, async () => {
                        const c = await copyOf(shown, i);
                        return c ? { name: checkedName(names[i], names), data: c as BlobPart, type: XLSX_TYPE } : null;
                      });
                    }}
                    data-testid="download-copy"
                    {...busyProps("copy")}
                  >
                    {label("copy", w.downloadCopy)}
                  </button>
                ) : (
                  <button type="button" disabled data-testid="download-copy" title={w.copyUnavailable}>
                    {w.copyUnavailable}
                  </button>
                )}
              </div>
              <div role="status" aria-live="polite" data-testid="ack-notice">
                {ackNotice}
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
                  <FormView key={`${f.sheet}-${f.range}-${i}`} form={f} lang={lang} ack={ack} />
                ))}
              </div>
            </>
          ) : (
            <div role="alert" className="problem" data-testid="file-problem" data-problem={shown.problem?.kind}>
              <strong>{w.fileProblem}</strong>
              <p>{shown.problem?.[lang]}</p>
              <button type="button" onClick={() => void working("json", 0, async () => ({ name: jsonName(names[selected!]), data: cliJsonText([shown], lang), type: "application/json" }))} data-testid="download-json" {...busyProps("json")}>
                {label("json", w.downloadJson)}
              </button>
            </div>
          )}
        </section>
      ) : null}
    </main>
  );
}
