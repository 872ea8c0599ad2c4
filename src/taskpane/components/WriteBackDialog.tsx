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
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { CellValue } from "../../core/snapshot";
import { Proposal, defaultTicks, finalizeSelection, proposalKey } from "../../core/writeback";
import { showValue } from "../../core/present";
import { Strings } from "../i18n";

/** The preview: each cell, old → new, with its rule; the user confirms all or some. */
export function WriteBackDialog(props: { open: boolean; t: Strings; title?: string; intro?: string; proposals: Proposal[]; onCancel: () => void; onConfirm: (chosen: Proposal[]) => void }) {
  const { t, proposals } = props;
  const [withRules, setWithRules] = React.useState(false);
  const [ticked, setTicked] = React.useState<Set<string>>(() => defaultTicks(proposals, false));
  React.useEffect(() => {
    if (props.open) {
      setWithRules(false);
      setTicked(defaultTicks(proposals, false));
    }
  }, [props.open, proposals]);
  const shown = proposals.filter((p) => p.kind !== "total" && (withRules || !p.optional));
  const final = finalizeSelection(proposals, ticked);
  const totals = final.filter((p) => p.kind === "total");
  const show = (v: CellValue, p: Proposal) => (v === "" ? t.empty : showValue(v, p.valueFormat === "percent"));
  const flip = (key: string, on: boolean) =>
    setTicked((cur) => {
      const next = new Set(cur);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const rows = [...shown, ...totals.filter((p) => !shown.some((x) => proposalKey(x) === proposalKey(p)))];
  return (
    <Dialog open={props.open} onOpenChange={(_, d) => (!d.open ? props.onCancel() : undefined)}>
      <DialogSurface aria-describedby={undefined} style={{ maxWidth: "min(600px, calc(100vw - 16px))", padding: 12, boxSizing: "border-box" }}>
        <DialogBody>
          <DialogTitle>{props.title ?? t.previewTitle}</DialogTitle>
          <DialogContent data-testid="preview">
            <Text as="p" block>
              {props.intro ?? t.previewIntro}
            </Text>
            {proposals.some((p) => p.optional) ? (
              <Checkbox
                style={{ display: "flex" }}
                label={t.useRuleScores}
                checked={withRules}
                onChange={(_, d) => {
                  setWithRules(!!d.checked);
                  setTicked(defaultTicks(proposals, !!d.checked));
                }}
                data-testid="use-rule-scores"
              />
            ) : null}
            {rows.length === 0 ? (
              <Text as="p">{t.nothingToWrite}</Text>
            ) : (
              <Table size="small" aria-label={props.title ?? t.previewTitle} style={{ tableLayout: "fixed", width: "100%" }}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell style={{ width: 32, padding: 0 }} />
                    <TableHeaderCell>{t.cell}</TableHeaderCell>
                    <TableHeaderCell style={{ width: 56 }}>{t.oldValue}</TableHeaderCell>
                    <TableHeaderCell style={{ width: 56 }}>{t.newValue}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((p) => {
                    const key = proposalKey(p);
                    const isTotal = p.kind === "total";
                    const value = isTotal ? (totals.find((x) => proposalKey(x) === key)?.new ?? p.new) : p.new;
                    return (
                      <TableRow key={key} data-testid="proposal" data-cell={key}>
                        <TableCell>
                          <Checkbox checked={isTotal ? totals.some((x) => proposalKey(x) === key) : ticked.has(key)} onChange={(_, d) => flip(key, !!d.checked)} aria-label={`${key} ${p.label}`} />
                        </TableCell>
                        <TableCell style={{ overflowWrap: "anywhere" }}>
                          {/* a cell address is read whole (运行监测!H14), never broken mid-name */}
                          <span style={{ display: "inline-block", maxWidth: "100%", whiteSpace: "nowrap", wordBreak: "keep-all", overflow: "hidden", textOverflow: "ellipsis", verticalAlign: "bottom" }} title={key} data-testid="address">
                            {key}
                          </span>
                          <br />
                          <Text size={200}>{isTotal ? (totals.find((x) => proposalKey(x) === key)?.label ?? p.label) : p.label}</Text>
                        </TableCell>
                        <TableCell>{show(p.old, p)}</TableCell>
                        <TableCell data-testid="new-value">{show(value, p)}</TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={final.length === 0} onClick={() => props.onConfirm(final)} data-testid="confirm-write">
              {t.confirmWrite(final.length)}
            </Button>
            <Button onClick={props.onCancel}>{t.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
