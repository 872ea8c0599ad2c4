#!/bin/sh
# The .xls test files (test/xls/), from the fixture workbooks (test/fixtures/*.xlsx); run by hand, the results are
# committed (CI has no LibreOffice: the tests read the committed files).
#   test/xls/libreoffice/NAME.xls          LibreOffice's `soffice --headless --convert-to xls` of the fixture
#   test/xls/libreoffice/NAME.resaved.xlsx LibreOffice's own re-save of that .xls as .xlsx (what the .xls must equal)
#   test/xls/xlwt/NAME.xls                 a second writer: xlwt (scripts/xls-xlwt.py), from the fixture's values
#   test/xls/hostile/*.xls                 damaged and encrypted files (scripts/make-hostile-xls.js)
# Needs: apt-get install -y libreoffice-calc-nogui python3-xlwt python3-openpyxl
set -eu
cd "$(dirname "$0")/.."
LO=test/xls/libreoffice
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$LO" test/xls/xlwt
# a profile of its own: a LibreOffice the user has open does not get in the way
PROFILE="-env:UserInstallation=file://$TMP/profile"
soffice "$PROFILE" --headless --convert-to xls --outdir "$TMP/xls" test/fixtures/*.xlsx >/dev/null
soffice "$PROFILE" --headless --convert-to xlsx --outdir "$TMP/resaved" "$TMP"/xls/*.xls >/dev/null
for f in "$TMP"/xls/*.xls; do
  n=$(basename "$f" .xls)
  cp "$f" "$LO/$n.xls"
  cp "$TMP/resaved/$n.xlsx" "$LO/$n.resaved.xlsx"
done
/usr/bin/python3 scripts/xls-xlwt.py test/xls/xlwt test/fixtures/*.xlsx
node scripts/make-hostile-xls.js
