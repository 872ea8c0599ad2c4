"use strict";
const fs = require("fs");
const path = require("path");

/**
 * The JavaScript files of the built web page: web.html's scripts and the chunks they name by content hash (the
 * worker's), followed until nothing new is named. One list for the page's size budget in the browser test
 * (test/browser/web.browser.test.ts) and in the benchmark (bench/sections/web.js).
 */
function pageScripts(dist) {
  const html = fs.readFileSync(path.join(dist, "web.html"), "utf8");
  const set = new Set([...html.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1]));
  const chunks = fs.readdirSync(dist).filter((f) => /^\d+\.[0-9a-f]{8}\.js$/.test(f));
  for (let grew = true; grew; ) {
    grew = false;
    const text = [...set].map((f) => fs.readFileSync(path.join(dist, f), "utf8")).join("\n");
    for (const c of chunks) if (!set.has(c) && text.includes(c.split(".")[1])) (set.add(c), (grew = true));
  }
  return [...set];
}

module.exports = { pageScripts };
