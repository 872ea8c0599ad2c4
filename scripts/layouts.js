"use strict";
/**
 * Lays the seed forms out as sheets, the way real workbooks do: the central template, shifted with formulas and
 * percent formats, and a provincial variant. A layout is a plain "sheet plan" (0-based cells, merges), written to
 * .xlsx by make-fixtures.js.
 */

function colName(c) {
  let n = c + 1, s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
const addr = (r, c) => `${colName(c)}${r + 1}`;

function newPlan(name) {
  return { name, cells: [], merges: [] };
}
function put(plan, r, c, v, extra) {
  if (v === undefined || v === null || v === "") return;
  plan.cells.push({ r, c, v, ...(extra || {}) });
}
function merge(plan, r1, c1, r2, c2) {
  if (r1 === r2 && c1 === c2) return;
  plan.merges.push([r1, c1, r2, c2]);
}

/** Seed text → cell value: plain numbers become numbers, everything else stays text. */
function num(text) {
  const t = String(text ?? "").trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return t;
}

/** With percent formats: "75%" → 0.75 formatted 0%. */
function pctValue(text, usePercent) {
  const t = String(text ?? "").trim();
  const m = /^(\d+(?:\.\d+)?)%$/.exec(t);
  if (usePercent && m) return { v: Number(m[1]) / 100, numFmt: Number(m[1]) % 1 === 0 ? "0%" : "0.00%" };
  return { v: num(t) };
}

function category(label) {
  if (/满意/.test(label)) return "satisfaction";
  if (/效益|可持续|影响/.test(label)) return "outcome";
  if (/产出|数量|质量|时效|进度|成本/.test(label)) return "output";
  return null;
}

/** Merge groups for the 一级/二级 columns, as the original forms had them. */
function levelGroups(indicators, mergeOver = false) {
  const l1 = [];
  const l2 = [];
  let g1 = null, g2 = null;
  indicators.forEach((ind, i) => {
    if (ind.l1) {
      g1 = { start: i, end: i, label: ind.l1 };
      l1.push(g1);
    } else if (g1 && (mergeOver || !ind.l2 || category(ind.l2) === category(g1.label))) g1.end = i; // mergeOver: the 一级 merged down over other 二级 (seed form 4 as printed)
    else g1 = null; // the label was lost (seed form 4): the cell stays blank, unmerged
    if (ind.l2) {
      g2 = { start: i, end: i, label: ind.l2 };
      l2.push(g2);
    } else if (g2 && !ind.l1) g2.end = i;
    else g2 = null;
  });
  return { l1, l2 };
}

/**
 * The central template (财预〔2020〕10号): 9 columns.
 * opts.formulas: 执行率 and budget 得分 as formulas with cached results; opts.percent: percentages as formatted numbers.
 */
function official(plan, form, r0, c0, opts = {}) {
  const C = (i) => c0 + i;
  let r = r0;
  put(plan, r, C(0), form.title);
  merge(plan, r, C(0), r, C(8));
  r++;
  put(plan, r, C(0), form.year);
  merge(plan, r, C(0), r, C(8));
  r++;
  put(plan, r, C(0), "项目名称");
  put(plan, r, C(1), form.name);
  merge(plan, r, C(1), r, C(8));
  r++;
  put(plan, r, C(0), "主管部门");
  put(plan, r, C(1), form.dept);
  merge(plan, r, C(1), r, C(4));
  put(plan, r, C(5), "实施单位");
  put(plan, r, C(6), form.unit);
  merge(plan, r, C(6), r, C(8));
  r++;
  // Funds.
  const fundsTop = r;
  put(plan, r, C(0), "项目资金       （万元）");
  merge(plan, r, C(1), r, C(2));
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => put(plan, r, C(3 + i), h));
  r++;
  form.funds.forEach((f, k) => {
    put(plan, r, C(1), f.label);
    merge(plan, r, C(1), r, C(2));
    f.values.forEach((v, i) => {
      const col = C(3 + i);
      if (k === 0 && opts.formulas && i === 4) {
        const a = form.funds[0].values;
        const result = Number(a[2]) / Number(a[1]);
        put(plan, r, col, { formula: `${addr(r, C(5))}/${addr(r, C(4))}`, result }, { numFmt: "0%" });
      } else if (k === 0 && opts.formulas && i === 5) {
        const a = form.funds[0].values;
        const result = Number(a[3]) * Math.min(1, Number(a[2]) / Number(a[1]));
        put(plan, r, col, { formula: `${addr(r, C(6))}*MIN(1,${addr(r, C(7))})`, result });
      } else {
        const p = pctValue(v, opts.percent);
        put(plan, r, col, p.v, p.numFmt ? { numFmt: p.numFmt } : undefined);
      }
    });
    r++;
  });
  merge(plan, fundsTop, C(0), r - 1, C(0));
  // Goals.
  put(plan, r, C(0), "年度总体目标");
  merge(plan, r, C(0), r + 1, C(0));
  put(plan, r, C(1), "预期目标");
  merge(plan, r, C(1), r, C(4));
  put(plan, r, C(5), "实际完成情况");
  merge(plan, r, C(5), r, C(8));
  put(plan, r + 1, C(1), form.goals[0]);
  merge(plan, r + 1, C(1), r + 1, C(4));
  put(plan, r + 1, C(5), form.goals[1]);
  merge(plan, r + 1, C(5), r + 1, C(8));
  r += 2;
  // Indicators: a two-row header.
  const indTop = r;
  put(plan, r, C(0), "绩              效    指    标");
  const heads = ["一级指标", "二级指标", "三级指标", "年度", "实际", "分值", "得分", "偏差原因分析及改进措施"];
  heads.forEach((h, i) => put(plan, r, C(1 + i), h));
  put(plan, r + 1, C(4), "指标值");
  put(plan, r + 1, C(5), "完成值");
  for (const i of [1, 2, 3, 6, 7, 8]) merge(plan, r, C(i), r + 1, C(i));
  r += 2;
  const first = r;
  const { l1, l2 } = levelGroups(form.indicators, !!opts.mergeL1Over);
  form.indicators.forEach((ind, i) => {
    const row = first + i;
    put(plan, row, C(3), ind.name);
    for (const [k, col] of [["target", 4], ["actual", 5]]) {
      const p = pctValue(ind[k], opts.percent && !/[≥≤≦≧=<>]/.test(ind[k]));
      put(plan, row, C(col), p.v, p.numFmt ? { numFmt: p.numFmt } : undefined);
    }
    put(plan, row, C(6), num(ind.weight));
    put(plan, row, C(7), num(ind.score));
    put(plan, row, C(8), String(ind.cause ?? "").trim());
  });
  for (const g of l1) {
    put(plan, first + g.start, C(1), g.label);
    merge(plan, first + g.start, C(1), first + g.end, C(1));
  }
  for (const g of l2) {
    put(plan, first + g.start, C(2), g.label);
    merge(plan, first + g.start, C(2), first + g.end, C(2));
  }
  r = first + form.indicators.length;
  if (!opts.truncateAt) {
    merge(plan, indTop, C(0), r - 1, C(0));
    put(plan, r, C(0), "总分");
    merge(plan, r, C(0), r, C(5));
    put(plan, r, C(6), num(form.total.weight));
    put(plan, r, C(7), num(String(form.total.score).trim()));
    put(plan, r, C(8), String(form.total.cause ?? "").trim());
    r++;
  }
  return r; // the next free row
}

/** Splits a written target into 指标性质 / value / 度量单位 for the provincial variant. */
function splitTarget(text) {
  const t = String(text).trim();
  if (/\d{4}年|\d+月/.test(t)) return { nature: "", value: t, unit: "" };
  const m = /^(?:满意率达)?(≥|≧|≤|≦|=|＝|>|<)?\s*(\d+(?:\.\d+)?)\s*(%|[^\d\s前日号月年]{0,3})(以上)?$/.exec(t);
  if (!m) return { nature: "定性", value: t, unit: "" };
  const op = { "≧": "≥", "≦": "≤", "＝": "=" }[m[1]] || m[1] || (m[4] ? "≥" : "=");
  return { nature: op, value: Number(m[2]), unit: m[3] || "" };
}

/**
 * A provincial variant: 权重 before the target, 指标性质 and 度量单位 in their own columns, 全年实际值 split over two
 * header rows, 未完成原因分析, 合计, weights written in the 一级 labels, and a budget reason column (原因).
 */
function provincial(plan, form, r0, c0) {
  const C = (i) => c0 + i;
  let r = r0;
  put(plan, r, C(0), "项目支出绩效自评表");
  merge(plan, r, C(0), r, C(9));
  r++;
  put(plan, r, C(0), form.year);
  merge(plan, r, C(0), r, C(9));
  r++;
  put(plan, r, C(0), "项目名称");
  merge(plan, r, C(0), r, C(1));
  put(plan, r, C(2), form.name);
  merge(plan, r, C(2), r, C(9));
  r++;
  put(plan, r, C(0), "主管部门");
  merge(plan, r, C(0), r, C(1));
  put(plan, r, C(2), form.dept);
  merge(plan, r, C(2), r, C(4));
  put(plan, r, C(5), "实施单位");
  put(plan, r, C(6), form.unit);
  merge(plan, r, C(6), r, C(9));
  r++;
  const fundsTop = r;
  const weight = num(form.funds[0].values[3]);
  put(plan, r, C(0), `预算执行情况（${weight}分）`);
  ["", "年初预算", "全年预算数（A）", "全年执行数（B）", "权重", "执行率（B/A）", "得分", "原因"].forEach((h, i) => put(plan, r, C(1 + i), h));
  merge(plan, r, C(8), r, C(9));
  r++;
  const src = form.funds;
  const rows = [
    ["年度资金总额：", src[0].values],
    ["其中：财政资金", src[1].values],
    ["财政专户管理资金", ["", "", "", "", "", ""]],
    ["单位资金", ["", "", "", "", "", ""]],
    ["其他资金", src[3].values],
  ];
  rows.forEach(([label, values], k) => {
    put(plan, r, C(1), label);
    values.slice(0, 3).forEach((v, i) => put(plan, r, C(2 + i), num(v)));
    if (k === 0) {
      put(plan, r, C(5), num(values[3]));
      const m = /^(\d+(?:\.\d+)?)%$/.exec(String(values[4]).trim());
      if (m) put(plan, r, C(6), Number(m[1]) / 100, { numFmt: "0.0%" });
      put(plan, r, C(7), num(values[5]));
    }
    merge(plan, r, C(8), r, C(9));
    r++;
  });
  merge(plan, fundsTop, C(0), r - 1, C(0));
  put(plan, r, C(0), "年度总体目标");
  merge(plan, r, C(0), r, C(1));
  put(plan, r, C(2), form.goals[0]);
  merge(plan, r, C(2), r, C(9));
  r++;
  const heads = ["一级指标", "二级指标", "三级指标", "权重", "指标性质", "年度", "度量单位", "全年", "得分", "未完成原因分析"];
  heads.forEach((h, i) => put(plan, r, C(i), h));
  put(plan, r + 1, C(5), "指标值");
  put(plan, r + 1, C(7), "实际值");
  for (const i of [0, 1, 2, 3, 4, 6, 8, 9]) merge(plan, r, C(i), r + 1, C(i));
  r += 2;
  const first = r;
  const { l1, l2 } = levelGroups(form.indicators);
  form.indicators.forEach((ind, i) => {
    const row = first + i;
    put(plan, row, C(2), ind.name);
    put(plan, row, C(3), num(ind.weight));
    if (String(ind.target).trim() === "/") {
      put(plan, row, C(5), "/");
    } else {
      const t = splitTarget(ind.target);
      put(plan, row, C(4), t.nature);
      put(plan, row, C(5), t.value);
      put(plan, row, C(6), t.unit);
      let a = String(ind.actual).trim();
      if (t.unit && a.endsWith(t.unit)) a = a.slice(0, -t.unit.length);
      put(plan, row, C(7), num(a));
    }
    put(plan, row, C(8), num(ind.score));
    put(plan, row, C(9), String(ind.cause ?? "").trim());
  });
  const groupWeight = (g) => form.indicators.slice(g.start, g.end + 1).reduce((s, x) => s + (Number(x.weight) || 0), 0);
  for (const g of l1) {
    put(plan, first + g.start, C(0), `${g.label}（${groupWeight(g)}分）`);
    merge(plan, first + g.start, C(0), first + g.end, C(0));
  }
  for (const g of l2) {
    put(plan, first + g.start, C(1), g.label);
    merge(plan, first + g.start, C(1), first + g.end, C(1));
  }
  r = first + form.indicators.length;
  put(plan, r, C(0), "合计");
  merge(plan, r, C(0), r, C(2));
  put(plan, r, C(3), num(form.total.weight));
  put(plan, r, C(8), num(String(form.total.score).trim()));
  return r + 1;
}

/** Writes a sheet plan into an exceljs workbook as a new worksheet; `edit` may change the sheet afterwards. */
function writePlan(wb, plan, options = {}) {
  const ws = wb.addWorksheet(plan.name);
  let maxCol = 0;
  for (const cell of plan.cells) {
    const c = ws.getCell(cell.r + 1, cell.c + 1);
    c.value = cell.v;
    if (cell.numFmt) c.numFmt = cell.numFmt;
    if (options.wrap) c.alignment = { vertical: "middle", wrapText: true };
    maxCol = Math.max(maxCol, cell.c + 1);
  }
  for (const [r1, c1, r2, c2] of plan.merges) ws.mergeCells(r1 + 1, c1 + 1, r2 + 1, c2 + 1);
  if (options.width) for (let c = 1; c <= maxCol; c++) ws.getColumn(c).width = options.width;
  if (options.edit) options.edit(ws);
  return ws;
}

/**
 * Rewrites a saved .xlsx with every zip entry dated 2021-03-31 and in name order, so that generating the files again
 * gives the same bytes (exceljs stamps entries with the time of writing).
 */
async function freezeZip(file) {
  const fs = require("fs");
  const JSZip = require("jszip");
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new JSZip();
  const date = new Date(Date.UTC(2021, 2, 31, 0, 0, 0));
  for (const name of Object.keys(zip.files).sort()) {
    const f = zip.files[name];
    if (f.dir) continue;
    out.file(name, await f.async("nodebuffer"), { date, createFolders: false });
  }
  fs.writeFileSync(file, await out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } }));
}

/** 一级/二级 labels merged down their groups: a label starts a group that runs to the row before the next label. */
function labelGroups(plan, rows, first, col, key) {
  let start = -1;
  const close = (end) => {
    if (start >= 0) merge(plan, first + start, col, first + end, col);
  };
  rows.forEach((ind, i) => {
    if (ind[key]) {
      close(i - 1);
      start = i;
      put(plan, first + i, col, ind[key]);
    }
  });
  close(rows.length - 1);
}

/** Puts a row of values from column c0 on; "" leaves a cell blank. Returns the next row. */
function row(plan, r, c0, values, extra) {
  values.forEach((v, i) => put(plan, r, c0 + i, v, extra));
  return r + 1;
}

/** The Sichuan 2023 template's instruction in its 原因 cell, as printed (scripts/families/sichuan-2023.js, tests). */
const SC_PROMPT = "1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）；2.年中发生预算调整的（追加或调减），应单独说明理由；3.其他资金包括：社会投入资金、银行贷款.";

/**
 * The 资金 block of the central layout (its `funds` rows): 年度资金总额 with its three figures (年初预算数, 全年预算数,
 * 全年执行数), 分值, 执行率 and 得分; the 财政拨款 row with the same three figures; the empty 上年结转资金 and 其他资金
 * rows. `blank` is what the empty cells hold ("" or "—").
 */
function fundsBlock(totalLabel, appropriationLabel, [start, adjusted, executed, weight, rate, score], blank = "") {
  const empty = (label) => [label, blank, blank, blank, blank, blank, blank];
  return [[totalLabel, start, adjusted, executed, weight, rate, score], [appropriationLabel, start, adjusted, executed, blank, blank, blank], empty("上年结转资金"), empty("其他资金")];
}

/** The date every fixture's package properties carry, so the files regenerate byte-identical. */
const FIXED_DATE = new Date(Date.UTC(2021, 2, 31, 8, 0, 0));

/** Writes the plans as one fixture workbook (`file` under `root`, or under SELFEVAL_FIXTURE_ROOT), zip frozen. */
async function saveFixture(root, file, plans) {
  const ExcelJS = require("exceljs");
  const path = require("path");
  const fs = require("fs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "selfeval fixtures";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const p of plans) writePlan(wb, p, { wrap: true, width: 14 });
  const out = path.join(process.env.SELFEVAL_FIXTURE_ROOT || root, file);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await wb.xlsx.writeFile(out);
  await freezeZip(out);
  return out;
}

module.exports = { saveFixture, FIXED_DATE, newPlan, put, merge, official, provincial, SC_PROMPT, row, labelGroups, colName, addr, num, splitTarget, writePlan, freezeZip, fundsBlock };
