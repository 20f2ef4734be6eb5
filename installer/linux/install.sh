#!/bin/sh
# Install Profile Helper for the current user, without root:
#   the program      ~/.local/lib/profile-helper/
#   the command      ~/.local/bin/profile-helper (a symbolic link)
#   the menu entry   ~/.local/share/applications/io.github.profilehelper.ProfileHelper.desktop
#   the icon         ~/.local/share/icons/hicolor/*/apps/io.github.profilehelper.ProfileHelper.*
# Running it again upgrades in place. Your data (~/.local/share/profile-helper) is not touched.
set -eu

app_id=io.github.profilehelper.ProfileHelper
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
lib_dir=$HOME/.local/lib/profile-helper
bin_dir=$HOME/.local/bin
executable=$lib_dir/profile-helper

if [ ! -x "$here/profile-helper/profile-helper" ] || [ ! -f "$here/$app_id.desktop" ]; then
    echo "install.sh: run me from the unpacked Profile Helper archive" >&2
    exit 1
fi

# Copy next to the old version, then swap, so that a failed copy leaves the old one working.
mkdir -p "$HOME/.local/lib" "$bin_dir" "$data_home/applications"
rm -rf "$lib_dir.new"
cp -R "$here/profile-helper" "$lib_dir.new"
cp "$here/uninstall.sh" "$lib_dir.new/uninstall.sh"
rm -rf "$lib_dir"
mv "$lib_dir.new" "$lib_dir"

ln -sfn "$executable" "$bin_dir/profile-helper"

# The menu entry starts the program by its full path: ~/.local/bin is not on every desktop's PATH.
# Inside Exec's double quotes the desktop spec wants \ " ` $ escaped; sed wants \ & | escaped.
quoted=$(printf '%s\n' "$executable" | sed -e 's/[\\"`$]/\\&/g')
exec_line=$(printf 'Exec="%s"\n' "$quoted" | sed -e 's/[\\&|]/\\&/g')
try_line=$(printf 'TryExec=%s\n' "$executable" | sed -e 's/[\\&|]/\\&/g')
sed -e "s|^Exec=.*|$exec_line|" -e "s|^TryExec=.*|$try_line|" \
    "$here/$app_id.desktop" >"$data_home/applications/$app_id.desktop"
chmod 644 "$data_home/applications/$app_id.desktop"

(cd "$here/icons" && find hicolor -type f) | while read -r icon; do
    mkdir -p "$data_home/icons/$(dirname "$icon")"
    cp "$here/icons/$icon" "$data_home/icons/$icon"
done

# Refresh the caches when the tools exist; desktops that lack them rescan on their own.
# Refresh caches only where they exist: a cache created here would go stale and hide the icons
# and entries other programs add later. Without one, desktops rescan the folders themselves.
if [ -f "$data_home/applications/mimeinfo.cache" ] && command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data_home/applications" || true
fi
if [ -f "$data_home/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t "$data_home/icons/hicolor" 2>/dev/null || true
fi

missing=""
if command -v ldconfig >/dev/null 2>&1; then
    libraries=$(ldconfig -p 2>/dev/null || true)
    for lib in libGL.so.1 libEGL.so.1 libfontconfig.so.1 libxkbcommon.so.0 libdbus-1.so.3; do
        case $libraries in
            *"$lib "*) ;;
            *) missing="$missing $lib" ;;
        esac
    done
fi

echo "Profile Helper is installed: find it in your applications menu, or run $bin_dir/profile-helper"
case ":$PATH:" in
    *":$bin_dir:"*) ;;
    *) echo "Note: $bin_dir is not on your PATH; add it to run profile-helper by name." ;;
esac
if [ -n "$missing" ]; then
    echo "Note: this system lacks libraries the app needs:$missing"
    echo "  On Debian or Ubuntu: sudo apt-get install libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3"
fi
echo "To remove it: $lib_dir/uninstall.sh"
