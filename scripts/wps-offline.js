"use strict";
/**
 * The offline package of the WPS add-in, made from dist/wps/ with no network: one .zip to unpack into WPS's jsaddons
 * folder — the add-in in selfeval_<version>/, the publish.xml that registers it, and install scripts for Windows and
 * Linux (Kylin, UOS) that copy it there and add our line to an existing publish.xml. Run by the build (webpack.config.js)
 * after dist/wps/ is written; `node scripts/wps-offline.js [dist/wps]` makes it again.
 */
const fs = require("fs");
const path = require("path");
const { zipSync, strToU8 } = require("fflate");

const NAME = "selfeval";
/** files of dist/wps that are for the online install only */
const ONLINE_ONLY = new Set(["publish.html", "jsplugins.xml"]);
/** a fixed time for every entry: the same dist/wps gives the same bytes */
const MTIME = new Date(Date.UTC(2026, 0, 1));

const publishXml = (version) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="${NAME}" type="et" url="${NAME}_${version}" version="${version}" enable="enable_dev" install="null" customDomain=""/>\n</jsplugins>\n`;

const installBat = (version) =>
  [
    "@echo off",
    "chcp 65001 >nul",
    "rem 绩效自评校验 WPS 加载项：离线安装（复制到 %APPDATA%\\kingsoft\\wps\\jsaddons）",
    `set ADDON=${NAME}_${version}`,
    'set DEST=%APPDATA%\\kingsoft\\wps\\jsaddons',
    'if not exist "%DEST%" mkdir "%DEST%"',
    'xcopy /E /I /Y "%~dp0%ADDON%" "%DEST%\\%ADDON%" >nul',
    'if not exist "%DEST%\\publish.xml" (',
    '  copy /Y "%~dp0publish.xml" "%DEST%\\publish.xml" >nul',
    ") else (",
    `  powershell -NoProfile -Command "$p='%DEST%\\publish.xml'; $x=[IO.File]::ReadAllText($p); if ($x -notmatch 'name=\\"${NAME}\\"') { $l=([IO.File]::ReadAllText('%~dp0publish.xml') -split [char]10 | Where-Object { $_ -match '<jsplugin ' }); $x=$x -replace '</jsplugins>', ($l + [char]10 + '</jsplugins>'); [IO.File]::WriteAllText($p, $x) }"`,
    ")",
    "echo 已安装。请关闭并重新打开 WPS 表格。",
    "pause",
    "",
  ].join("\r\n");

const installSh = (version) =>
  [
    "#!/bin/sh",
    "# 绩效自评校验 WPS 加载项：离线安装（Linux：麒麟、统信 UOS 等；复制到 ~/.local/share/Kingsoft/wps/jsaddons）",
    "set -e",
    `ADDON=${NAME}_${version}`,
    'HERE=$(cd "$(dirname "$0")" && pwd)',
    'DEST="${HOME}/.local/share/Kingsoft/wps/jsaddons"',
    'mkdir -p "$DEST"',
    'rm -rf "$DEST/$ADDON"',
    'cp -R "$HERE/$ADDON" "$DEST/$ADDON"',
    'if [ ! -f "$DEST/publish.xml" ]; then',
    '  cp "$HERE/publish.xml" "$DEST/publish.xml"',
    `elif ! grep -q 'name="${NAME}"' "$DEST/publish.xml"; then`,
    `  LINE=$(grep '<jsplugin ' "$HERE/publish.xml")`,
    '  TMP=$(mktemp)',
    '  awk -v line="$LINE" \'/<\\/jsplugins>/ { print line } { print }\' "$DEST/publish.xml" > "$TMP" && mv "$TMP" "$DEST/publish.xml"',
    "fi",
    'echo "已安装。请关闭并重新打开 WPS 表格。"',
    "",
  ].join("\n");

const readme = (version) =>
  [
    "绩效自评校验 · WPS 表格加载项（离线安装包）",
    "",
    `版本：${version}`,
    "",
    "Windows：解压后双击 install.bat。",
    "Linux（麒麟、统信 UOS）：解压后在终端运行 sh install.sh。",
    "手动安装：把文件夹 " + `${NAME}_${version}` + " 复制到 WPS 的 jsaddons 文件夹（Windows：%APPDATA%\\kingsoft\\wps\\jsaddons；",
    "Linux：~/.local/share/Kingsoft/wps/jsaddons），并把 publish.xml 中的 <jsplugin …/> 一行加进那里的 publish.xml。",
    "然后重新打开 WPS 表格，功能区会出现“绩效自评”选项卡。",
    "",
    "说明：本加载项按 WPS 公开的接口编写，只在模拟 WPS 对象模型的测试环境中测试过，尚未在真实的 WPS 上测试。",
    "",
  ].join("\r\n");

function filesOf(dir, prefix = "") {
  const out = [];
  for (const d of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = prefix ? `${prefix}/${d.name}` : d.name;
    if (d.isDirectory()) {
      if (rel === "offline") continue;
      out.push(...filesOf(path.join(dir, d.name), rel));
    } else if (!(prefix === "" && ONLINE_ONLY.has(d.name))) out.push(rel);
  }
  return out;
}

/** Writes dist/wps/offline/selfeval-wps-<version>.zip; returns its path and the entries. */
function makeOfflinePackage(wpsDir, version) {
  if (!fs.existsSync(path.join(wpsDir, "ribbon.xml"))) throw new Error(`${wpsDir} has no ribbon.xml: build the WPS add-in first`);
  const folder = `${NAME}_${version}`;
  const entries = {};
  const put = (name, bytes) => (entries[name] = [bytes, { mtime: MTIME }]);
  for (const f of filesOf(wpsDir)) put(`${folder}/${f}`, new Uint8Array(fs.readFileSync(path.join(wpsDir, f))));
  put("publish.xml", strToU8(publishXml(version)));
  put("install.bat", strToU8(installBat(version)));
  put("install.sh", strToU8(installSh(version)));
  put("说明.txt", strToU8(readme(version)));
  const zip = zipSync(entries, { level: 9 });
  const outDir = path.join(wpsDir, "offline");
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, `${NAME}-wps-${version}.zip`);
  fs.writeFileSync(out, zip);
  return { path: out, entries: Object.keys(entries) };
}

module.exports = { makeOfflinePackage, publishXml };

if (require.main === module) {
  const dir = path.resolve(process.argv[2] || path.join(__dirname, "..", "dist", "wps"));
  const version = require("../package.json").version;
  const { path: out, entries } = makeOfflinePackage(dir, version);
  console.log(`${out}: ${entries.length} files`);
}
