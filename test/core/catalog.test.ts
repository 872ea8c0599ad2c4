import * as fs from "fs";
import * as path from "path";
import { Rule } from "../../src/core/findings";
import { RULES, WORKBOOK_RULES } from "../../src/core/rules";
import { ROOT } from "../support/workbooks";

const SEVERITY_ZH = { error: "错误", warning: "警告", info: "提示" } as const;
const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/**
 * What the catalogue holds together — each rule's module, test suite, meta and README row — as a list of problems
 * (empty when all is well), so that the check itself can be shown to fail on a broken catalogue.
 */
function catalogueProblems(rules: readonly Rule[], readme: string, files: (p: string) => boolean): string[] {
  const problems: string[] = [];
  const ranks = new Map<number, string>();
  for (const r of rules) {
    if (!files(`src/core/rules/${r.id}.ts`)) problems.push(`${r.id}: no module`);
    if (!files(`test/core/rules/${r.id}.test.ts`)) problems.push(`${r.id}: no test suite`);
    if (!r.meta) {
      problems.push(`${r.id}: no meta`);
      continue;
    }
    const ids = Object.keys(r.meta.messages);
    if (ids.length === 0) problems.push(`${r.id}: no messages`);
    for (const id of ids) {
      const m = r.meta.messages[id];
      if (!m.zh || !m.en) problems.push(`${r.id}/${id}: a message without both languages`);
      else if (placeholders(m.zh).join() !== placeholders(m.en).join()) problems.push(`${r.id}/${id}: zh and en fill different data`);
    }
    const other = ranks.get(r.meta.rank);
    if (other) problems.push(`${r.id}: rank ${r.meta.rank} is ${other}'s too`);
    ranks.set(r.meta.rank, r.id);
    const sev = r.meta.severity ? SEVERITY_ZH[r.meta.severity] : "按情况";
    if (!readme.includes(`| \`${r.id}\` | ${r.title?.zh ?? ""} | ${sev} |`)) problems.push(`${r.id}: the README row does not say | \`${r.id}\` | ${r.title?.zh} | ${sev} |`);
  }
  return problems;
}

describe("the rule catalogue", () => {
  const ids = [...RULES.map((r) => r.id), ...Object.keys(WORKBOOK_RULES)];
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const exists = (p: string) => fs.existsSync(path.join(ROOT, p));

  test("rule ids are unique and kebab-case", () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
  test("every rule has a doc line in both languages", () => {
    for (const r of RULES) {
      expect(r.description.zh.length).toBeGreaterThan(5);
      expect(r.description.en.length).toBeGreaterThan(5);
    }
  });
  test("every rule has its module, test suite and meta (messages in both languages, a unique rank), and the README row agrees with the meta", () => {
    expect(catalogueProblems(RULES, readme, exists)).toEqual([]);
  });
  test("the check fails on a broken catalogue: a shared rank, a README row that disagrees, a message in one language", () => {
    const [a, b] = RULES;
    const broken: Rule[] = [
      a,
      { ...b, meta: { ...b.meta, rank: a.meta.rank, severity: b.meta.severity === "info" ? "error" : "info", messages: { x: { zh: "「{name}」", en: "" } } } },
    ];
    const problems = catalogueProblems(broken, readme, exists);
    expect(problems).toEqual(expect.arrayContaining([`${b.id}: rank ${a.meta.rank} is ${a.id}'s too`, `${b.id}/x: a message without both languages`]));
    expect(problems.some((p) => p.startsWith(`${b.id}: the README row`))).toBe(true);
    expect(catalogueProblems([{ ...a, id: "no-such-rule" }], readme, exists)).toEqual(
      expect.arrayContaining(["no-such-rule: no module", "no-such-rule: no test suite", expect.stringContaining("no-such-rule: the README row")]),
    );
  });
  test("a rule that proposes fixes says which kind; only the four figure rules propose", () => {
    for (const r of RULES) if (r.meta.proposes) expect(["rate", "score", "total"]).toContain(r.meta.proposes);
    expect(RULES.filter((r) => r.meta.proposes).map((r) => r.id).sort()).toEqual(["budget-score", "execution-rate", "indicator-score", "total-score"]);
  });
  test("every rule id is documented in the README", () => {
    for (const id of ids) expect(readme).toContain(`| \`${id}\` |`);
  });
});
