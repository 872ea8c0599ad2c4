import { FormReport } from "../core/engine";
import { Finding, Severity } from "../core/findings";
import { Lang } from "../core/options";
import { formatNumber, formatPercent } from "../core/parse";
import { STRINGS } from "../taskpane/i18n";
import { WEB_STRINGS } from "./strings";

/**
 * One form's result, as the pane shows it: a one-line verdict, the figures, then the findings by severity (errors
 * first). Plain React and the page's own CSS (src/web/web.html) — the pane's Fluent UI components need class static
 * blocks (ES2022), which Chromium 86 kernels cannot parse. The words are the pane's (src/taskpane/i18n.ts).
 */
const ORDER: Severity[] = ["error", "warning", "info"];

function show(v: unknown, percent: boolean): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "number") return percent ? formatPercent(v) : formatNumber(v, 2);
  return String(v);
}

export function FindingLine(props: { finding: Finding; lang: Lang }) {
  const f = props.finding;
  const t = STRINGS[props.lang];
  const where = f.cell ? `${f.sheet}!${f.cell}` : t.workbookLevel;
  const hasValues = (f.expected !== undefined && f.expected !== null) || (f.actual !== undefined && f.actual !== null);
  return (
    <li className={`finding sev-${f.severity}`} data-testid="finding" data-rule={f.rule} data-cell={f.cell ? where : ""}>
      <span className={`badge sev-${f.severity}`}>{t.severity[f.severity]}</span> <strong>{where}</strong>
      <div className="message">{f.message}</div>
      <div className="meta">
        {f.rule}
        {hasValues ? ` · ${t.expected} ${show(f.expected, f.valueFormat === "percent")} · ${t.actual} ${show(f.actual, f.valueFormat === "percent")}` : ""}
      </div>
    </li>
  );
}

export function FormView(props: { form: FormReport; lang: Lang }) {
  const { form, lang } = props;
  const t = STRINGS[lang];
  const w = WEB_STRINGS[lang];
  const n = (x: number | null) => (x === null ? "—" : formatNumber(x, 2));
  const errors = form.counts.error;
  const title = form.projectName ?? (form.kind === "department" ? t.notChecked : t.unnamed);
  return (
    <article className="card" data-testid="form-card" aria-label={title}>
      <header className="card-head">
        <div>
          <h3>{title}</h3>
          <div className="meta">
            {form.sheet}!{form.range}
          </div>
        </div>
        {form.checked ? (
          <div className={errors ? "verdict bad" : "verdict ok"} data-testid="form-verdict">
            {errors ? w.mustFix(errors) : w.canSubmit}
            {!errors && form.grade ? ` · ${t.grade} ${form.grade}` : ""}
          </div>
        ) : null}
      </header>
      {form.checked ? (
        <dl className="figures" data-testid="form-figures">
          <dt>{t.rate}</dt>
          <dd>{form.budget.executionRate === null ? "—" : formatPercent(form.budget.executionRate)}</dd>
          <dt>{t.budgetScore}</dt>
          <dd>{n(form.budget.score)}</dd>
          <dt>
            {t.written} / {t.sum}
          </dt>
          <dd>
            {n(form.totals.reportedScore)} / {n(form.totals.sumOfScores)}
          </dd>
          <dt>{t.recalculated}</dt>
          <dd>
            <strong>{n(form.totals.recalculatedScore)}</strong>
          </dd>
        </dl>
      ) : null}
      {form.findings.length === 0 ? <p>{t.noProblems}</p> : null}
      {ORDER.map((sev) => {
        const list = form.findings.filter((f) => f.severity === sev);
        if (list.length === 0) return null;
        return (
          <section key={sev}>
            <h4>
              {t.severity[sev]} ({list.length})
            </h4>
            <ul className="findings">
              {list.map((f, i) => (
                <FindingLine key={`${f.rule}-${f.cell}-${i}`} finding={f} lang={lang} />
              ))}
            </ul>
          </section>
        );
      })}
    </article>
  );
}
