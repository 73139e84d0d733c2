#!/usr/bin/env bash
# Installs the Linux bundle system-wide with its desktop integration (menu entry, icons, AppStream):
#
#   sudo packaging/linux/install.sh [--bundle dist/advisor-desk] [--prefix /opt/advisor-desk]
#                                   [--bindir /usr/local/bin] [--datadir /usr/share] [--destdir DIR]
#   sudo packaging/linux/install.sh --uninstall [same options]
#
# --destdir stages everything under DIR (for building a .deb/.rpm or checking the layout) and skips the
# desktop database and icon cache refresh, which belong to the target system.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
APP_ID="fr.advisordesk.AdvisorDesk"
BUNDLE="$ROOT/dist/advisor-desk"
PREFIX="/opt/advisor-desk"
BINDIR="/usr/local/bin"
DATADIR="/usr/share"
DESTDIR=""
UNINSTALL=0
while [ $# -gt 0 ]; do
  case "$1" in
    --bundle) BUNDLE="$2"; shift 2 ;;
    --prefix) PREFIX="$2"; shift 2 ;;
    --bindir) BINDIR="$2"; shift 2 ;;
    --datadir) DATADIR="$2"; shift 2 ;;
    --destdir) DESTDIR="$2"; shift 2 ;;
    --uninstall) UNINSTALL=1; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

case "$PREFIX" in
  /?*) ;;
  *) echo "install.sh: --prefix must be an absolute folder other than /" >&2; exit 2 ;;
esac
ICON_SIZES="16 24 32 48 64 128 256 512"
installed_files() {
  echo "$DESTDIR$BINDIR/advisor-desk"
  echo "$DESTDIR$DATADIR/applications/$APP_ID.desktop"
  echo "$DESTDIR$DATADIR/metainfo/$APP_ID.metainfo.xml"
  echo "$DESTDIR$DATADIR/icons/hicolor/scalable/apps/$APP_ID.svg"
  for size in $ICON_SIZES; do echo "$DESTDIR$DATADIR/icons/hicolor/${size}x${size}/apps/$APP_ID.png"; done
}

refresh_caches() {
  [ -z "$DESTDIR" ] || return 0
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$DATADIR/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$DATADIR/icons/hicolor" || true
}

if [ "$UNINSTALL" = 1 ]; then
  installed_files | while read -r f; do rm -f "$f"; done
  rm -rf "$DESTDIR$PREFIX"
  refresh_caches
  echo "removed Advisor Desk from $DESTDIR$PREFIX"
  exit 0
fi

if [ ! -x "$BUNDLE/advisor-desk" ]; then
  echo "install.sh: no bundle at $BUNDLE (build it with packaging/build_linux.sh)" >&2
  exit 1
fi

# Replace the whole folder: files of an older version must not linger next to the new ones.
rm -rf "$DESTDIR$PREFIX"
mkdir -p "$(dirname "$DESTDIR$PREFIX")"
cp -a "$BUNDLE" "$DESTDIR$PREFIX"
install -d "$DESTDIR$BINDIR"
ln -sfn "$PREFIX/advisor-desk" "$DESTDIR$BINDIR/advisor-desk"
install -D -m 644 "$HERE/$APP_ID.desktop" "$DESTDIR$DATADIR/applications/$APP_ID.desktop"
install -D -m 644 "$HERE/$APP_ID.metainfo.xml" "$DESTDIR$DATADIR/metainfo/$APP_ID.metainfo.xml"
install -D -m 644 "$ROOT/resources/icons/advisor-desk.svg" "$DESTDIR$DATADIR/icons/hicolor/scalable/apps/$APP_ID.svg"
for size in $ICON_SIZES; do
  install -D -m 644 "$ROOT/resources/icons/hicolor/${size}x${size}/apps/$APP_ID.png" \
    "$DESTDIR$DATADIR/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
refresh_caches
echo "installed Advisor Desk in $DESTDIR$PREFIX (command: $BINDIR/advisor-desk)"
