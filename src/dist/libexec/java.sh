# Sourced by bin/aiosim (the distribution) and by ./runner (the source tree): finds a JDK >= 21
# without Maven and names the JVM flags both use. Bash only; defines functions and `java_flags`.

java_major() { # prints the feature version of the java binary $1, or nothing
  local home v
  home="$(dirname "$(dirname "$(resolve_link "$1")")")"
  # The JDK's release file answers without starting a JVM (each start costs ~50 ms or more).
  if [ -f "$home/release" ]; then
    v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" | head -n1)"
    if [ -n "$v" ]; then
      printf '%s\n' "$v"
      return
    fi
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}

find_java() { # prints "MAJOR PATH" of the newest JDK >= 21 ($AIOSIM_JAVA wins when it qualifies)
  local candidates=()
  [ -n "${AIOSIM_JAVA:-}" ] && candidates+=("$AIOSIM_JAVA")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  candidates+=(/usr/lib/jvm/*/bin/java /opt/java/*/bin/java /opt/*jdk*/bin/java
    /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java "$HOME"/.sdkman/candidates/java/*/bin/java)
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  local best="" best_v=0 c v
  for c in "${candidates[@]}"; do
    [ -x "$c" ] || continue
    v="$(java_major "$c")"
    [ -n "$v" ] || continue
    if [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$c"; best_v="$v"; fi
    if [ -n "${AIOSIM_JAVA:-}" ] && [ "$c" = "$AIOSIM_JAVA" ] && [ "$v" -ge 21 ]; then break; fi
  done
  [ -n "$best" ] && printf '%s %s\n' "$best_v" "$best"
}

resolve_link() { # prints $1 with every symlink followed (readlink -f is not on every system)
  local p="$1" dir
  while [ -L "$p" ]; do
    dir="$(cd -P "$(dirname "$p")" && pwd)"
    p="$(readlink "$p")"
    case "$p" in /*) ;; *) p="$dir/$p" ;; esac
  done
  printf '%s/%s\n' "$(cd -P "$(dirname "$p")" && pwd)" "$(basename "$p")"
}

no_java() {
  echo "aiosim: no JDK 21 or newer found (looked at \$AIOSIM_JAVA, \$JAVA_HOME, /usr/lib/jvm, PATH)." >&2
  echo "aiosim: install one (e.g. apt-get install openjdk-21-jdk) or point AIOSIM_JAVA at its bin/java." >&2
}

# SerialGC: one mutator thread, no concurrent GC threads to start or to share 2 cores with.
# -Xss8m: deep workflow nesting (docs/spec.md 1.2 allows 100 levels). No hsperfdata file.
# Transparent huge pages on Linux (BENCHMARKS.md: a million-task run took half the CPU without).
java_flags=(-XX:+UseSerialGC -Xss8m -XX:-UsePerfData -XX:TieredStopAtLevel="${AIOSIM_TIER:-4}")
# (An `if`, not `&&`: a false test as the file's last command would fail the sourcing under set -e.)
if [ "$(uname -s)" = Linux ]; then
  java_flags+=(-XX:+UseTransparentHugePages)
fi
