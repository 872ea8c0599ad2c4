import * as React from "react";
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { FOLLOW_TEMPLATE, WorkbookSettings } from "../../addin/host";
import { FAMILIES } from "../../core/families";
import { Severity } from "../../core/findings";
import { Lang, PRESETS, PolicySettings, RuleSwitch, RuleSwitches } from "../../core/options";
import { REVIEW_HINTS } from "../../core/rules";
import { presetPolicy } from "../../core/settings";
import { Strings } from "../i18n";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXXS },
  surface: { maxWidth: "min(600px, calc(100vw - 16px))", padding: tokens.spacingHorizontalM, boxSizing: "border-box" },
});

export interface PaneSettings {
  highlight: boolean;
  live: boolean;
}

/** What the dialog shows: the preset's every value (central under 按模板) with the person's choices on top. */
export function policyOf(s: WorkbookSettings): PolicySettings {
  return { ...presetPolicy(s.preset === FOLLOW_TEMPLATE ? null : s.preset), ...s.options };
}

export function SettingsDialog(props: {
  open: boolean;
  t: Strings;
  lang: Lang;
  value: WorkbookSettings;
  pane: PaneSettings;
  liveAvailable: boolean;
  onCancel: () => void;
  onSave: (s: WorkbookSettings, pane: PaneSettings) => void;
}) {
  const { t, lang } = props;
  const s = useStyles();
  const [preset, setPreset] = React.useState(props.value.preset);
  const [family, setFamily] = React.useState(props.value.family ?? "");
  const [policy, setPolicy] = React.useState<PolicySettings>(() => policyOf(props.value));
  /** what the person chose (saved before, or changed here): only these are saved, never the values shown by default */
  const [chosen, setChosen] = React.useState<Partial<PolicySettings>>(props.value.options);
  const [highlight, setHighlight] = React.useState<Severity[]>(props.value.highlight);
  /** review-hint switches chosen (saved before, or here): a hint left at 默认 is not saved */
  const [rules, setRules] = React.useState<RuleSwitches>(props.value.rules ?? {});
  const [pane, setPane] = React.useState<PaneSettings>(props.pane);
  React.useEffect(() => {
    if (props.open) {
      setPreset(props.value.preset);
      setFamily(props.value.family ?? "");
      setPolicy(policyOf(props.value));
      setChosen(props.value.options);
      setHighlight(props.value.highlight);
      setRules(props.value.rules ?? {});
      setPane(props.pane);
    }
    // the dialog starts from the settings in force each time it opens
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.open, props.value]);
  const set = <K extends keyof PolicySettings>(k: K, v: PolicySettings[K]) => {
    setPolicy((p) => ({ ...p, [k]: v }));
    setChosen((c) => ({ ...c, [k]: v }));
  };
  /** back to no choice: the preset's value (or each form's template's) applies */
  const unset = (k: keyof PolicySettings) => {
    setPolicy((p) => ({ ...p, [k]: policyOf({ preset, options: {}, highlight })[k] }));
    setChosen((c) => {
      const { [k]: _gone, ...rest } = c;
      return rest;
    });
  };
  const tiers = preset === FOLLOW_TEMPLATE && chosen.qualitativeTiers === undefined ? "template" : policy.qualitativeTiers.partly === 0.5 ? "80/50" : "80/60";
  const switchHint = (id: string, v: string) =>
    setRules((r) => {
      const { [id]: _gone, ...rest } = r;
      return v === "off" || v === "info" || v === "warning" ? { ...rest, [id]: v as RuleSwitch } : rest;
    });
  const toggle = (sev: Severity, on: boolean) => setHighlight((h) => (on ? [...new Set([...h, sev])] : h.filter((x) => x !== sev)));
  return (
    <Dialog open={props.open} onOpenChange={(_, d) => (!d.open ? props.onCancel() : undefined)}>
      <DialogSurface aria-describedby={undefined} className={s.surface}>
        <DialogBody>
          <DialogTitle>{t.settingsTitle}</DialogTitle>
          <DialogContent className={s.form} data-testid="settings">
            <fieldset className={s.fieldset}>
              <legend className={s.legend}>{t.paneSection}</legend>
              <Switch label={t.highlight} checked={pane.highlight} onChange={(_, d) => setPane((p) => ({ ...p, highlight: d.checked }))} />
            </fieldset>
            <fieldset className={s.fieldset}>
              <legend className={s.legend}>{t.workbookSection}</legend>
            <Field label={t.preset}>
              <RadioGroup
                value={preset}
                onChange={(_, d) => {
                  // a preset brings its every value: what was chosen under the previous one goes
                  setPreset(d.value);
                  setPolicy(policyOf({ preset: d.value, options: {}, highlight }));
                  setChosen({});
                }}
              >
                <Radio value={FOLLOW_TEMPLATE} label={t.presetAuto} />
                {PRESETS.map((p) => (
                  <Radio key={p.id} value={p.id} label={p.name[lang]} />
                ))}
              </RadioGroup>
            </Field>
            <Field label={t.family}>
              <Select value={family} onChange={(_, d) => setFamily(d.value)} data-testid="family">
                <option value="">{t.familyAuto}</option>
                {FAMILIES.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name[lang]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t.threshold}>
              <Input
                type="number"
                min={0}
                max={1000}
                value={String(Math.round(policy.overachievementThreshold * 100))}
                onChange={(_, d) => {
                  const n = Number(d.value);
                  if (Number.isFinite(n) && n >= 0) set("overachievementThreshold", n / 100);
                }}
                data-testid="threshold"
              />
            </Field>
            <Field label={t.deduction}>
              <Input type="number" min={0} max={100} value={String(policy.overachievementDeduction)} onChange={(_, d) => set("overachievementDeduction", Math.max(0, Number(d.value) || 0))} />
            </Field>
            <Field label={t.reverse}>
              <RadioGroup value={policy.reverseFormula} onChange={(_, d) => set("reverseFormula", d.value === "linear" ? "linear" : "ratio")}>
                <Radio value="ratio" label={t.reverseRatio} />
                <Radio value="linear" label={t.reverseLinear} />
              </RadioGroup>
            </Field>
            <Field label={t.tiers}>
              <RadioGroup value={tiers} onChange={(_, d) => (d.value === "template" ? unset("qualitativeTiers") : set("qualitativeTiers", { achieved: 0.8, partly: d.value === "80/50" ? 0.5 : 0.6 }))} data-testid="tiers">
                {preset === FOLLOW_TEMPLATE ? <Radio value="template" label={t.tiersTemplate} /> : null}
                <Radio value="80/60" label={t.tiers8060} />
                <Radio value="80/50" label={t.tiers8050} />
              </RadioGroup>
            </Field>
            <Switch label={t.cap} checked={policy.capTotalByExecutionRate} onChange={(_, d) => set("capTotalByExecutionRate", d.checked)} />
            <Switch label={t.rounding} checked={policy.acceptRounding} onChange={(_, d) => set("acceptRounding", d.checked)} />
            {/* one label per checkbox: a group with its legend, not three checkboxes inside one Field (which share its id) */}
            <fieldset className={s.fieldset} data-testid="highlight-which">
              <legend>{t.highlightWhich}</legend>
              {(["error", "warning", "info"] as Severity[]).map((sev) => (
                <Checkbox key={sev} label={t.severity[sev]} checked={highlight.includes(sev)} onChange={(_, d) => toggle(sev, !!d.checked)} />
              ))}
            </fieldset>
            </fieldset>
            <fieldset className={s.fieldset} data-testid="review-hints">
              <legend className={s.legend}>{t.hintsSection}</legend>
              <div>{t.hintsNote}</div>
              {REVIEW_HINTS.map((r) => (
                <Field key={r.id} label={r.title?.[lang] ?? r.id} hint={r.meta.source?.[lang]}>
                  <Select value={rules[r.id] ?? ""} onChange={(_, d) => switchHint(r.id, d.value)} data-testid={`hint-${r.id}`}>
                    <option value="">{t.hintDefault(t.severity[r.meta.severity ?? "warning"])}</option>
                    <option value="off">{t.hintOff}</option>
                    <option value="info">{t.hintAs(t.severity.info)}</option>
                    <option value="warning">{t.hintAs(t.severity.warning)}</option>
                  </Select>
                </Field>
              ))}
            </fieldset>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => props.onSave({ preset, options: chosen, highlight, ...(family ? { family } : {}), ...(Object.keys(rules).length > 0 ? { rules } : {}) }, pane)} data-testid="settings-save">
              {t.save}
            </Button>
            <Button onClick={props.onCancel}>{t.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
