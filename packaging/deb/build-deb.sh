#!/usr/bin/env bash
# Builds the Debian package of ngxtime with its own Java runtime: called by `mvn -P deb package` (cli/pom.xml)
# after the runnable jar is built, as build-deb.sh VERSION JAR PICOCLI_CODEGEN_JAR TARGET_DIR [XZ_LEVEL]. Writes
# TARGET_DIR/ngxtime_VERSION_ARCH.deb, compressed with xz at XZ_LEVEL (0-9, default 6: 29 MB for 90 s of
# processor time; CI takes 1: a few MB more, a minute less). Needs the JDK's jlink, dpkg-deb, asciidoctor (the man
# pages) and unshare (the class-data-sharing archive, below); nothing from the network.
#
# What the package installs:
#   /opt/ngxtime/                the application: bin/ngxtime (the launcher, a shell script), lib/app/ (the jar and
#                                its CDS archive), lib/runtime/ (the jlink'd JDK)
#   /usr/bin/ngxtime             a link to /opt/ngxtime/bin/ngxtime
#   /usr/share/man/man1/         ngxtime(1) and one page per command (ngxtime-report(1), ...)
#   /usr/share/bash-completion/completions/ngxtime, /usr/share/zsh/vendor-completions/_ngxtime
#   /usr/share/doc/ngxtime/      copyright (NOTICE and LICENSE), licenses/ (the bundled libraries' licences)
#   /usr/lib/systemd/system/ngxtime-tail.service   an example unit, not enabled (README.md, "Run as a service")
set -euo pipefail

version="$1"
jar="$2"
codegen="$3"
target="$4"
xz_level="${5:-6}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
install_dir=/opt/ngxtime

for tool in jlink dpkg-deb asciidoctor unshare; do
  command -v "$tool" >/dev/null || {
    echo "build-deb: $tool is needed (Debian: apt-get install openjdk-17-jdk-headless dpkg-dev asciidoctor util-linux)" >&2
    exit 69
  }
done
arch="$(dpkg --print-architecture)"
work="$target/deb-work"
rm -rf "$work"
mkdir -p "$work"
step() { echo "build-deb: [${SECONDS}s] $*" >&2; }

# --- the runtime: only the JDK modules ngxtime uses ---------------------------------------------------------
# `jdeps --multi-release 17 --ignore-missing-deps --print-module-deps ngxtime.jar` lists java.base, java.compiler,
# java.desktop (JFreeChart and Batik draw with AWT), java.management, java.naming, java.sql, jdk.httpserver (the
# Prometheus exporter of tail --metrics) and jdk.unsupported (sun.misc.Unsafe, for Chronicle). jdk.management is
# added: Chronicle reads the JVM's settings through com.sun.management's MXBeans, which jdeps cannot see (they are
# looked up by name). Left out: jdk.compiler (Chronicle's run-time compiler of method readers and writers, which
# ngxtime's queue codec never uses: ingest, report --queue and tail --queue load no class of it) and
# jdk.localedata (ngxtime formats with Locale.ROOT). packaging/deb/check-deb.sh runs every command from the
# package, so a module found missing fails CI.
modules=java.base,java.compiler,java.desktop,java.management,java.naming,java.sql,jdk.httpserver,jdk.unsupported,jdk.management
step "jlink: $modules"
# --compress=0: the package is compressed with xz as a whole, which packs the uncompressed modules file to
# half of what it makes of a zip-compressed one (10 MB against 22 MB), and the JVM then reads classes unzipped
jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=0 --output "$work/runtime"
# ngxtime draws headless: the X11 toolkit (and JAWT, which links it), the splash screen and sound would only make
# the package depend on X11 and ALSA libraries that a server does not have
rm -f "$work/runtime/lib/libawt_xawt.so" "$work/runtime/lib/libjawt.so" \
  "$work/runtime/lib/libsplashscreen.so" "$work/runtime/lib/libjsound.so"

# --- the application: the runtime, the jar and the launcher with the JVM flags ---------------------------------
# The launcher starts the main class with the jar on the class path, so the manifest's Add-Opens and Add-Exports do
# not apply (docs/jvm-flags.md): the same flags are given here. They come after JAVA_TOOL_OPTIONS (the JVM reads that
# first, and the command line wins), so none is given that a user must be able to change: no collector and no -Xmx
# (JAVA_TOOL_OPTIONS chooses them; the service unit gives tail the serial collector and 192 MB). The heap is
# bounded through -XX:MaxRAM instead, which only sets the JVM's defaults: 768 MB of "machine" gives a 192 MB heap (a
# quarter), what the checkout's launcher gives tail, and the serial collector (a machine under 1,792 MB); an -Xmx or
# -XX:+Use...GC in JAVA_TOOL_OPTIONS still wins. A report of 10M lines then stays under 300 MB resident (279-280 MB;
# 2M lines 5.4-6.9 s, 211-225 MB), where without it a report of 2M lines took 8.5 s and 366-415 MB, with G1 and an
# unbounded heap (docs/jvm-flags.md). And the client compiler alone, as the checkout's launcher uses for inputs up
# to 2 GB (docs/performance.md: at 10M lines the two compilers were even).
module_flags=(
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED --add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED
)
java_flags=("${module_flags[@]}"
  -Dchronicle.analytics.disable=true -Dchronicle.announcer.disable=true -Djava.awt.headless=true
  -XX:MaxRAM=768m -XX:TieredStopAtLevel=1)
step "application: runtime, jar and launcher"
app="$work/image/ngxtime"
mkdir -p "$app/bin" "$app/lib/app"
mv "$work/runtime" "$app/lib/runtime"
java "$here/StoredJar.java" "$jar" "$app/lib/app/ngxtime.jar"
# A shell script, not jpackage's native launcher: that one asked rpm and then dpkg which package owns it, twice, on
# every start (JDK 17's Linux launcher), 0.3 s of dpkg reading its database before each run: a report of 1,000 lines
# took 0.73-0.77 s through it and 0.40-0.42 s from the same java command line (docs/performance.md, "Start-up").
# /usr/bin/ngxtime is a link to it: readlink -f finds the application wherever the tree is (dpkg -x unpacks it
# elsewhere). exec: the JVM takes the shell's process, its signals and its exit code.
{
  echo '#!/bin/sh'
  echo '# ngxtime as its Debian package installs it (packaging/deb/build-deb.sh): the package'"'"'s own Java runtime with the'
  echo '# JVM flags ngxtime needs (docs/jvm-flags.md). Other JVM options go in JAVA_TOOL_OPTIONS (an -Xmx there wins).'
  echo 'self=$(PATH=/usr/bin:/bin${PATH:+:$PATH} readlink -f -- "$0") || exit 70 # readlink: coreutils, on every Debian system'
  echo 'app=${self%/bin/*}'
  printf 'exec "$app/lib/runtime/bin/java" \\\n'
  printf '  %s \\\n' "${java_flags[@]}"
  printf '  -Dngxtime.launcher=deb -XX:SharedArchiveFile="$app/lib/app/ngxtime.jsa" -Xshare:auto \\\n'
  printf '  -cp "$app/lib/app/ngxtime.jar" io.ngxtime.cli.Main "$@"\n'
} >"$app/bin/ngxtime"
chmod 755 "$app/bin/ngxtime"
jar_name=ngxtime.jar

# --- class-data sharing: the classes a small report loads, parsed and verified once, at build time ------------
# Java 17 uses an application CDS archive only when the class path is the very one it was dumped with (no
# relocation before Java 18): the archive is dumped with the image mounted where the package installs it,
# in a private mount namespace (unshare, as an unprivileged user too), so the build touches no system directory.
# The training run is the checkout launcher's (io.ngxtime.cli.StartupTraining: reports as text and as JSON, the
# report's help, a report through a temporary queue), so that a JSON report finds its classes in the archive too.
step "class-data sharing: training run and archive"
"$app/lib/runtime/bin/java" "${java_flags[@]}" -XX:DumpLoadedClassList="$work/classes.lst" \
  -Dngxtime.startupTraining=true -cp "$app/lib/app/$jar_name" io.ngxtime.cli.Main >/dev/null 2>"$work/training.log" \
  || { cat "$work/training.log" >&2; echo "build-deb: the training run failed" >&2; exit 70; }
dump_command=$(printf '%q ' "$install_dir/lib/runtime/bin/java" "${java_flags[@]}" -Xshare:dump \
  -XX:SharedClassListFile="$work/classes.lst" -XX:SharedArchiveFile="$install_dir/lib/app/ngxtime.jsa" \
  -cp "$install_dir/lib/app/$jar_name")
if ! unshare --user --map-root-user --mount bash -euc "
    mount -t tmpfs tmpfs ${install_dir%/*} && mkdir $install_dir && mount --bind $(printf %q "$app") $install_dir
    $dump_command" >"$work/cds.log" 2>&1; then
  cat "$work/cds.log" >&2
  echo "build-deb: could not dump the CDS archive in a private mount namespace (unshare --user --mount)" >&2
  exit 70
fi
rm -f "$work/classes.lst"

# --- man pages and completion, generated from the commands themselves -----------------------------------------
step "man pages and completion"
gen="$work/generated"
mkdir -p "$gen/adoc" "$gen/man"
java -cp "$jar:$codegen" io.ngxtime.cli.CommandDocs --man "$gen/adoc" --bash "$gen/ngxtime.bash"
asciidoctor --backend manpage --attribute mansource="ngxtime $version" --attribute manmanual="ngxtime manual" \
  --destination-dir "$gen/man" "$gen"/adoc/*.adoc
[ -s "$gen/man/ngxtime-report.1" ] || { echo "build-deb: no man page for ngxtime report" >&2; exit 1; }

# --- the package's tree ---------------------------------------------------------------------------------------
step "package tree"
pkg="$work/root"
mkdir -p "$pkg$install_dir" "$pkg/usr/bin" "$pkg/usr/share/man/man1" "$pkg/usr/share/bash-completion/completions" \
  "$pkg/usr/share/zsh/vendor-completions" "$pkg/usr/share/doc/ngxtime" "$pkg/usr/lib/systemd/system" "$pkg/DEBIAN"
cp -a "$app/." "$pkg$install_dir/"
# relative, so that the link also works in a tree unpacked elsewhere (dpkg -x, as CI does)
ln -s "../..$install_dir/bin/ngxtime" "$pkg/usr/bin/ngxtime"
for page in "$gen"/man/*.1; do
  gzip -9n <"$page" >"$pkg/usr/share/man/man1/$(basename "$page").gz"
done
install -m 644 "$gen/ngxtime.bash" "$pkg/usr/share/bash-completion/completions/ngxtime"
install -m 644 "$here/_ngxtime" "$pkg/usr/share/zsh/vendor-completions/_ngxtime"
cat "$root/NOTICE" "$root/LICENSE" >"$pkg/usr/share/doc/ngxtime/copyright"
cp -r "$root/licenses" "$pkg/usr/share/doc/ngxtime/licenses"
install -m 644 "$here/ngxtime-tail.service" "$pkg/usr/lib/systemd/system/ngxtime-tail.service"
chmod -R u=rwX,go=rX "$pkg"

# The libraries the runtime's native code links, as the packages that hold them on this machine (as jpackage
# does for its own .deb); libfontconfig1 and a font, which AWT loads at run time to draw the charts, by name.
depends="$(find "$pkg$install_dir" -name '*.so' -exec ldd {} + 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// { print $3 }' | sort -u \
  | while read -r lib; do dpkg -S "$(readlink -f "$lib")" 2>/dev/null || dpkg -S "$lib" 2>/dev/null || true; done \
  | cut -d: -f1 | sort -u | paste -sd, | sed 's/,/, /g')"
cat >"$pkg/DEBIAN/control" <<EOF
Package: ngxtime
Version: $version
Architecture: $arch
Maintainer: ngxtime developers <ngxtime@example.invalid>
Installed-Size: $(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
Depends: ${depends:+$depends, }libfontconfig1, fonts-dejavu-core
Section: web
Priority: optional
Description: nginx access-log analyzer built around timing
 Reads nginx access logs in any log_format and tells how much load came, when
 the peaks were and who caused them, and where the time went: in nginx, in its
 cache, or in which upstream backend, attempt by attempt. Reports in the
 terminal, JSON, CSV and self-contained HTML; follows live logs with alerts and
 Prometheus metrics. Carries its own Java runtime.
EOF

deb="$target/ngxtime_${version}_${arch}.deb"
step "dpkg-deb: $deb"
dpkg-deb --root-owner-group -Zxz -z"$xz_level" --build "$pkg" "$deb" >/dev/null
step "$(du -h "$deb" | cut -f1) $deb"
