import { sheetCellKey } from "../core/a1";
import { FormReport } from "../core/engine";
import { Finding, Severity } from "../core/findings";
import { Lang } from "../core/options";
import { formatPercent } from "../core/parse";
import { detailLine, gradeWord, ruleTitle, showNumber, triage } from "../core/present";
import { rulesInForce } from "../core/settings";
import { FORM_WORDS } from "../core/words";
import { AckButton, AcknowledgedSection, WebAcknowledge } from "./Acknowledge";

/**
 * One form's result, as the pane shows it (src/core/present.ts): a one-line verdict, the figures, then the findings
 * by severity and by what blocks submission, each with its rule's plain name. Plain React and the page's own CSS
 * (src/web/web.html) — the pane's Fluent UI components need class static blocks (ES2022), which Chromium 86 kernels
 * cannot parse. The words are the pane's (src/taskpane/i18n.ts).
 */
const ORDER: Severity[] = ["error", "warning", "info"];

export function FindingLine(props: { finding: Finding; lang: Lang; ack?: WebAcknowledge }) {
  const f = props.finding;
  const t = FORM_WORDS[props.lang];
  const where = f.cell ? sheetCellKey(f.sheet, f.cell) : t.workbookLevel;
  const detail = detailLine(f, props.lang);
  return (
    <li className={`finding sev-${f.severity}`} data-testid="finding" data-rule={f.rule} data-cell={f.cell ? where : ""}>
      <span className={`badge sev-${f.severity}`}>{t.severityOne[f.severity]}</span> <strong>{where}</strong> <span className="meta">{ruleTitle(f.rule, props.lang)}</span>
      <div className="message">{f.message}</div>
      {detail ? <div className="meta">{detail}</div> : null}
      <AckButton finding={f} lang={props.lang} ack={props.ack} />
    </li>
  );
}

export function FormView(props: { form: FormReport; lang: Lang; ack?: WebAcknowledge }) {
  const { form, lang } = props;
  const t = FORM_WORDS[lang];
  const n = (x: number | null) => (x === null ? "—" : showNumber(x));
  const verdict = form.verdict;
  const fig = verdict.figures;
  const title = form.projectName ?? (form.kind === "department" ? t.notChecked : t.unnamed);
  const findings = triage(form.findings);
  return (
    <article className="card" data-testid="form-card" aria-label={title}>
      <header className="card-head">
        <div>
          <h3>{title}</h3>
          <div className="meta">
            {form.sheet}!{form.range}
          </div>
          {form.checked ? <div className="meta" data-testid="rules-in-force">{rulesInForce(form.preset, lang)}</div> : null}
        </div>
        <div className={verdict.kind === "fix" ? "verdict bad" : verdict.kind === "submit" ? "verdict ok" : "verdict muted"} data-testid="form-verdict" data-verdict={verdict.kind}>
          {verdict.text}
          {verdict.grade ? ` · ${t.grade} ${gradeWord(verdict.grade, props.lang)}` : ""}
        </div>
      </header>
      {form.checked ? (
        <dl className="figures" data-testid="form-figures">
          <dt>{t.rate}</dt>
          <dd>{fig.executionRate === null ? "—" : formatPercent(fig.executionRate, 2)}</dd>
          <dt>{t.budgetScore}</dt>
          <dd>{n(fig.budgetScore)}</dd>
          <dt>
            {t.written} / {t.sum}
          </dt>
          <dd>
            {n(fig.writtenTotal)} / {n(fig.sumOfScores)}
          </dd>
          <dt>{t.recalculated}</dt>
          <dd>
            <strong data-testid="recalculated">{n(fig.recalculatedTotal)}</strong>
          </dd>
        </dl>
      ) : null}
      {findings.length === 0 && !form.acknowledged?.length ? <p>{t.noProblems}</p> : null}
      {ORDER.map((sev) => {
        const list = findings.filter((f) => f.severity === sev);
        if (list.length === 0) return null;
        return (
          <section key={sev}>
            <h4>
              {t.severity[sev]} ({list.length})
            </h4>
            <ul className="findings">
              {list.map((f, i) => (
                <FindingLine key={`${f.rule}-${f.cell}-${i}`} finding={f} lang={lang} ack={props.ack} />
              ))}
            </ul>
          </section>
        );
      })}
      <AcknowledgedSection items={form.acknowledged} lang={lang} ack={props.ack} />
    </article>
  );
}
