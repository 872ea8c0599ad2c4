import { sheetCellKey } from "../../core/a1";
import * as React from "react";
import { Badge, Button, Caption1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { rulesInForce } from "../../core/settings";
import { FormReport } from "../../core/engine";
import { Finding, Severity } from "../../core/findings";
import { Lang } from "../../core/options";
import { detailLine, ruleTitle, showNumber, showValue, stepLines, triage } from "../../core/present";
import { Proposal } from "../../core/writeback";
import { Strings } from "../i18n";
import { AcknowledgeActions, AcknowledgeButton, AcknowledgedList } from "./Acknowledge";
import { canAcknowledge } from "../../core/acknowledge";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  verdict: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, flexWrap: "wrap", fontWeight: tokens.fontWeightSemibold },
  fix: { color: tokens.colorPaletteRedForeground1 },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  figures: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: 0, margin: 0, padding: 0 },
  figure: { whiteSpace: "nowrap", display: "flex", gap: "4px", margin: 0 },
  groupTitle: { margin: `${tokens.spacingVerticalXS} 0 0`, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  item: { borderLeft: "3px solid transparent", paddingLeft: "2px" },
  itemCurrent: { borderLeftColor: tokens.colorBrandStroke1, backgroundColor: tokens.colorNeutralBackground1Selected },
  finding: {
    width: "100%",
    minWidth: 0,
    justifyContent: "flex-start",
    textAlign: "left",
    alignItems: "flex-start",
    height: "auto",
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  body: { display: "flex", flexDirection: "column", gap: 0, minWidth: 0 },
  head: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  message: { whiteSpace: "normal", overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, paddingLeft: tokens.spacingHorizontalXS, paddingBottom: "2px" },
  hint: { margin: `0 0 ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium, overflowWrap: "anywhere" },
  hintList: { margin: `2px 0`, paddingLeft: "1.4em" },
  steps: { margin: `0 0 ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium },
  stepsList: { listStyleType: "none", margin: 0, padding: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, fontVariantNumeric: "tabular-nums", overflowWrap: "anywhere" },
  hintText: { display: "block", padding: "4px", backgroundColor: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke2}`, userSelect: "all", whiteSpace: "normal" },
});

export const SEVERITY_BADGE: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

/** What the pane needs to act on a finding. */
export interface FindingActions {
  onSelect: (f: Finding) => void;
  /** the one-cell fix for a finding, if the rule proposes one */
  fixFor?: (f: Finding) => Proposal | null;
  onFix?: (f: Finding, p: Proposal) => void;
  /** the finding the person is on (stepping), if any */
  current?: Finding | null;
  disabled?: boolean;
  /** 已核对: confirm a warning with a reason, undo a confirmation (./Acknowledge.tsx) */
  acknowledge?: AcknowledgeActions;
}

function CauseHint(props: { hint: string; t: Strings; id: string }) {
  const s = useStyles();
  const { t } = props;
  const [copied, setCopied] = React.useState(false);
  const copy = () => {
    const done = () => setCopied(true);
    if (navigator.clipboard?.writeText) void navigator.clipboard.writeText(props.hint).then(done, () => undefined);
  };
  return (
    <div className={s.hint} id={props.id} data-testid="cause-hint">
      <Caption1 as="p" block>
        {t.hintTitle}
      </Caption1>
      <ol className={s.hintList}>
        {t.hintParts.map((p) => (
          <li key={p}>
            <Caption1>{p}</Caption1>
          </li>
        ))}
      </ol>
      <Caption1 as="p" block>
        {t.hintStart}
      </Caption1>
      <Text size={200} className={s.hintText} data-testid="cause-hint-text">
        {props.hint}
      </Text>
      <Button size="small" appearance="subtle" onClick={copy}>
        {copied ? t.copied : t.copy}
      </Button>
    </div>
  );
}

export function FindingItem(props: { finding: Finding; t: Strings; lang: Lang; actions: FindingActions; index?: number }) {
  const { finding: f, t, lang, actions } = props;
  const s = useStyles();
  const [hintOpen, setHintOpen] = React.useState(false);
  const [stepsOpen, setStepsOpen] = React.useState(false);
  const steps = stepLines(f, lang);
  const stepsId = React.useId();
  const where = f.cell ? sheetCellKey(f.sheet, f.cell) : t.workbookLevel;
  const detail = detailLine(f, lang);
  const isCurrent = actions.current === f;
  const fix = actions.fixFor?.(f) ?? null;
  const hintId = React.useId();
  return (
    <li className={mergeClasses(s.item, isCurrent && s.itemCurrent)} data-testid="finding-item" data-current={isCurrent ? "true" : undefined}>
      <Button
        appearance="subtle"
        className={s.finding}
        disabled={!f.cell}
        onClick={() => actions.onSelect(f)}
        title={f.cell ? t.goTo(where) : undefined}
        aria-current={isCurrent ? "true" : undefined}
        data-testid="finding"
        data-rule={f.rule}
        data-cell={where}
        data-severity={f.severity}
      >
        <span className={s.body}>
          <span className={s.head}>
            {ruleTitle(f.rule, lang)} · {where}
          </span>
          <span className={s.message}>{f.message}</span>
          {detail ? <Caption1 className={s.muted}>{detail}</Caption1> : null}
        </span>
      </Button>
      {fix || f.hint || steps.length || (actions.acknowledge && canAcknowledge(f)) ? (
        <div className={s.actions}>
          {fix ? (
            <Button size="small" appearance="outline" disabled={actions.disabled} onClick={() => actions.onFix?.(f, fix)} data-testid="fix" data-cell={where}>
              {t.fixTo(showValue(fix.new, fix.valueFormat === "percent"))}
            </Button>
          ) : null}
          {steps.length ? (
            <Button size="small" appearance="subtle" aria-expanded={stepsOpen} aria-controls={stepsOpen ? stepsId : undefined} onClick={() => setStepsOpen((o) => !o)} data-testid="steps-toggle">
              {t.steps}
            </Button>
          ) : null}
          {f.hint ? (
            <Button size="small" appearance="subtle" aria-expanded={hintOpen} aria-controls={hintOpen ? hintId : undefined} onClick={() => setHintOpen((o) => !o)} data-testid="hint-toggle">
              {t.hintShow}
            </Button>
          ) : null}
          <AcknowledgeButton finding={f} lang={lang} disabled={actions.disabled} actions={actions.acknowledge} />
        </div>
      ) : null}
      {steps.length && stepsOpen ? (
        <div className={s.steps} id={stepsId} data-testid="steps">
          <ul className={s.stepsList} aria-label={t.stepsLabel}>
            {steps.map((line, k) => (
              <li key={k} data-testid="step-line">
                {line}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {f.hint && hintOpen ? <CauseHint hint={f.hint} t={t} id={hintId} /> : null}
    </li>
  );
}

const ORDER: Severity[] = ["error", "warning", "info"];

/** Findings grouped by severity, each group under its own heading, in the order that blocks submission. */
export function FindingGroups(props: { findings: Finding[]; t: Strings; lang: Lang; visible: Record<Severity, boolean>; actions: FindingActions; level: 3 | 2 }) {
  const { t } = props;
  const s = useStyles();
  const sorted = triage(props.findings);
  const H = props.level === 3 ? "h3" : "h2";
  return (
    <>
      {ORDER.map((sev) => {
        const list = sorted.filter((f) => f.severity === sev);
        if (list.length === 0 || !props.visible[sev]) return null;
        return (
          <section key={sev} data-testid={`group-${sev}`}>
            <H className={s.groupTitle}>{t.group(t.severity[sev], list.length)}</H>
            <ul className={s.list}>
              {list.map((f, i) => (
                <FindingItem key={`${f.rule}-${f.cell}-${i}`} finding={f} t={t} lang={props.lang} actions={props.actions} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

export function FormCard(props: { form: FormReport; t: Strings; lang: Lang; visible: Record<Severity, boolean>; actions: FindingActions; index: number }) {
  const { form, t, lang } = props;
  const s = useStyles();
  const n = (x: number | null) => (x === null ? "—" : showNumber(x));
  const verdict = form.verdict;
  const fig = verdict.figures;
  const headingId = `form-${props.index}-title`;
  const name = form.projectName ?? (form.kind === "department" ? t.notChecked : t.unnamed);
  return (
    <section className={s.card} data-testid="form-card" aria-labelledby={headingId}>
      <h2 className={s.title} id={headingId}>
        {name}
      </h2>
      <div className={s.verdict} data-testid="verdict" data-verdict={verdict.kind}>
        <span className={verdict.kind === "fix" ? s.fix : verdict.kind === "submit" ? s.ok : s.muted}>{verdict.text}</span>
        {/* the grade the core decided: only on a form that can be submitted, never a green 优 beside errors */}
        {verdict.grade ? (
          <Badge appearance="tint" color={verdict.grade === "差" ? "danger" : verdict.grade === "中" ? "warning" : "success"} data-testid="grade">
            {t.gradeLabel(verdict.grade)}
          </Badge>
        ) : null}
      </div>
      <Caption1 className={s.muted}>
        {form.sheet}!{form.range}
        {form.template ? ` · ${t.template(form.template.id === "unknown" ? t.templateUnknown : form.template.name)}` : ""}
      </Caption1>
      {form.checked ? <Caption1 className={s.muted} data-testid="rules-in-force">{rulesInForce(form.preset, lang)}</Caption1> : null}
      {form.checked ? (
        <dl className={s.figures} data-testid="form-figures" aria-label={t.figuresLabel}>
          <div className={s.figure}>
            <dt>{t.rate}</dt>
            <dd style={{ margin: 0 }}>{fig.executionRate === null ? "—" : showValue(fig.executionRate, true)}</dd>
          </div>
          <div className={s.figure}>
            <dt>{t.budgetScore}</dt>
            <dd style={{ margin: 0 }}>{n(fig.budgetScore)}</dd>
          </div>
          <div className={s.figure}>
            <dt>
              {t.written} / {t.sum}
            </dt>
            <dd style={{ margin: 0 }}>
              {n(fig.writtenTotal)} / {n(fig.sumOfScores)}
            </dd>
          </div>
          <div className={s.figure}>
            <dt>{t.recalculated}</dt>
            <dd style={{ margin: 0, fontWeight: 600 }} data-testid="recalculated">
              {n(fig.recalculatedTotal)}
            </dd>
          </div>
        </dl>
      ) : null}
      {form.findings.length === 0 && !form.acknowledged?.length ? <Text>{t.noProblems}</Text> : null}
      <FindingGroups findings={form.findings} t={t} lang={lang} visible={props.visible} actions={props.actions} level={3} />
      <AcknowledgedList items={form.acknowledged} lang={lang} disabled={props.actions.disabled} actions={props.actions.acknowledge} />
    </section>
  );
}
