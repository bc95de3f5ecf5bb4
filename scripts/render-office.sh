#!/usr/bin/env bash
# Render office files as a person would see them: DOCX/XLSX → PDF (LibreOffice) → PNG of the
# first page (poppler). Fails if any conversion fails or produces nothing.
#
#   scripts/render-office.sh [-o DIR] [-r DPI] [-c] FILE...
#
# Writes DIR/<name>.pdf and DIR/<name>.png (default DIR: ./rendered, DPI 80); -c keeps Word
# comments as PDF annotations. Needs
# `soffice` (libreoffice-writer, libreoffice-calc), `pdftoppm` (poppler-utils) and CJK fonts
# (fonts-noto-cjk): without them Chinese text renders as boxes.
#
# To render the sample regulation's files:
#   LIFA_OFFICE_OUT=/tmp/office cargo test --lib office_samples -- --ignored
#   scripts/render-office.sh -o /tmp/office/png /tmp/office/*.docx /tmp/office/*.xlsx
set -euo pipefail

out=rendered
dpi=80
comments=no
while getopts "o:r:ch" opt; do
    case "$opt" in
        o) out=$OPTARG ;;
        r) dpi=$OPTARG ;;
        c) comments=yes ;;
        h) sed -n '2,14p' "$0"; exit 0 ;;
        *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
if [ "$#" -eq 0 ]; then
    echo "usage: $0 [-o DIR] [-r DPI] [-c] FILE.docx|FILE.xlsx..." >&2
    exit 2
fi
for tool in soffice pdftoppm; do
    if ! command -v "$tool" >/dev/null; then
        echo "error: $tool not found (apt-get install libreoffice-writer libreoffice-calc poppler-utils fonts-noto-cjk)" >&2
        exit 2
    fi
done
mkdir -p "$out"

# A private LibreOffice profile: no clash with a running instance, no first-start dialogs.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

# The fonts of Chinese official documents are rarely installed on Linux: map them to the Noto
# CJK SC faces of the same style (serif for 仿宋/宋体/楷体, sans for 黑体) so the rendering keeps
# the contrast between text and headings.
cat >"$profile/fonts.conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>仿宋_GB2312</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>仿宋</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>FangSong</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>楷体_GB2312</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>SimSun</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <alias binding="same"><family>SimHei</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
</fontconfig>
XML
export FONTCONFIG_FILE="$profile/fonts.conf"

status=0
for f in "$@"; do
    if [ ! -s "$f" ]; then
        echo "error: $f: missing or empty" >&2
        status=1
        continue
    fi
    # LibreOffice opens a damaged package as plain text and "converts" it: check the zip first.
    case "$f" in
        *.docx | *.xlsx)
            if ! python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); sys.exit(z.testzip() is not None)' "$f" 2>/dev/null; then
                echo "error: $f: not a valid Office package (zip)" >&2
                status=1
                continue
            fi
            ;;
    esac
    name=$(basename "${f%.*}")
    pdf="$out/$name.pdf"
    rm -f "$pdf" "$out/$name.png"
    # With -c, Word comments become PDF annotations (an icon at each anchor; LibreOffice 7.4
    # cannot print them in the margin).
    filter=pdf
    if [ "$comments" = yes ]; then
        case "$f" in
            *.docx | *.doc | *.odt) filter='pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}' ;;
        esac
    fi
    if ! timeout 180 soffice -env:UserInstallation=file://"$profile" --headless \
        --convert-to "$filter" --outdir "$out" "$f" >"$profile/log" 2>&1; then
        echo "error: $f: LibreOffice failed:" >&2
        cat "$profile/log" >&2
        status=1
        continue
    fi
    if [ ! -s "$pdf" ]; then
        echo "error: $f: LibreOffice wrote no PDF:" >&2
        cat "$profile/log" >&2
        status=1
        continue
    fi
    if ! pdftoppm -png -r "$dpi" -f 1 -l 1 -singlefile "$pdf" "$out/$name" 2>"$profile/log"; then
        cat "$profile/log" >&2
        echo "error: $pdf: pdftoppm failed" >&2
        status=1
        continue
    fi
    pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
    echo "$f → $out/$name.png (${pages:-?} pages)"
done
exit "$status"
