#!/usr/bin/env bash
# Packages what the app module built (app/target/peershelf.jar + app/target/lib/*.jar) with jpackage:
# a trimmed runtime (jlink: the JDK modules jdeps finds + JavaFX as modules), an app image and, on Linux,
# a .deb. Build the app first (mvn -B -DskipTests package), or use the Maven profile: mvn -B -Pinstaller package
#
#   installer/build.sh [app-image|deb|msi|dmg]    (default: deb, which also leaves the app image)
#
# Environment (all optional):
#   PEERSHELF_VERSION   Maven version to package (default: Implementation-Version of the app jar)
#   PACKAGE_NAME        Debian package name and /usr/bin command (default: peershelf); tests use a unique one
#   INSTALL_DIR         parent of the installed app folder (default: /opt); the app lands in $INSTALL_DIR/$PACKAGE_NAME
#   OUT_DIR             where everything goes (default: installer/target/jpackage)
#   APP_TARGET          the app module's target folder (default: app/target)
#   DEB_RELEASE         Debian revision (default: 1, or 0~snapshot for a -SNAPSHOT version)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
type="${1:-deb}"
app_target="${APP_TARGET:-$root/app/target}"
out="${OUT_DIR:-$here/target/jpackage}"
package_name="${PACKAGE_NAME:-peershelf}"
install_parent="${INSTALL_DIR:-/opt}"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v jpackage)")")")}"

export PATH="$java_home/bin:$PATH"   # jdeps, jlink, jpackage of the same JDK

die() { echo "installer: $*" >&2; exit 1; }
[ -f "$app_target/peershelf.jar" ] || die "no $app_target/peershelf.jar; build the app first: mvn -B -DskipTests package"
[ -d "$java_home/jmods" ] || die "no $java_home/jmods; jlink needs a full JDK 17 (set JAVA_HOME)"

# --- version: jpackage wants numbers only, so 0.1.0-SNAPSHOT becomes app version 0.1.0 and the Debian
# revision says snapshot (0.1.0-0~snapshot sorts before the release 0.1.0-1, so the release upgrades it).
version="${PEERSHELF_VERSION:-$(unzip -p "$app_target/peershelf.jar" META-INF/MANIFEST.MF \
    | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')}"
[ -n "$version" ] || die "cannot tell the app's version (no Implementation-Version in the jar manifest)"
app_version="$(echo "$version" | grep -oE '^[0-9]+(\.[0-9]+){0,2}')" || die "version '$version' does not start with a number"
case "$version" in *-SNAPSHOT) default_release="0~snapshot" ;; *) default_release="1" ;; esac
deb_release="${DEB_RELEASE:-$default_release}"

# where JavaFX's native libraries go in a runtime, and the path separator jlink wants
case "$(uname -s)" in
  Linux) platform=linux; icon="$here/icons/peershelf.png"; native_glob="*.so"; native_dir=lib; sep=":" ;;
  Darwin) platform=macos; icon="$here/icons/peershelf.icns"; native_glob="*.dylib"; native_dir=lib; sep=":" ;;
  *) platform=windows; icon="$here/icons/peershelf.ico"; native_glob="*.dll"; native_dir=bin; sep=";" ;;
esac
sha256() { if command -v sha256sum >/dev/null; then sha256sum; else shasum -a 256; fi; }

input="$out/input"      # what jpackage copies into the app folder: the app jar and its non-JavaFX libraries
fxmods="$out/javafx"    # JavaFX's platform jars (modular), linked into the runtime instead

stage() {
  rm -rf "$out" && mkdir -p "$input/lib" "$fxmods"
  cp "$app_target/peershelf.jar" "$input/"
  for jar in "$app_target"/lib/*.jar; do
    case "$(basename "$jar")" in
      javafx-*-[0-9]*.[0-9]*-*.jar) cp "$jar" "$fxmods/" ;;  # e.g. javafx-graphics-21.0.5-linux.jar
      javafx-*.jar) ;;                                       # the empty, platform-less javafx-x.jar
      *) cp "$jar" "$input/lib/" ;;
    esac
  done
}

runtime() {
  # the JDK modules: jdeps over the app jar and every library it reaches (whole archives), plus the
  # ones only reached by reflection or service loading, which jdeps cannot see.
  # jdeps takes half a minute on a busy machine, so its answer is kept per content of the jars.
  local key cache
  key="$( (cd "$input" && find . -name '*.jar' | sort | while read -r jar; do echo "$jar"; unzip -p "$jar" | cksum; done) \
      | sha256 | cut -c1-16)"
  cache="${JDEPS_CACHE:-$here/target/jdeps-cache}/$key"
  if [ -s "$cache" ]; then
    jdeps_modules="$(cat "$cache")"
  else
    jdeps_modules="$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps -R \
        --class-path "$input/lib/*" "$input/peershelf.jar")"
    mkdir -p "$(dirname "$cache")" && echo "$jdeps_modules" > "$cache"
  fi
  # jdk.crypto.ec: Ed25519 device keys and ECDHE TLS to MongoDB Atlas (SunEC provider, JDK 17);
  # jdk.naming.dns: the driver's SRV/TXT lookups for mongodb+srv:// URIs;
  # jdk.charsets: file names and text in legacy encodings; jdk.zipfs: zip archives as file systems.
  extra_modules="jdk.crypto.ec,jdk.naming.dns,jdk.charsets,jdk.zipfs"
  fx_modules="$(for jar in "$fxmods"/*.jar; do [ -f "$jar" ] && jar --describe-module --file "$jar" | head -1 | sed 's/@.*//'; done | paste -sd, -)"
  modules="$jdeps_modules,$extra_modules${fx_modules:+,$fx_modules}"
  echo "installer: runtime modules: $modules"
  echo "$modules" > "$out/runtime-modules.txt"

  # the runtime. JavaFX's native libraries ship inside its jars; left there JavaFX would unpack them
  # into ~/.openjfx/cache on every machine. Instead they go next to the JDK's own (runtime/lib), where
  # System.loadLibrary finds them, and are dropped from the module image.
  jlink --module-path "$java_home/jmods$sep$fxmods" --add-modules "$modules" \
    --strip-debug --strip-native-commands --no-header-files --no-man-pages --compress=2 \
    --exclude-resources="glob:/javafx.*/$native_glob" \
    --output "$out/runtime"
  for jar in "$fxmods"/*.jar; do
    [ -f "$jar" ] && unzip -q -o -j "$jar" "$native_glob" -d "$out/runtime/$native_dir" 2>/dev/null || true
  done

  echo "installer: runtime $out/runtime ($(du -sh "$out/runtime" | cut -f1)) after ${SECONDS}s"
}

# --- the packages. jpackage's options are in jpackage/*.options (one file per platform); what depends on
# the build (version, names, folders) is passed here. Debian's maintainer scripts are templates in linux/.

app_image() {
  # peershelf-server: the same app with lean JVM options for headless peers and registries
  local extra=(--add-launcher "peershelf-server=$here/jpackage/server-launcher.properties")
  # Windows: the main launcher has no console (a window app); peershelf-cli.exe is the same app with
  # one, for "peershelf-cli node" and "peershelf-cli registry" in a terminal.
  [ "$platform" = windows ] && extra+=(--add-launcher "peershelf-cli=$here/jpackage/windows-cli-launcher.properties")
  jpackage --type app-image --dest "$out" @"$here/jpackage/common.options" @"$here/jpackage/app-image.options" \
    --app-version "$(platform_version)" --input "$input" --runtime-image "$out/runtime" --icon "$icon" ${extra[@]+"${extra[@]}"}
  image="$out/peershelf"; [ "$platform" = macos ] && image="$out/peershelf.app"
  echo "installer: app image $image ($(du -sh "$image" | cut -f1)) after ${SECONDS}s"
}

# macOS rejects an app version whose first number is 0 (CFBundleVersion), so 0.M.P is 1.M.P there
# unless MAC_APP_VERSION says otherwise; everywhere else it is the Maven version's numbers.
platform_version() {
  if [ "$platform" = macos ]; then
    echo "${MAC_APP_VERSION:-$(echo "$app_version" | sed 's/^0\./1./')}"
  else
    echo "$app_version"
  fi
}

deb() {
  [ "$platform" = linux ] || die "a .deb is built on Linux; on $platform: build.sh $( [ "$platform" = macos ] && echo dmg || echo msi)"
  local app_dir="$install_parent/$package_name" resources="$out/resources"
  rm -rf "$resources" && mkdir -p "$resources"
  for script in postinst prerm; do
    sed -e "s|@APP_DIR@|$app_dir|" -e "s|@PACKAGE@|$package_name|" "$here/linux/$script" > "$resources/$script"
  done
  # the desktop entry names the installed launcher, so it is written per package into the image
  sed -e "s|@LAUNCHER@|$app_dir/bin/peershelf|" -e "s|@ICON@|$package_name|" \
    "$here/linux/peershelf.desktop.in" > "$out/peershelf/lib/peershelf.desktop"
  jpackage --dest "$out" @"$here/jpackage/common.options" @"$here/jpackage/linux-deb.options" \
    --app-version "$app_version" --app-image "$out/peershelf" --linux-package-name "$package_name" \
    --install-dir "$install_parent" --linux-app-release "$deb_release" --resource-dir "$resources" \
    ${JPACKAGE_VERBOSE:+--verbose}
  local file="$out/${package_name}_${app_version}-${deb_release}_$(dpkg --print-architecture).deb"
  [ -f "$file" ] || die "jpackage did not write $file"
  echo "installer: $file ($(du -h "$file" | cut -f1)) after ${SECONDS}s"
}

# Not run on this project's Linux CI: written from jpackage's documentation (see README.md).
msi() {
  [ "$platform" = windows ] || die "an .msi is built on Windows (with WiX 3 on the PATH)"
  jpackage --dest "$out" @"$here/jpackage/common.options" @"$here/jpackage/windows-msi.options" \
    --app-version "$app_version" --app-image "$out/peershelf"
  echo "installer: $(ls "$out"/*.msi) after ${SECONDS}s"
}

dmg() {
  [ "$platform" = macos ] || die "a .dmg is built on macOS"
  jpackage --dest "$out" @"$here/jpackage/common.options" @"$here/jpackage/macos-dmg.options" \
    --app-version "$(platform_version)" --app-image "$out/peershelf.app"
  echo "installer: $(ls "$out"/*.dmg) after ${SECONDS}s"
}

case "$type" in
  app-image) stage; runtime; app_image ;;   # separate commands: set -e is off inside a && list
  deb | msi | dmg) stage; runtime; app_image; "$type" ;;
  *) die "unknown target '$type' (app-image, deb, msi, dmg)" ;;
esac
