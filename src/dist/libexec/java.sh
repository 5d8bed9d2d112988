# Sourced by bin/aiosim (the distribution) and by ./runner (the source tree): finds a JDK >= 21
# without Maven, names the JVM flags both use and keeps the start-up cache. Bash only, and on
# the common path it starts no process: each one costs milliseconds, and a small run's whole
# start-up is measured against CPython's (BENCHMARKS.md).

resolve_link() { # sets REPLY to $1 with every symlink followed (readlink runs only for a link)
  local p="$1" t
  case "$p" in */*) ;; *) p="./$p" ;; esac
  while [ -L "$p" ]; do
    t="$(readlink "$p")"
    case "$t" in /*) p="$t" ;; *) p="${p%/*}/$t" ;; esac
  done
  REPLY="$p"
}

release_value() { # sets REPLY to KEY's value in the JDK release file $1 (empty when absent)
  local line
  REPLY=""
  [ -f "$1" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      "$2="*)
        line="${line#*=}"
        REPLY="${line//\"/}"
        return 0
        ;;
    esac
  done <"$1"
}

java_feature() { # sets REPLY to the feature version of the java binary $1, or empty
  resolve_link "$1"
  local home="${REPLY%/*/*}"
  # The JDK's release file answers without starting a JVM (each start costs ~50 ms or more).
  release_value "$home/release" JAVA_VERSION
  if [ -n "$REPLY" ]; then
    REPLY="${REPLY%%[!0-9]*}"
    return 0
  fi
  REPLY="$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1)"
}

find_java() { # sets java_bin, java_major and java_build for the newest JDK >= 21 ($AIOSIM_JAVA wins when it qualifies)
  local candidates=() c
  [ -n "${AIOSIM_JAVA:-}" ] && candidates+=("$AIOSIM_JAVA")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  candidates+=(/usr/lib/jvm/*/bin/java /opt/java/*/bin/java /opt/*jdk*/bin/java
    /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java "$HOME"/.sdkman/candidates/java/*/bin/java)
  local IFS=: dir
  for dir in $PATH; do # the PATH's java, found without a subshell
    if [ -x "${dir:-.}/java" ] && [ ! -d "${dir:-.}/java" ]; then
      candidates+=("${dir:-.}/java")
      break
    fi
  done
  IFS=$' \t\n'
  java_bin="" java_major=0
  local seen=() s
  for c in "${candidates[@]}"; do
    [ -x "$c" ] || continue
    # One JDK is often reachable by several paths (/usr/bin/java through /etc/alternatives, a
    # folder and its alias under /usr/lib/jvm): -ef compares the files without a readlink process.
    for s in ${seen[@]+"${seen[@]}"}; do
      if [ "$c" -ef "$s" ]; then continue 2; fi
    done
    seen+=("$c")
    java_feature "$c"
    [ -n "$REPLY" ] || continue
    if [ "$REPLY" -ge 21 ] && [ "$REPLY" -gt "$java_major" ]; then java_bin="$c" java_major="$REPLY"; fi
    if [ -n "${AIOSIM_JAVA:-}" ] && [ "$c" = "$AIOSIM_JAVA" ] && [ "$REPLY" -ge 21 ]; then break; fi
  done
  [ -n "$java_bin" ] || return 1
  # The build (path and version) names the start-up cache: switching JDKs never meets a foreign one.
  resolve_link "$java_bin"
  local home="${REPLY%/*/*}"
  release_value "$home/release" JAVA_RUNTIME_VERSION
  java_build="${home}-${REPLY}"
  java_build="${java_build//[^A-Za-z0-9._-]/_}"
  # JDK 25+: 8-byte object headers (JEP 519), 450 instead of 510 bytes a sleeping task.
  [ "$java_major" -lt 25 ] || java_flags+=(-XX:+UseCompactObjectHeaders)
}

no_java() {
  echo "aiosim: no JDK 21 or newer found (looked at \$AIOSIM_JAVA, \$JAVA_HOME, /usr/lib/jvm, PATH)." >&2
  echo "aiosim: install one (e.g. apt-get install openjdk-21-jdk) or point AIOSIM_JAVA at its bin/java." >&2
}

# ParallelGC: a large run keeps nearly every object it makes until the report is written, so its
# time goes to copying survivors and touching fresh pages, which ParallelGC shares among the
# cores: 1M tasks 3.6 s against SerialGC's 4.6 s; a tiny run starts as fast (BENCHMARKS.md).
# For the same reason an object that survives a young collection is promoted at once
# (MaxTenuringThreshold=0), not copied between the survivor spaces first, where the tasks of a
# large run overflowed them anyway: 1M tasks 2.76 -> 2.64 s, --no-events 2.35 -> 2.24 s, 15 MB
# less; 300k and 700k 2-5 % quicker (BENCHMARKS.md).
# The young generation is 32 MB and keeps that size (-Xmn32m -XX:-UseAdaptiveSizePolicy). Its
# pages, once touched, stay resident for the rest of a run, and a large run, which is short and
# keeps what it makes anyway, gains nothing from a larger one. The default is a third of the
# initial heap, a 64th of the machine's memory (128 MB with 24 GiB), and the adaptive policy
# grew it to 300-400 MB. A 1M gather then peaked at 449-457 MiB, against 365-370 MiB with
# 32 MB, for about 3 % more time; 100k and 300k tasks are no slower (0.56 and 1.15 s) and
# smaller (94 and 171 MiB against 99 and 238). The size no longer depends on the machine's
# (BENCHMARKS.md).
# -Xss8m: deep workflow nesting (docs/spec.md 1.2 allows 100 levels). No hsperfdata file.
# No transparent huge pages (since 2026-12-07): they once halved a million-task run's CPU, but
# with today's smaller heap they save nothing there (2.98 against 2.94 s), stall now and then in
# the kernel's compaction, and slow everything smaller: a 100k run 0.51-0.59 against 0.43-0.45 s,
# 1,000 files in one test 0.78-0.82 against 0.71 s (BENCHMARKS.md).
# JVM logging goes to stderr at error level only: a cache that does not fit this JVM must never
# print on stdout (it carries reports).
java_flags=(-XX:+UseParallelGC -Xmn32m -XX:-UseAdaptiveSizePolicy -XX:MaxTenuringThreshold=0 -Xss8m -XX:-UsePerfData -XX:TieredStopAtLevel="${AIOSIM_TIER:-4}"
  -Xlog:disable -Xlog:all=error:stderr)

# aot_kind ARGS...: sets REPLY to the start-up cache that the command line ARGS starts from: run
# (run FILE..., no option but one --no-events, no -, no @file: PlainRun.matches; or any run
# command line that names a workflow file small_files finds too large for C1), text
# (--version or -V alone, or a help form that HelpTexts.topic answers from a text: --help, -h or
# help alone; COMMAND --help, COMMAND -h or help COMMAND, COMMAND a word of letters) or all. A
# JVM preloads its whole cache, so the most common command lines get small ones of their own
# (cli/CacheTraining.java). A large run gets the run cache whatever its options: its JIT
# profiles come from counted workflows, and it maps 16 MB instead of 30 (1M gather with --out:
# 379 -> 368 MiB, the same time; 300k: 1.21 -> 1.02 s, 182 -> 170 MiB); the classes of picocli
# that it lacks cost such a run a few ms.
aot_kind() {
  local a
  REPLY=all
  if [ "$#" -eq 1 ]; then
    case "$1" in --version | -V | --help | -h | help) REPLY=text ;; esac
  elif [ "$#" -eq 2 ] && { [ "$1" = help ] || [ "$2" = --help ] || [ "$2" = -h ]; }; then
    a="$1"
    [ "$a" != help ] || a="$2"
    case "$a" in "" | aiosim | *[!a-z]*) ;; *) REPLY=text ;; esac
  fi
  if [ "$REPLY" = all ] && [ "$#" -ge 2 ] && [ "$1" = run ]; then
    shift
    local files=0 no_events=0
    for a in "$@"; do
      case "$a" in
        --no-events) [ "$no_events" = 0 ] || { large_run "$@"; return 0; }; no_events=1 ;;
        "" | -* | @*) large_run "$@"; return 0 ;;
        *) files=$((files + 1)) ;;
      esac
    done
    [ "$files" = 0 ] || REPLY=run
  fi
}

# large_run ARGS...: sets REPLY to run when one of ARGS (a run command line's, after the command)
# is a regular file that small_files finds too large for C1; leaves it as it is otherwise.
large_run() {
  local a
  for a in "$@"; do
    if [ -f "$a" ] && ! small_files "$a"; then
      REPLY=run
      return 0
    fi
  done
}

# kind_flags KIND ARGS...: the JVM flags of that kind of command line (ARGS). Those its cache
# is trained with join java_flags; those of this run alone go to kind_java_flags. A training
# records the JIT's method profiles into the cache (JDK 25, JEP 515): the run cache, trained
# under C1 only, left a million-task run in C1-like code (4.1 s against 3.5 s), while the text
# cache trained in the interpreter starts --version 3 ms sooner than one trained with the JIT.
#
# The texts (--version, HelpTexts) run in the interpreter: their work is a few thousand
# bytecodes, and without JIT compiler threads to start the JVM is ~6 ms quicker (--version 28
# -> 22 ms). A help text asks picocli whether to color it, and picocli's terminal test
# (System.console() through reflection) is ~10 ms. Where stdout is no terminal and
# CLICOLOR_FORCE is unset or 0, outside Windows, picocli 4.7 always answers no
# (Help.Ansi.ansiPossible), and -Dpicocli.ansi=false gives that answer at once. A -Dpicocli.ansi
# in JAVA_OPTS comes later and wins.
#
# A plain run of small workflows (small_files: at most 100,000 tasks) uses C1 only. C2's start
# and tier-3 profiled code cost a tiny run ~7 of its 50 ms, and C1 alone is quicker up to
# 100,000 tasks (a gather of 1,000: 0.10 against 0.13 s; 10,000: 0.15 against 0.22 s; 100,000:
# 0.58 against 0.61 s), but slower past them (300,000: 1.55 against 1.38 s; a million: 4.9
# against 3.5 s). AIOSIM_TIER, when set, decides instead.
kind_flags() {
  local kind="$1"
  shift
  kind_java_flags=() texts_plain=0
  case "$kind" in
    text)
      java_flags+=(-Xint)
      case "${OSTYPE:-}" in linux* | darwin*) ;; *) return 0 ;; esac
      if [ ! -t 1 ] && { [ -z "${CLICOLOR_FORCE:-}" ] || [ "$CLICOLOR_FORCE" = 0 ]; }; then
        kind_java_flags+=(-Dpicocli.ansi=false) texts_plain=1
      fi
      ;;
    run)
      shift # the command's name
      local files=() a
      for a in "$@"; do [ "$a" = --no-events ] || files+=("$a"); done
      if [ -z "${AIOSIM_TIER:-}" ] && small_files ${files[@]+"${files[@]}"}; then kind_java_flags+=(-XX:TieredStopAtLevel=1); fi
      ;;
  esac
}

# small_files FILE...: whether every FILE is a regular file, together at most 64 KiB, and
# their tasks number at most 100,000. A task has a name and a count repeats what it encloses,
# so a file's tasks are at most its "name"s (less the workflow's own) times the product of its counts; a
# "count" that is not a plain decimal count (a quoted key, a log message, hex, an alias) makes
# the answer no. Read by bash, without a process, in one pass per word.
small_files() {
  local LC_ALL=C f text rest names tasks=0 left=65536 product counts
  [ "$#" -gt 0 ] || return 1
  for f in "$@"; do
    [ -f "$f" ] && [ -r "$f" ] || return 1
    text=""
    # read stops short at the end of the file; bash < 4.1 has no -N, and nothing read from a
    # file that is not empty is then a no.
    IFS= read -r -d '' -N "$((left + 1))" text <"$f" 2>/dev/null || [ -n "$text" ] || [ ! -s "$f" ] || return 1
    left=$((left - ${#text}))
    [ "$left" -ge 0 ] || return 1
    product=1 counts=0 rest="$text"
    while [[ $rest == *count* ]]; do
      counts=$((counts + 1))
      [ "$counts" -le 16 ] || return 1
      rest="${rest#*count}"
      [[ $rest =~ ^[[:blank:]]*:[[:blank:]]*([0-9]{1,6})([[:space:],}#]|$) ]] || return 1
      product=$((product * 10#${BASH_REMATCH[1]}))
      [ "$product" -le 100000 ] || return 1
    done
    rest="${text//name/}"
    names=$(((${#text} - ${#rest}) / 4))
    # The workflow's own name (a root key, "name:" at the start of a line) names no task: with it
    # counted, a top-level name and one task of count 100,000 took 0.55 s tiered against 0.48 s
    # in C1. A task's name there too (a flow mapping continued at column 0) leaves the bound at
    # most 2x low, where C1 is still as fast (200,000 tasks: 0.84 against 0.85 s).
    if [[ $text == name:* || $text == *$'\n'name:* ]]; then names=$((names - 1)); fi
    tasks=$((tasks + (names > 0 ? names : 1) * product))
    [ "$tasks" -le 100000 ] || return 1
  done
}

# aot_setup DIR STAMP KIND CLASSPATH-ARGS...: sets aot_flags to the start-up cache KIND (see
# aot_kind) in DIR, made first when it is missing or older than the file STAMP. On JDK 25+ an AOT
# cache (JEP 483/514) trained by io.aiosim.cli.CacheTraining KIND, which runs the command lines of
# that kind in one JVM with the flags above (a cache serves only runs with the flags it was
# trained with); on JDK 21-24 one dynamic CDS archive that the first run writes at its exit.
# Either is only an accelerator: when it cannot be made or does not fit, the tool runs without
# it. AIOSIM_AOT=0 turns it off; AIOSIM_AOT=require makes a run fail unless the JVM maps the
# cache (-XX:AOTMode=on; the tests use it).
aot_setup() {
  local dir="$1" stamp="$2" kind="$3" cache tmp
  shift 3
  aot_flags=()
  [ "${AIOSIM_AOT:-1}" != 0 ] || return 0
  if [ "$java_major" -ge 25 ]; then
    cache="$dir/aiosim-$java_build.$kind.aot"
    # A cache serves only the flags it was trained with: this file's edits retrain it too.
    if { [ ! -f "$cache" ] || [ "$stamp" -nt "$cache" ] || [ "${BASH_SOURCE[0]}" -nt "$cache" ]; } && mkdir -p "$dir" 2>/dev/null && [ -w "$dir" ]; then
      tmp="$cache.$$.tmp"
      if "$java_bin" "${java_flags[@]}" -XX:AOTCacheOutput="$tmp" "$@" io.aiosim.cli.CacheTraining "$kind" \
          >/dev/null 2>&1 </dev/null && [ -s "$tmp" ]; then
        mv -f "$tmp" "$cache"
      else
        rm -f "$tmp" "$tmp.config"
      fi
    fi
    if [ -f "$cache" ]; then
      aot_flags=(-XX:AOTCache="$cache")
      [ "${AIOSIM_AOT:-1}" != require ] || aot_flags+=(-XX:AOTMode=on)
    fi
  elif { [ -d "$dir" ] || mkdir -p "$dir" 2>/dev/null; } && [ -w "$dir" ]; then
    aot_flags=(-XX:SharedArchiveFile="$dir/aiosim-$java_build.jsa" -XX:+AutoCreateSharedArchive)
  fi
}

# launch_setup DIR STAMP CLASSPATH ARGS...: what both launchers do before the JVM starts for the
# command line ARGS: its flags (kind_flags), its start-up cache in DIR (aot_setup; none when DIR
# is empty, as when ./runner's target/ is not writable) and, for --version and the help texts,
# their printing without a JVM (texts_print exits then). STAMP is the jar the caches follow.
launch_setup() {
  local dir="$1" stamp="$2" cp="$3" kind
  shift 3
  aot_flags=()
  aot_kind "$@"
  kind="$REPLY"
  kind_flags "$kind" "$@"
  [ -n "$dir" ] || return 0
  aot_setup "$dir" "$stamp" "$kind" -cp "$cp"
  if [ "$kind" = text ]; then
    texts_setup "$dir" "$stamp" -cp "$cp"
    texts_print "$@"
  fi
}

# texts_setup DIR STAMP CLASSPATH-ARGS...: sets texts to the folder in DIR of the texts that
# texts_print prints without a JVM (io.aiosim.cli.LauncherTexts writes them: --version, and the
# help texts uncolored), written first when missing or older than the file STAMP; empty when
# there is none, AIOSIM_AOT=0 (the start-up caches off), or options for the JVM are set (they
# may change what it prints: -Dpicocli.ansi, a log on stdout).
texts_setup() {
  local dir="$1" stamp="$2" version
  shift 2
  texts=""
  [ "${AIOSIM_AOT:-1}" != 0 ] && [ -z "${JAVA_OPTS:-}${JAVA_TOOL_OPTIONS:-}${JDK_JAVA_OPTIONS:-}" ] || return 0
  version="$dir/aiosim-$java_build.texts/version.txt"
  if [ ! -f "$version" ] || [ "$stamp" -nt "$version" ] || [ "${BASH_SOURCE[0]}" -nt "$version" ]; then
    "$java_bin" "${java_flags[@]}" "$@" io.aiosim.cli.LauncherTexts "${version%/*}" >/dev/null 2>&1 </dev/null || return 0
  fi
  [ ! -f "$version" ] || texts="${version%/*}"
}

# texts_print ARGS...: for a command line of the text kind (aot_kind) whose output is in the
# folder texts, prints it as the JVM would and exits; returns otherwise. The help texts only
# when kind_flags found that picocli would not color them (texts_plain); a command without a
# text (a mistyped one) goes to picocli. Like Main, a write that fails is status 2 and a
# message, and a closed pipe is such a failure rather than a signal.
texts_print() {
  local name text
  [ -n "${texts:-}" ] || return 0
  case "$#:$1" in
    1:--version | 1:-V) name=version ;;
    1:*) name=aiosim.plain ;;
    2:help) name="$2.plain" ;;
    *) name="$1.plain" ;;
  esac
  [ "$name" = version ] || [ "$texts_plain" = 1 ] || return 0
  [ -f "$texts/$name.txt" ] || return 0
  IFS= read -r -d '' text <"$texts/$name.txt" || [ -n "$text" ] || return 0
  trap '' PIPE
  if printf '%s' "$text" 2>/dev/null; then exit 0; fi
  echo "aiosim: cannot write to standard output (a full disk, or a closed pipe or stdout?); the output is incomplete" >&2
  exit 2
}
