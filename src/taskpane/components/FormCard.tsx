import { Badge, Button, Caption1, Card, CardHeader, Text, makeStyles, tokens } from "@fluentui/react-components";
import { FormReport } from "../../core/engine";
import { Finding, Severity } from "../../core/findings";
import { formatNumber, formatPercent } from "../../core/parse";
import { Strings } from "../i18n";

const useStyles = makeStyles({
  figures: { display: "grid", gridTemplateColumns: "auto auto", columnGap: tokens.spacingHorizontalM, rowGap: "2px", margin: `${tokens.spacingVerticalXS} 0` },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  finding: { width: "100%", justifyContent: "flex-start", textAlign: "left", alignItems: "flex-start", height: "auto", paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightRegular },
  body: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  message: { whiteSpace: "normal", wordBreak: "break-word" },
  meta: { color: tokens.colorNeutralForeground3 },
  group: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}`, fontWeight: tokens.fontWeightSemibold },
});

export const SEVERITY_BADGE: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

function show(v: unknown, percent: boolean): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "number") return percent ? formatPercent(v) : formatNumber(v, 4);
  return String(v);
}

export function FindingItem(props: { finding: Finding; t: Strings; onSelect: (f: Finding) => void }) {
  const { finding: f, t } = props;
  const s = useStyles();
  const where = f.cell ? `${f.sheet}!${f.cell}` : t.workbookLevel;
  const hasValues = f.expected !== undefined || f.actual !== undefined;
  return (
    <li>
      <Button
        appearance="subtle"
        className={s.finding}
        disabled={!f.cell}
        onClick={() => props.onSelect(f)}
        aria-label={`${t.severity[f.severity]} ${where}: ${f.message}`}
        title={f.cell ? t.goTo(where) : undefined}
        data-testid="finding"
        data-rule={f.rule}
        data-cell={where}
      >
        <span className={s.body}>
          <span>
            <Badge appearance="tint" color={SEVERITY_BADGE[f.severity]} size="small">
              {t.severity[f.severity]}
            </Badge>{" "}
            <Text weight="semibold">{where}</Text>
          </span>
          <Text className={s.message}>{f.message}</Text>
          <Caption1 className={s.meta}>
            {f.rule}
            {hasValues ? ` · ${t.expected} ${show(f.expected, f.valueFormat === "percent")} · ${t.actual} ${show(f.actual, f.valueFormat === "percent")}` : ""}
          </Caption1>
        </span>
      </Button>
    </li>
  );
}

const ORDER: Severity[] = ["error", "warning", "info"];

export function FormCard(props: { form: FormReport; t: Strings; visible: Record<Severity, boolean>; onSelect: (f: Finding) => void }) {
  const { form, t } = props;
  const s = useStyles();
  const n = (x: number | null) => (x === null ? "—" : formatNumber(x));
  return (
    <Card data-testid="form-card" aria-label={form.projectName ?? t.unnamed}>
      <CardHeader
        header={<Text weight="semibold">{form.projectName ?? (form.kind === "department" ? t.notChecked : t.unnamed)}</Text>}
        description={
          <Caption1>
            {form.sheet}!{form.range}
            {form.template ? ` · 模板：${form.template.id === "unknown" ? "未识别" : form.template.name}` : ""}
          </Caption1>
        }
        action={
          form.grade ? (
            <Badge appearance="filled" color={form.grade === "差" ? "danger" : form.grade === "中" ? "warning" : "success"} aria-label={`${t.grade} ${form.grade}`}>
              {form.grade}
            </Badge>
          ) : undefined
        }
      />
      {form.checked ? (
        <div className={s.figures} data-testid="form-figures">
          <Caption1>{t.rate}</Caption1>
          <Text>{form.budget.executionRate === null ? "—" : formatPercent(form.budget.executionRate)}</Text>
          <Caption1>{t.budgetScore}</Caption1>
          <Text>{n(form.budget.score)}</Text>
          <Caption1>
            {t.written} / {t.sum}
          </Caption1>
          <Text>
            {n(form.totals.reportedScore)} / {n(form.totals.sumOfScores)}
          </Text>
          <Caption1>{t.recalculated}</Caption1>
          <Text weight="semibold">{n(form.totals.recalculatedScore)}</Text>
        </div>
      ) : null}
      {form.findings.length === 0 ? <Text>{t.noProblems}</Text> : null}
      {ORDER.map((sev) => {
        const list = form.findings.filter((f) => f.severity === sev);
        if (list.length === 0 || !props.visible[sev]) return null;
        return (
          <section key={sev} aria-label={`${t.severity[sev]} ${list.length}`}>
            <div className={s.group}>
              {t.severity[sev]} ({list.length})
            </div>
            <ul className={s.list}>
              {list.map((f, i) => (
                <FindingItem key={`${f.rule}-${f.cell}-${i}`} finding={f} t={t} onSelect={props.onSelect} />
              ))}
            </ul>
          </section>
        );
      })}
    </Card>
  );
}
