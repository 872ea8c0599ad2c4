"use strict";
/**
 * Reads the seed text (four real 2020 forms, one cell a line, rows separated by blank lines) into plain objects.
 * Format: a cell is a line starting with a tab; a line without a tab continues the previous cell (a line break
 * inside the cell); an empty line ends a row. A form starts at its title line.
 */
const fs = require("fs");

function parseRows(text) {
  const rows = [];
  let row = [];
  for (const line of text.replace(/\r\n/g, "\n").split("\n")) {
    if (line.startsWith("\t")) row.push(line.slice(1));
    else if (line === "") {
      if (row.length) rows.push(row);
      row = [];
    } else if (row.length) row[row.length - 1] += "\n" + line;
  }
  if (row.length) rows.push(row);
  return rows;
}

function parseSeed(text) {
  const rows = parseRows(text);
  const forms = [];
  let cur = null;
  let mode = null;
  for (const r of rows) {
    const first = r[0].trim();
    if (first.includes("项目支出绩效自评表")) {
      cur = { title: first, year: "", name: "", dept: "", unit: "", funds: [], goals: ["", ""], indicators: [], total: null };
      forms.push(cur);
      mode = "head";
      continue;
    }
    if (!cur) continue;
    if (/^（\d{4}年度）$/.test(first)) cur.year = first;
    else if (first === "项目名称") cur.name = r[1];
    else if (first === "主管部门") {
      cur.dept = r[1];
      cur.unit = r[3] || "";
    } else if (first.startsWith("项目资金")) mode = "funds";
    else if (mode === "funds" && r.length >= 8 && first === "") cur.funds.push({ label: r[1], values: r.slice(2, 8) });
    else if (first === "年度总体目标") mode = "goals";
    else if (mode === "goals" && first === "" && r.length === 3) {
      cur.goals = [r[1], r[2]];
      mode = null;
    } else if (first.replace(/\s/g, "") === "绩效指标") mode = "indicators-head";
    else if (mode === "indicators-head" && r.some((c) => c === "指标值")) mode = "indicators";
    else if (mode === "indicators" && first === "" && r.length >= 9) {
      const [, l1, l2, name, target, actual, weight, score, cause] = r;
      cur.indicators.push({ l1: l1.trim(), l2: l2.trim(), name, target, actual, weight, score, cause });
    } else if (first === "总分") {
      cur.total = { weight: r[1] ?? "", score: r[2] ?? "", cause: r[3] ?? "" };
      mode = null;
    }
  }
  return forms;
}

function loadSeed(file) {
  return parseSeed(fs.readFileSync(file, "utf8"));
}

module.exports = { parseRows, parseSeed, loadSeed };
