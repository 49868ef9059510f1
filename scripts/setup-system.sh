#!/usr/bin/env bash
# Installs the Debian packages tgreport needs, only those that are missing.
#   setup-system.sh runtime   what making a report needs (WeasyPrint's system libraries)
#   setup-system.sh test      that, plus every program the tests run (tests/test_setup_installs.py
#                             checks that each one is installed here)
#   setup-system.sh bench     what benchmarks/run.py adds (GNU time); make benchmark runs both
# Runs as root on the project's machines; README.md says what each package is for.
set -euo pipefail

what=${1:-test}
need=()
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

have_pkg libpango-1.0-0 || need+=(libpango-1.0-0)            # WeasyPrint's text layout
have_pkg libpangoft2-1.0-0 || need+=(libpangoft2-1.0-0)
have_pkg libharfbuzz-subset0 || need+=(libharfbuzz-subset0)  # WeasyPrint's fast font subsetting

if [ "$what" = test ]; then
  have_cmd pdftotext || need+=(poppler-utils)                # pdftotext, pdffonts, pdftoppm
  have_cmd qpdf || need+=(qpdf)                              # checks the PDF's structure (its photos)
  have_cmd java || need+=(default-jre-headless)              # runs epubcheck
  [ -f /usr/share/java/epubcheck.jar ] || need+=(epubcheck)
  have_cmd soffice || need+=(libreoffice-writer-nogui)       # renders the DOCX in tests
  have_pkg fonts-liberation2 || need+=(fonts-liberation2)    # LibreOffice's Times New Roman
  have_pkg libicu-dev || need+=(libicu-dev)                  # PyICU, the collation reference
  have_cmd pkg-config || need+=(pkg-config)
  have_cmd pandoc || need+=(pandoc)                          # reads the DOCX back (test_docx_structure)
fi

if [ "$what" = bench ]; then                                 # benchmarks/run.py (make benchmark)
  have_cmd pandoc || need+=(pandoc)                          # the pandoc baseline (test installs it too)
  [ -x /usr/bin/time ] || need+=(time)                       # wall time and peak memory of each run
  have_cmd pdfinfo || need+=(poppler-utils)                  # page counts of the PDFs
fi

[ ${#need[@]} -eq 0 ] && exit 0
echo "setup-system: installing ${need[*]}"
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
