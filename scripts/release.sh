#!/usr/bin/env bash
# Make the release folder release/<name>-<version>/ for colleagues:
#   <name>-<version>-linux-x86_64.tar.gz  the Linux one-folder app (scripts/check_build.py builds and checks it)
#   <name>-<version>-win64.zip            the Windows one (scripts/build_windows.py, checked by scripts/check_windows.py)
#   <name>-<version>-win64-setup.exe      the same as a per-user installer, when makensis (Debian's nsis) is there
#   CHANGELOG.md, BUILD-INFO.txt          what changed; the commit, tools and pins it was built from
#   SHA256SUMS                            `sha256sum -c SHA256SUMS` checks all of the above
# The name and version come from main.py (APP_NAME, APP_VERSION). CHANGELOG.md must describe that
# version: a "## <version>" section, or a "## Unreleased" section, which this script dates and names
# "## <version> — <date>" (commit that change with the release).
#
# usage: scripts/release.sh [--no-build]     --no-build: package the builds already in build/
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
[ "${1:-}" = "--no-build" ] && build=0
name=$(sed -n 's/^APP_NAME = "\(.*\)"$/\1/p' main.py)
version=$(sed -n 's/^APP_VERSION = "\(.*\)"$/\1/p' main.py)
[ -n "$name" ] && [ -n "$version" ] || { echo "FAIL  no APP_NAME / APP_VERSION in main.py" >&2; exit 1; }
py=.venv/bin/python
[ -x "$py" ] || { echo "FAIL  run ./install.sh first (.venv is missing)" >&2; exit 1; }

# --- the changelog entry of this version
[ -f CHANGELOG.md ] || { echo "FAIL  CHANGELOG.md is missing" >&2; exit 1; }
has_version=$(grep -cE "^## \[?${version//./\\.}\]?( |$)" CHANGELOG.md || true)
unreleased=$(awk '/^## Unreleased/{on=1; next} /^## /{on=0} on && /^- /{n++} END{print n+0}' CHANGELOG.md)
if [ "$has_version" -gt 0 ] && [ "$unreleased" -gt 0 ]; then
  echo "FAIL  CHANGELOG.md already has a $version section, and 'Unreleased' lists $unreleased changes:" >&2
  echo "      raise APP_VERSION in main.py for the new release, then run this again" >&2
  exit 1
fi
if [ "$has_version" -eq 0 ]; then
  if [ "$unreleased" -eq 0 ]; then
    echo "FAIL  CHANGELOG.md has neither a '## $version' section nor an 'Unreleased' one with entries" >&2
    exit 1
  fi
fi

# --- build and check both packages
installer=()
command -v makensis >/dev/null && installer=(--installer)   # the installer when Debian's nsis is there
if [ "$build" = 1 ]; then
  QT_QPA_PLATFORM=offscreen "$py" scripts/check_build.py
  "$py" scripts/build_windows.py "${installer[@]}"
  "$py" scripts/check_windows.py "${installer[@]}"
fi
linux_dir="build/dist/$name-$version"
win_zip="build/win/$name-$version-win64.zip"
win_setup="build/win/$name-$version-win64-setup.exe"
[ -x "$linux_dir/$name" ] || { echo "FAIL  no Linux build in $linux_dir (run without --no-build)" >&2; exit 1; }
[ -f "$win_zip" ] || { echo "FAIL  no Windows package $win_zip (run without --no-build)" >&2; exit 1; }
# only a zip that passed scripts/check_windows.py (which marks it verified in the build cache)
cache=${GOVINFO_WINBUILD_CACHE:-$HOME/.cache/govinfo-winbuild}
key=$(cat build/win/inputs.txt 2>/dev/null || true)
passed=$(cut -d' ' -f1 "$cache/builds/${key:-none}/verified" 2>/dev/null || true)
[ -n "$passed" ] && [ "$passed" = "$(sha256sum < "$win_zip" | cut -d' ' -f1)" ] ||
  { echo "FAIL  $win_zip has not passed scripts/check_windows.py (run it, or run without --no-build)" >&2; exit 1; }

# --- the changelog entry dated, once both packages are there and checked
if [ "$has_version" -eq 0 ]; then
  sed -i "0,/^## Unreleased.*/s//## $version — $(date -u +%Y-%m-%d)/" CHANGELOG.md
  echo "CHANGELOG.md: 'Unreleased' is now '## $version — $(date -u +%Y-%m-%d)' (commit it with the release)"
fi

# --- the release folder
out="release/$name-$version"
rm -rf "$out"
mkdir -p "$out"
arch=$(uname -m)
tar -C build/dist -czf "$out/$name-$version-linux-$arch.tar.gz" --owner=0 --group=0 --sort=name "$name-$version"
cp "$win_zip" "$out/"
# the installer only when it is at least as new as the zip it was made from
[ -f "$win_setup" ] && [ ! "$win_setup" -ot "$win_zip" ] && cp "$win_setup" "$out/"
cp CHANGELOG.md "$out/"
commit=$(git rev-parse --verify -q HEAD 2>/dev/null) || commit=unknown
dirty=$(git status --porcelain 2>/dev/null | grep -vc '^??' || true)
{
  echo "$name $version"
  echo "built:   $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(uname -sm)"
  echo "commit:  $commit$([ "$dirty" != 0 ] && echo " (with $dirty uncommitted changes)")"
  echo "linux:   Python $("$py" -c 'import platform; print(platform.python_version())'), packages of requirements.txt"
  echo "windows: $(wine --version 2>/dev/null || echo 'Wine ?'), CPython 3.13 embeddable, packages of scripts/wine/requirements-win.txt"
  echo "checks:  scripts/check_build.py (Linux) and scripts/check_windows.py (Wine), both with the network cut off"
} > "$out/BUILD-INFO.txt"
(cd "$out" && sha256sum -- *.tar.gz *.zip $(ls -- *.exe 2>/dev/null) CHANGELOG.md BUILD-INFO.txt > SHA256SUMS &&
  sha256sum -c --quiet SHA256SUMS)

echo "release folder $out:"
(cd "$out" && ls -l --block-size=K -- * | awk '{print "  " $5 "  " $9}')
echo "SHA256SUMS:"
sed 's/^/  /' "$out/SHA256SUMS"
