#!/bin/sh
# Installs the unpacked standalone application for the current user: the program under
# ~/.local/opt/timeline-app, the command in ~/.local/bin, the menu entry and its icon.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
target="$prefix/opt/timeline-app"
mkdir -p "$prefix/opt" "$prefix/bin" "$prefix/share/applications" \
         "$prefix/share/icons/hicolor/scalable/apps" "$prefix/share/icons/hicolor/256x256/apps"
if [ "$here" != "$target" ]; then
    rm -rf "$target.new"
    cp -R "$here" "$target.new"
    rm -rf "$target"
    mv "$target.new" "$target"
fi
ln -sf "$target/timeline-app" "$prefix/bin/timeline-app"
sed "s|^Exec=timeline-app|Exec=$target/timeline-app|" "$target/timeline-app.desktop" \
    > "$prefix/share/applications/timeline-app.desktop"
cp "$target/timeline-app.svg" "$prefix/share/icons/hicolor/scalable/apps/timeline-app.svg"
cp "$target/timeline-app.png" "$prefix/share/icons/hicolor/256x256/apps/timeline-app.png"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$prefix/share/applications" || true
echo "Installed in $target; run 'timeline-app' or pick Timeline from the applications menu."
