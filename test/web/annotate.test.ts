import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync, strFromU8 } from "fflate";
import { main } from "../../src/cli/main";
import { ANNOTATE_AVAILABLE, annotatedCopy } from "../../src/web/annotate";
import { processBytes, processFile } from "../../src/web/pipeline";
import * as xlsChunk from "../../src/xlsx/xls/index";
import { untimed } from "../support/untimed";

/**
 * The page's annotated copy against `selfeval check --out`'s, part by part: the same parts, byte for byte, but for
 * the check time written in the 校验报告 sheet.
 */
const ROOT = path.resolve(__dirname, "../..");
const suite = ANNOTATE_AVAILABLE ? describe : describe.skip;


suite("the page's annotated copy equals check --out's", () => {
  for (const name of ["official.xlsx", "provincial.xlsx", "stacked.xlsx"]) {
    test(name, async () => {
      const file = path.join(ROOT, "test/fixtures", name);
      const out = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-web-annotate-"));
      await main(["check", file, "--out", out, "--jobs", "1"], { out: () => undefined, err: () => undefined, isTTY: false });
      const cli = unzipSync(new Uint8Array(fs.readFileSync(path.join(out, name.replace(/\.xlsx$/, ".checked.xlsx")))));
      fs.rmSync(out, { recursive: true, force: true });
      const bytes = new Uint8Array(fs.readFileSync(file));
      const o = processBytes(name, bytes);
      const web = unzipSync(await annotatedCopy(bytes, o.reports!.zh, "zh", o.settings));
      expect(Object.keys(web).sort()).toEqual(Object.keys(cli).sort());
      for (const part of Object.keys(cli)) expect([part, untimed(strFromU8(web[part]))]).toEqual([part, untimed(strFromU8(cli[part]))]);
    });
  }
});

suite("the page's annotated copy of an .xls equals check --out's", () => {
  for (const name of ["official.xls", "stacked.xls"]) {
    test(name, async () => {
      const file = path.join(ROOT, "test/xls/libreoffice", name);
      const out = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-web-annotate-"));
      await main(["check", file, "--out", out, "--jobs", "1"], { out: () => undefined, err: () => undefined, isTTY: false });
      const cli = unzipSync(new Uint8Array(fs.readFileSync(path.join(out, name.replace(/\.xls$/, ".checked.xlsx")))));
      fs.rmSync(out, { recursive: true, force: true });
      const bytes = new Uint8Array(fs.readFileSync(file));
      const o = await processFile(name, bytes, undefined, async () => xlsChunk.readXls);
      const web = unzipSync(await annotatedCopy(bytes, o.reports!.zh, "zh", o.settings, async () => xlsChunk));
      expect(Object.keys(web).sort()).toEqual(Object.keys(cli).sort());
      for (const part of Object.keys(cli)) expect([part, untimed(strFromU8(web[part]))]).toEqual([part, untimed(strFromU8(cli[part]))]);
      expect(strFromU8(web["xl/worksheets/sheet" + Object.keys(web).filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)).length + ".xml"])).toContain("原 .xls 文件中本副本未能保留的内容");
    });
  }
});
