import { address, rangeAddress } from "./a1";
import { FormAnalysis, analyseForm } from "./analyse";
import { Finding, Fix, FixInput, RuleContext, Severity, fillMessage, r4, resolveData } from "./findings";
import { Grid } from "./grid";
import { REPORT_SHEET_NAME } from "./labels";
import { FormLayout, locateForms } from "./locate";
import { CheckOptions, PRESETS, PresetSource, presetSettings, resolveOptions } from "./options";
import { Family } from "./families";
import { Grade } from "./scoring";
import { WorkbookSnapshot } from "./snapshot";
import { RULES } from "./rules";
import { FileVerdict, FormVerdict, countBySeverity, decideForm, decideWorkbook } from "./outcome";
import { blockingRank } from "./rank";
import { AcknowledgedFinding, findingFingerprint, formName, splitAcknowledged } from "./acknowledge";

/** What a check says about one form: the shape of the CLI's JSON. */
export interface FormReport {
  sheet: string;
  range: string;
  /** a project form; or a form of another kind, recognised and not checked: department-overall, transfer payment (转移支付) */
  kind: "project" | "department" | "transfer";
  checked: boolean;
  projectName: string | null;
  year: number | null;
  budget: { executionRate: number | null; score: number | null };
  totals: { weights: number; reportedScore: number | null; sumOfScores: number; recalculatedScore: number };
  grade: Grade | null;
  counts: Record<Severity, number>;
  findings: Finding[];
  /** the template family the form was read as (RULES.md §5); id "unknown" when none matched */
  template: { id: string; name: string };
  /** the preset the form was checked with, and which setting chose it */
  preset: { id: string; name: string; source: PresetSource };
  /** sections that could not be read: their figures are not checked (未校验) and the form has no grade */
  unchecked: string[];
  /** the form's outcome, decided once (src/core/outcome.ts): every surface renders it */
  verdict: FormVerdict;
  /**
   * Warnings the clerk confirmed (已核对, core/acknowledge.ts), each with its reason and date, in the order found: not
   * in `findings` nor `counts`. Absent when none.
   */
  acknowledged?: AcknowledgedFinding[];
}

export interface WorkbookReport {
  forms: FormReport[];
  /** findings about the workbook rather than one form */
  findings: Finding[];
  /** the worst of its forms, or 未找到表格 (src/core/outcome.ts) */
  verdict: FileVerdict;
}

export interface CheckResult {
  report: WorkbookReport;
  /** the analysis behind each checked form, for write-back (same order as report.forms) */
  analyses: Array<FormAnalysis | null>;
}

/** Checks every form of a workbook snapshot. Pure: the same snapshot and options always give the same report. */
export function checkWorkbook(wb: WorkbookSnapshot, partial?: Partial<CheckOptions>): WorkbookReport {
  return runCheck(wb, partial).report;
}

/**
 * The options one form is checked with: a preset chosen by a setting wins; otherwise the form's family suggests one,
 * under the settings given (precedence: --config, workbook settings, family preset, central default). The settings
 * given are choices (core/settings optionsFor): every value in them was chosen, whatever it equals, and wins over
 * the family's preset; a value absent (or null) is no choice.
 */
export function formOptions(family: Family, partial: Partial<CheckOptions> | undefined): { options: CheckOptions; preset: string; source: PresetSource } {
  const given: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(partial ?? {})) if (v !== undefined && v !== null) given[k] = v;
  const chosen = typeof given.preset === "string" ? given.preset : null;
  const preset = chosen ?? family.preset;
  const options = resolveOptions({ ...presetSettings(preset), ...(given as Partial<CheckOptions>) });
  if (chosen) return { options, preset, source: partial?.presetSource ?? "config" };
  return { options, preset, source: family.id === "unknown" ? "default" : "family" };
}

/**
 * The rules kept quiet on a form, as the rules' own meta says (a finding that would only repeat what another says, or
 * judge figures read from a section not read): e.g. on an unfilled template the one form-unfilled finding stands for
 * every other (RULES.md §5 B). A rule never quiets itself.
 */
export function quietedRules(form: FormAnalysis): Set<string> {
  const quiet = new Set<string>();
  for (const rule of RULES) {
    const q = rule.meta.quiets?.(form);
    if (!q) continue;
    const names = "rules" in q ? q.rules : RULES.map((r) => r.id).filter((id) => !q.allBut.includes(id));
    for (const id of names) if (id !== rule.id) quiet.add(id);
  }
  return quiet;
}

export function runCheck(wb: WorkbookSnapshot, partial?: Partial<CheckOptions>): CheckResult {
  const options = resolveOptions(partial);
  const say = (zh: string, en: string) => (options.lang === "en" ? en : zh);
  const forms: FormReport[] = [];
  const analyses: Array<FormAnalysis | null> = [];
  const wbFindings: Finding[] = [];
  /** forms of one name so far: the n-th of a name is its own form for the fingerprints (core/acknowledge.ts) */
  const named = new Map<string, number>();
  for (const sheet of wb.sheets) {
    if (sheet.name === REPORT_SHEET_NAME) continue; // our own report lists findings, it is not a form
    if (sheet.clipped) {
      const far = address(sheet.clipped.farthest.row, sheet.clipped.farthest.col);
      const n = sheet.clipped.cells;
      wbFindings.push({
        rule: "sheet-clipped",
        messageId: "far-cells",
        severity: "warning",
        sheet: sheet.name,
        cell: far,
        message: say(
          `工作表“${sheet.name}”的内容延伸到 ${far}，远离其余内容；${n > 0 ? `这 ${n} 个远处单元格` : "超出部分"}未校验。若无用，请删除这些单元格。`,
          `The sheet "${sheet.name}" reaches ${far}, far from the rest; ${n > 0 ? `those ${n} far cells were` : "the part beyond was"} not checked. Delete them if they are not needed.`,
        ),
      });
    }
    const grid = new Grid(sheet);
    for (const layout of locateForms(grid, options.family)) {
      if (layout.kind !== "project") {
        forms.push(departmentReport(layout, say, options.lang));
        analyses.push(null);
        continue;
      }
      const chosen = formOptions(layout.family, partial);
      const analysis = analyseForm(grid, layout, chosen.options);
      const name = formName(analysis);
      const nth = named.get(name) ?? 0;
      named.set(name, nth + 1);
      forms.push(formReport(analysis, chosen.options, say, chosen.preset, chosen.source, grid, nth > 0 ? `${name}#${nth}` : name));
      analyses.push(analysis);
    }
  }
  if (forms.length === 0) {
    wbFindings.push({
      rule: "no-form",
      messageId: "none-found",
      severity: "warning",
      sheet: "",
      cell: "",
      message: say(
        "工作簿中没有找到项目支出绩效自评表（按“项目名称”“年度资金总额”“一级指标”“总分”等标签查找）。",
        "No 项目支出绩效自评表 was found in the workbook (looked for the labels 项目名称, 年度资金总额, 一级指标, 总分).",
      ),
    });
  }
  return { report: { forms, findings: wbFindings, verdict: decideWorkbook(forms, wbFindings, options.lang) }, analyses };
}

function templateOf(layout: FormLayout, lang: string): FormReport["template"] {
  return { id: layout.family.id, name: lang === "en" ? layout.family.name.en : layout.family.name.zh };
}

function presetOf(id: string, source: PresetSource, lang: string): FormReport["preset"] {
  const p = PRESETS.find((x) => x.id === id);
  return { id, name: p ? (lang === "en" ? p.name.en : p.name.zh) : id, source };
}

function departmentReport(layout: FormLayout, say: (zh: string, en: string) => string, lang: string): FormReport {
  const at = layout.titleCell ?? { row: layout.top, col: layout.left };
  const transfer = layout.kind === "transfer";
  const findings: Finding[] = [
    {
      rule: "unsupported-form",
      messageId: transfer ? "transfer-form" : "department-form",
      severity: "info",
      sheet: layout.sheet,
      cell: address(at.row, at.col),
      message: transfer
        ? say(
            "这是转移支付（区域）绩效目标自评表：不设分值和得分，规则不同，未校验。",
            "This is a 转移支付绩效目标自评表 (transfer-payment form): it has no weights or scores; other rules apply, not checked.",
          )
        : say("这是部门整体支出绩效自评表，规则不同，未校验。", "This is a 部门整体支出绩效自评表 (whole-department form): other rules apply, not checked."),
    },
  ];
  const verdict = decideForm(
    { checked: false, unfilled: false, unchecked: [], missing: [], findings, grade: null, executionRate: null, budgetScore: null, writtenTotal: null, sumOfScores: 0, recalculatedTotal: 0 },
    lang === "en" ? "en" : "zh",
    blockingRank,
  );
  return {
    sheet: layout.sheet,
    range: rangeAddress(layout.top, layout.left, layout.bottom, layout.right),
    kind: transfer ? "transfer" : "department",
    checked: false,
    projectName: transfer ? layout.projectName : null,
    year: layout.year,
    budget: { executionRate: null, score: null },
    totals: { weights: 0, reportedScore: null, sumOfScores: 0, recalculatedScore: 0 },
    grade: null,
    counts: countBySeverity(findings),
    findings,
    template: { id: "unknown", name: transfer ? say("转移支付绩效目标自评表（未校验）", "transfer-payment form (not checked)") : say("部门整体支出绩效自评表（未校验）", "whole-department form (not checked)") },
    preset: presetOf("central", "default", lang),
    unchecked: [],
    verdict,
  };
}

function formReport(form: FormAnalysis, options: CheckOptions, say: (zh: string, en: string) => string, preset: string, presetSource: PresetSource, grid: Grid, formKey: string): FormReport {
  const layout = form.layout;
  const raw: Array<{ f: Finding; row: number; col: number; order: number }> = [];
  const lang = options.lang;
  const quiet = quietedRules(form);
  const seen = new Set<string>();
  // Every proposal is collected, also from a rule kept quiet here: write-back offers what the figures justify.
  const proposed: ProposedFix[] = [];
  PROPOSED.set(form, proposed);
  RULES.forEach((rule, order) => {
    // a review hint switched by a setting: off → not run; info / warning → its findings' severity
    const switched = rule.meta.switchable ? options.rules?.[rule.id] : undefined;
    if (switched === "off") return;
    const take = (input: FixInput): Fix => {
      const kind = rule.meta.proposes;
      if (!kind) throw new Error(`the rule proposes a fix but its meta names no kind (meta.proposes)`);
      const fix: Fix = { sheet: layout.sheet, address: address(input.at.row, input.at.col), old: input.old, new: input.new, optional: input.optional ?? false, label: say(input.label.zh, input.label.en) };
      if (input.altLabel) fix.altLabel = say(input.altLabel.zh, input.altLabel.en);
      if (input.valueFormat) fix.valueFormat = input.valueFormat;
      fix.kind = kind;
      proposed.push({ rule: rule.id, fix, label: input.label, altLabel: input.altLabel });
      return fix;
    };
    const ctx: RuleContext = {
      form,
      grid,
      options,
      say,
      propose(input) {
        take(input);
      },
      report(f) {
        const template = rule.meta.messages[f.messageId];
        if (!template) throw new Error(`no message "${f.messageId}" in the rule's meta`);
        const severity = switched ?? f.severity ?? rule.meta.severity;
        if (!severity) throw new Error(`message "${f.messageId}" has no severity (in the report or the rule's meta)`);
        const fix = f.fix ? take(f.fix) : undefined;
        if (quiet.has(rule.id)) return;
        const message = fillMessage(template[lang], f.data, lang);
        const cell = address(f.at.row, f.at.col);
        const key = `${rule.id}@${cell}@${message}`;
        if (seen.has(key)) return;
        seen.add(key);
        const finding: Finding = { rule: rule.id, messageId: f.messageId, severity, sheet: layout.sheet, cell, message };
        const data = resolveData(f.data, lang);
        if (data) finding.data = data;
        if (f.expected !== undefined) finding.expected = f.expected;
        if (f.actual !== undefined) finding.actual = f.actual;
        if (f.valueFormat) finding.valueFormat = f.valueFormat;
        if (f.expectedLabel) finding.expectedLabel = f.expectedLabel;
        if (f.actualLabel) finding.actualLabel = f.actualLabel;
        if (f.hint) finding.hint = f.hint;
        if (fix) finding.fix = { ...fix };
        if (f.steps?.length)
          finding.steps = f.steps.map((st) => ({
            result: r4(st.result),
            ...(st.resultFormat ? { resultFormat: st.resultFormat } : {}),
            op: st.op,
            terms: st.terms.map((t) => ({ value: r4(t.value), ...(t.format ? { format: t.format } : {}), ...(t.at ? { cell: address(t.at.row, t.at.col) } : {}) })),
          }));
        if (severity === "warning") finding.fingerprint = findingFingerprint(form, formKey, rule.id, f.messageId, f.at, f.data);
        raw.push({ f: finding, row: f.at.row, col: f.at.col, order });
      },
    };
    try {
      rule.check(ctx);
    } catch (e) {
      // A rule must never take the check down with it: report and go on.
      raw.push({
        f: {
          rule: rule.id,
          messageId: "internal-error",
          severity: "error",
          sheet: layout.sheet,
          cell: address(layout.top, layout.left),
          message: say(`规则 ${rule.id} 内部错误：${(e as Error).message}`, `Rule ${rule.id} failed internally: ${(e as Error).message}`),
        },
        row: layout.top,
        col: layout.left,
        order,
      });
    }
  });
  raw.sort((a, b) => a.row - b.row || a.col - b.col || a.order - b.order);
  // a warning the clerk confirmed (its fingerprint among the workbook's acknowledgements) is listed apart
  const { findings, acknowledged } = splitAcknowledged(
    raw.map((x) => x.f),
    options.acknowledgements,
  );
  const b = form.budget;
  const executionRate = b?.computedRate == null ? null : r4(b.computedRate);
  const budgetScore = b?.computedScore == null ? null : r4(b.computedScore);
  const verdict = decideForm(
    {
      checked: true,
      unfilled: form.unfilled,
      unchecked: form.unchecked.map((u) => u.section),
      missing: layout.missing,
      findings,
      acknowledged: acknowledged.length,
      grade: form.gradeOrNull,
      executionRate,
      budgetScore,
      writtenTotal: form.totalScore?.value ?? null,
      sumOfScores: r4(form.sumOfScores),
      recalculatedTotal: r4(form.recalculatedScore),
    },
    options.lang,
    blockingRank,
  );
  if (!verdict.writable) {
    // an unfilled or unchecked form is offered no write-back and no fix: its figures are not the form's
    proposed.length = 0;
    for (const f of [...findings, ...acknowledged]) delete f.fix;
  }
  return {
    sheet: layout.sheet,
    range: rangeAddress(layout.top, layout.left, layout.bottom, layout.right),
    kind: "project",
    checked: true,
    projectName: layout.projectName,
    year: layout.year,
    budget: { executionRate, score: budgetScore },
    totals: {
      weights: r4(form.weights),
      reportedScore: form.totalScore?.value ?? null,
      sumOfScores: r4(form.sumOfScores),
      recalculatedScore: r4(form.recalculatedScore),
    },
    grade: form.gradeOrNull,
    counts: verdict.counts,
    findings,
    template: templateOf(layout, options.lang),
    preset: presetOf(preset, presetSource, options.lang),
    unchecked: form.unchecked.map((u) => u.section),
    verdict,
    ...(acknowledged.length > 0 ? { acknowledged } : {}),
  };
}

/** An edit a rule proposed for a form, in the order the rules proposed them, with its labels in both languages. */
export interface ProposedFix {
  rule: string;
  fix: Fix;
  label: FixInput["label"];
  altLabel?: FixInput["altLabel"];
}

const PROPOSED = new WeakMap<FormAnalysis, ProposedFix[]>();

/** The edits the rules proposed while checking this form (write-back selects among them); empty for a form not checked. */
export function proposedFixes(form: FormAnalysis): readonly ProposedFix[] {
  return PROPOSED.get(form) ?? [];
}

