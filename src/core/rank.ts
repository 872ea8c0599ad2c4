/** What blocks submission comes first: a form that cannot be read, the total, missing causes, then the rest. */
const BLOCKING_ORDER = [
  "form-incomplete",
  "form-unfilled",
  "section-unreadable",
  "total-score",
  "missing-deviation-cause",
  "weights-total",
  "block-score-exceeds-weight",
  "execution-cap",
  "budget-score",
  "execution-rate",
  "indicator-score",
  "score-exceeds-weight",
  "missing-value",
  "unparseable-value",
  "funding-breakdown",
  "execution-exceeds-budget",
  "low-execution-unexplained",
  "overachievement-unexplained",
  "name-target-mismatch",
  "unit-mismatch",
  "level1-weights",
  "level1-label-mismatch",
  "indicator-weight-unknown",
];

/** A rule's place in the list of what blocks submission (a rule not listed comes last). */
export function blockingRank(id: string): number {
  const i = BLOCKING_ORDER.indexOf(id);
  return i < 0 ? BLOCKING_ORDER.length : i;
}
