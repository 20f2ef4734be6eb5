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
done
rm -rf "$lib_dir" "$lib_dir.new"

if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data_home/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t "$data_home/icons/hicolor" 2>/dev/null || true
fi
echo "Profile Helper is removed. Your data in $data_home/profile-helper was kept."
