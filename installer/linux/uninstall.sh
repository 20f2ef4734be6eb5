#!/bin/sh
# Remove what install.sh put in ~/.local. Your data (~/.local/share/profile-helper: the database,
# its backups and your templates) is kept; delete that folder yourself if you want it gone.
set -eu

app_id=io.github.profilehelper.ProfileHelper
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
lib_dir=$HOME/.local/lib/profile-helper
link=$HOME/.local/bin/profile-helper

# Only a link of ours: never delete a profile-helper the person installed another way.
if [ -L "$link" ] && [ "$(readlink "$link")" = "$lib_dir/profile-helper" ]; then
    rm -f "$link"
fi
rm -f "$data_home/applications/$app_id.desktop"
for icon in "$data_home"/icons/hicolor/*/apps/"$app_id".png \
    "$data_home"/icons/hicolor/scalable/apps/"$app_id".svg; do
    rm -f "$icon"
    # The size folders install.sh made, if nothing else lives there.
    rmdir "$(dirname "$icon")" "$(dirname "$(dirname "$icon")")" 2>/dev/null || true
done
rm -rf "$lib_dir" "$lib_dir.new"

# Refresh caches only where they exist: a cache created here would go stale and hide the icons
# and entries other programs add later. Without one, desktops rescan the folders themselves.
if [ -f "$data_home/applications/mimeinfo.cache" ] && command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data_home/applications" || true
fi
if [ -f "$data_home/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t "$data_home/icons/hicolor" 2>/dev/null || true
fi
echo "Profile Helper is removed. Your data in $data_home/profile-helper was kept."
