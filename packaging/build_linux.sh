#!/usr/bin/env bash
# Builds the Linux one-folder bundle of the desk and checks it starts:
#
#   packaging/build_linux.sh [--dist DIR] [--work DIR] [--no-check]
#
# Output: DIR/advisor-desk/advisor-desk (default DIR: dist/; PyInstaller's work files go to build/).
# Python: $PYTHON if set, else the repository's .venv, else the active virtualenv, else python3; that
# environment must have the desk installed (pip install -e ".[test]"); PyInstaller is added if missing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIST="$ROOT/dist"
WORK="$ROOT/build"
CHECK=1
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) DIST="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --no-check) CHECK=0; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "build_linux.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

if [ -n "${PYTHON:-}" ]; then :
elif [ -x "$ROOT/.venv/bin/python" ]; then PYTHON="$ROOT/.venv/bin/python"
elif [ -n "${VIRTUAL_ENV:-}" ]; then PYTHON="$VIRTUAL_ENV/bin/python"
else PYTHON=python3
fi

if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
  echo "installing PyInstaller into $("$PYTHON" -c 'import sys; print(sys.prefix)')"
  "$PYTHON" -m pip install -q "pyinstaller>=6.5"
fi

start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" "$ROOT/packaging/pyinstaller/advisor_desk.spec"
end=$(date +%s)

BUNDLE="$DIST/advisor-desk"
echo "bundle: $BUNDLE"
echo "build time: $((end - start)) s on $(nproc) cores"
echo "bundle size: $(du -sh "$BUNDLE" | cut -f1) ($(find "$BUNDLE" -type f | wc -l) files)"

if [ "$CHECK" = 1 ]; then
  QT_QPA_PLATFORM=offscreen "$BUNDLE/advisor-desk" --self-check
fi
