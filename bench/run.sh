#!/usr/bin/env bash
# Whole-process timings of every netc command against the goals; writes bench/RESULTS.md.
#
#   bench/run.sh [--reps N] [--quick] [--jmh] [--report]
#
#   --reps N   repetitions of every timing (default 5); the table shows the median
#   --quick    smaller inputs and 3 repetitions: a smoke test of this script, not a result
#   --jmh      also run the JMH benchmarks of each phase (about 10 minutes) and append their table
#   --report   measure nothing: write RESULTS.md again from the last run's timings (bench/target/run)
#
# Every timing starts a new JVM with the flags of the ./netc launcher. Wall time comes from
# bash's microsecond clock, peak RSS from GNU time (/usr/bin/time); without GNU time the script
# reports no memory. It says in RESULTS.md which it used.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
reps=5
quick=false
jmh=false
report_only=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --reps) reps="$2"; shift 2 ;;
    --quick) quick=true; reps=3; shift ;;
    --jmh) jmh=true; shift ;;
    --report) report_only=true; shift ;;
    *) echo "usage: bench/run.sh [--reps N] [--quick] [--jmh] [--report]" >&2; exit 2 ;;
  esac
done

work="$root/bench/target/run"
if ! $report_only; then
  rm -rf "$work"
  mkdir -p "$work"
  : > "$work/lsp.tsv"
fi
results="$here/RESULTS.md"
log="$work/timings.tsv"

if ! $report_only; then
  echo "building netc, its CDS archive and the benchmarks..." >&2
  mvn -B -q -f "$root/pom.xml" -pl bench -am -DskipTests package >&2
fi
jar="$root/compiler/target/netc.jar"
benchmarks="$root/bench/target/benchmarks.jar"

# the launcher's flags for a single compile (see distribution/src/bin/netc, which ./netc runs), for the hello-world baseline and for
# netc without its AppCDS archive
flags=(-XX:+UseParallelGC -XX:MaxNewSize=128m -Xshare:auto -Xlog:cds=off,cds+dynamic=off -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1)

if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%e' true 2>/dev/null; then
  timer="bash's EPOCHREALTIME for wall time, GNU time (/usr/bin/time -f '%M %U %S') for peak RSS and CPU time"
else
  timer="bash's EPOCHREALTIME (no /usr/bin/time: wall time only, no peak RSS or CPU time)"
fi

# measure NAME COMMAND...: runs it $reps times, appends "NAME wall_s rss_kb exit cpu_s" lines to the log;
# "{rep}" in an argument becomes the repetition's number
measure() {
  local name="$1"; shift
  for ((i = 0; i < reps; i++)); do
    local out="$work/last.time" status=0 command=("${@//\{rep\}/$i}")
    # wall time from bash's microsecond clock: GNU time's %e has only 10 ms steps, too coarse
    # for the start-up ratio of runs that take 40 ms
    local start end
    start=$EPOCHREALTIME
    if [[ "$timer" == *GNU* ]]; then
      /usr/bin/time -o "$out" -f '%M %U %S' "${command[@]}" >/dev/null 2>"$work/last.err" || status=$?
      # GNU time puts "Command exited with non-zero status N" first when the command fails
      read -r rss user sys < <(tail -n 1 "$out")
      cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    else
      "${command[@]}" >/dev/null 2>"$work/last.err" || status=$?
      rss=0 cpu=0
    fi
    end=$EPOCHREALTIME
    wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$wall" "$rss" "$status" "$cpu" >> "$log"
  done
}

median() { # median wall seconds of NAME
  awk -F'\t' -v n="$1" '$1 == n { print $2 }' "$log" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
cpu() { # median CPU seconds (user + system, every thread) of NAME
  awk -F'\t' -v n="$1" '$1 == n { print $5 }' "$log" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
peak() { # largest peak RSS of NAME, in MiB
  awk -F'\t' -v n="$1" '$1 == n && $3 > m { m = $3 } END { printf "%.0f", m / 1024 }' "$log"
}
status() { # the exit codes NAME had, e.g. "0" or "1"
  awk -F'\t' -v n="$1" '$1 == n { print $4 }' "$log" | sort -u | paste -sd, -
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
lsp() { # a figure of the language server sessions, e.g. lsp large-edit
  awk -F'\t' -v n="lsp-$1" '$1 == n { print $2 }' "$work/lsp.tsv"
}
grow() { # growth of a command from small to large input, start-up excluded
  awk -v s="$(median "$1-small")" -v l="$(median "$1-large")" -v t="$startup" 'BEGIN { printf "%.1f", (l - t) / (s - t) }'
}
all_grow() { # 1 when every command grows at most 12-fold
  local ok=1
  for command in check query graph diff fmt; do
    awk -v g="$(grow "$command")" 'BEGIN { exit !(g <= 12) }' || ok=0
  done
  awk -v g="$growth" -v e="$(lsp large-edit)" -v s="$(lsp small-edit)" 'BEGIN { exit !(g <= 12 && e / s <= 12) }' || ok=0
  echo "$ok"
}
BURST=5 # edits LspSession sends without waiting
verdict() { awk -v c="$1" 'BEGIN { print (c ? "yes" : "**no**") }'; }

if $quick; then small=(10 10 300 10 10); large=(100 10 3000 20 30); sites=200; patho=(300 3000); else
  small=(100 10 3000 20 30); large=(1000 10 30000 200 300); sites=10000; patho=(3000 30000); fi
kinds=(long-line deep-nesting many-errors many-syntax-errors)
if ! $report_only; then
echo "generating inputs..." >&2
hello="$work/hello"
mkdir -p "$hello"
printf 'public class Hello {\n    public static void main(String[] args) {\n        System.out.println("hello");\n    }\n}\n' \
  > "$hello/Hello.java"
javac -d "$hello" "$hello/Hello.java"
(cd "$hello" && jar cfe hello.jar Hello Hello.class)

gen() { java -cp "$benchmarks" dev.netc.bench.Generate "$@"; }
gen large "${small[@]}" "$work/small.netspec"
gen large "${large[@]}" "$work/large.netspec"
# the second version `netc diff` compares with: tier t-01's port moved in every namespace (LargeSpec.changedPort)
for size in small large; do
  sed 's|port p 8001/tcp|port p 8101/tcp|' "$work/$size.netspec" > "$work/$size-changed.netspec"
done
gen sites "$sites" "$work/fleet.sites"
for kind in "${kinds[@]}"; do
  gen pathological "$kind" "${patho[0]}" "$work/$kind-1.netspec"
  gen pathological "$kind" "${patho[1]}" "$work/$kind-10.netspec"
done

export CLUSTER_TOKEN=bench-token
netc=("$root/netc") # the launcher: its flags, the AppCDS archive, the full JIT for batches
echo "timing ($reps repetitions each)..." >&2
cut -d' ' -f1-3 /proc/loadavg > "$work/loadavg-start"
# the start-up runs take a tenth of a second: three times the repetitions, and hello world and
# three-tier alternate, so that a busy moment on the machine slows both rather than one of them
all_reps=$reps
reps=1
for ((pair = 0; pair < 3 * all_reps; pair++)); do
  measure hello java "${flags[@]}" -jar "$hello/hello.jar"
  measure three-tier "${netc[@]}" compile "$root/examples/three-tier.netspec" -o "$work/out/three-tier-$pair"
done
reps=$all_reps
measure three-tier-no-appcds java "${flags[@]}" -jar "$jar" compile "$root/examples/three-tier.netspec" -o "$work/out/three-tier-no-appcds-{rep}"
measure version "${netc[@]}" --version
# each into a new folder: a compile over its own earlier, unchanged output writes nothing
# (measured on its own as large-again)
measure small "${netc[@]}" compile "$work/small.netspec" -o "$work/out/small-{rep}"
measure large "${netc[@]}" compile "$work/large.netspec" -o "$work/out/large-{rep}"
measure large-again "${netc[@]}" compile "$work/large.netspec" -o "$work/out/large-0"
rm -rf "$work"/out/small-* "$work"/out/large-*
# every other command on the same two sizes: the growth table
for size in small large; do
  spec="$work/$size.netspec"
  measure "check-$size" "${netc[@]}" check "$spec"
  measure "query-$size" "${netc[@]}" query "$spec" "ns-0000.t-00 -> ns-0000.t-01:8001/tcp"
  measure "graph-$size" "${netc[@]}" graph "$spec"
  measure "diff-$size" "${netc[@]}" diff "$spec" "$work/$size-changed.netspec"
  measure "fmt-$size" "${netc[@]}" fmt "$spec"
  # the language server in an editor session (bench/src/.../LspSession.java): one session, medians inside it
  java -cp "$benchmarks" dev.netc.bench.LspSession "$spec" "$((2 * reps))" -- "${netc[@]}" lsp \
    | sed "s/^/lsp-$size-/" >> "$work/lsp.tsv"
done
for kind in "${kinds[@]}"; do
  measure "$kind-1" "${netc[@]}" compile "$work/$kind-1.netspec" -o "$work/out/$kind-1-{rep}"
  measure "$kind-10" "${netc[@]}" compile "$work/$kind-10.netspec" -o "$work/out/$kind-10-{rep}"
done
# a first compile of the fleet (every site folder new), then compiles over the existing folders;
# at most 3 runs each: one writes 10,000 folders
all_reps=$reps
reps=$((reps < 3 ? reps : 3))
measure fleet-new "${netc[@]}" compile "$root/examples/edge-site.netspec" --sites "$work/fleet.sites" -o "$work/out/fleet-{rep}"
measure fleet-again "${netc[@]}" compile "$root/examples/edge-site.netspec" --sites "$work/fleet.sites" -o "$work/out/fleet-0"
# the same fleet delivered through GitOps: each site also as a Fleet bundle and a Kustomize folder
measure fleet-gitops "${netc[@]}" compile "$root/examples/edge-site.netspec" --sites "$work/fleet.sites" \
  -o "$work/out/fleet-gitops-{rep}" --fleet "$work/out/gitops-{rep}/fleet" --kustomize "$work/out/gitops-{rep}/kustomize"
rm -rf "$work"/out/fleet-* "$work"/out/gitops-*
reps=$all_reps
date -u '+%Y-%m-%d %H:%M UTC' > "$work/date"
echo "$reps" > "$work/reps" # --report writes the table again from these timings
cut -d' ' -f1-3 /proc/loadavg > "$work/loadavg"
fi

reps=$(cat "$work/reps")
h=$(median hello); t=$(median three-tier); s=$(median small); l=$(median large); f=$(median fleet-new); fa=$(median fleet-again); fg=$(median fleet-gitops)
startup=$(median version) # JVM and command line: what every run pays before it reads its input
growth=$(awk -v s="$s" -v l="$l" -v t="$startup" 'BEGIN { printf "%.1f", (l - t) / (s - t) }')

{
  echo "# Benchmark results"
  echo
  echo "Measured by \`bench/run.sh\` ($(cat "$work/date")). Reproduce: \`bench/run.sh$($quick && echo ' --quick')$( ((reps != 5)) && ! $quick && echo " --reps $reps")$($jmh && echo ' --jmh')\`"
  echo "(see bench/README.md). Medians of $reps runs (hello world and three-tier: $((3 * reps)), alternating; the fleet: $((reps < 3 ? reps : 3))), each a new JVM; timer: $timer."
  echo
  echo "## Machine"
  echo
  echo "- CPUs: $(nproc) ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown))"
  echo "- memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "- load average (1, 5, 15 min) when the timings started: $(cat "$work/loadavg-start" 2>/dev/null || echo unknown); when they ended: $(cat "$work/loadavg")"
  echo "- the machine is shared: other engineers' builds and tests ran beside these timings, so every wall time is"
  echo "  slower than on an idle machine, and by more the more a command uses both cores. The CPU time (user + system,"
  echo "  every thread; in \"Every timing\") is less sensitive to that load and shows where the time goes"
  echo "- JDK: $(java -version 2>&1 | head -1); $(java -version 2>&1 | sed -n 3p)"
  echo "- JVM flags: \`${flags[*]}\` for hello world; netc runs through its launcher \`./netc\` (distribution/src/bin/netc), which adds"
  echo "  \`-XX:SharedArchiveFile=compiler/target/netc.jsa\` and, for \`--sites\`, \`--batch\` and \`lsp\`, uses \`-XX:+UseSerialGC\` and the full JIT instead"
  echo
  echo "## Goals"
  echo
  echo "| goal | measured | met? |"
  echo "|---|---|---|"
  echo "| \`examples/three-tier\` end to end ≤ 2 × hello world | $t s vs hello world $h s: **$(ratio "$t" "$h") ×** | $(verdict "$(awk -v a="$t" -v b="$h" 'BEGIN { print a <= 2 * b }')") |"
  echo "| large spec (${large[0]} namespaces × ${large[1]} tiers × ${large[2]} flows, ${large[3]} nodes, ${large[4]} externals) ≤ 1.5 s and ≤ 512 MiB | into a new folder: $l s, peak RSS $(peak large) MiB (exit $(status large)); again over its unchanged output: $(median large-again) s | $(verdict "$(awk -v a="$l" -v m="$(peak large)" 'BEGIN { print a <= 1.5 && m <= 512 }')") |"
  echo "| growth: 10 × the input ≤ 12 × the time, start-up (\`netc --version\`, $startup s) excluded, every command | compile: (large − start-up) / (small − start-up) = ($l − $startup) / ($s − $startup) = **$growth ×**; every command in the growth table below | $(verdict "$(all_grow)") |"
  echo "| fleet: $sites sites of \`examples/edge-site\` in one run ≤ 10 s | new output folders: $f s, peak RSS $(peak fleet-new) MiB (exit $(status fleet-new)); again over those folders (unchanged: nothing is written): $fa s | $(verdict "$(awk -v a="$f" 'BEGIN { print a <= 10 }')") |"
  echo "| fleet layout: the same $sites sites also as Fleet bundles and Kustomize folders (\`--fleet\`, \`--kustomize\`) ≤ 30 s | new folders in all three trees: $fg s, peak RSS $(peak fleet-gitops) MiB (exit $(status fleet-gitops)) | $(verdict "$(awk -v a="$fg" 'BEGIN { print a <= 30 }')") |"
  for command in graph diff; do
    c=$(median "$command-large")
    echo "| \`netc $command\` of the large spec ≤ 2 × its compile and ≤ 1 GiB | $c s vs compile $l s: **$(ratio "$c" "$l") ×** (CPU $(cpu "$command-large") s vs $(cpu large) s), peak RSS $(peak "$command-large") MiB (exit $(status "$command-large")) | $(verdict "$(awk -v a="$c" -v b="$l" -v m="$(peak "$command-large")" 'BEGIN { print a <= 2 * b && m <= 1024 }')") |"
  done
  echo "| full connectivity matrix of the large spec ≤ 2 × its compile | in process: see JMH \`QueryBenchmark.readPolicies\` + \`matrix\` against \`PhaseBenchmark\` below; whole process: \`netc graph\` above works it out | see JMH |"
  le=$(lsp large-edit); se=$(lsp small-edit)
  echo "| language server: edit → diagnostics ≤ 400 ms for the large spec, ≤ 150 ms for the small one | $le ms; $se ms (medians of $((2 * reps)) edits in one session, \`LspSession\`) | $(verdict "$(awk -v a="$le" -v b="$se" 'BEGIN { print a <= 400 && b <= 150 }')") |"
  lh=$(lsp large-hover); ld=$(lsp large-definition); lc=$(lsp large-completion)
  echo "| language server: hover, definition, completion ≤ 50 ms (large spec) | $lh, $ld, $lc ms (the first completion after an edit, which lexes from the edited line to the cursor's: $(lsp large-completion-first) ms, median of as many edits) | $(verdict "$(awk -v a="$lh" -v b="$ld" -v c="$lc" -v f="$(lsp large-completion-first)" 'BEGIN { print a <= 50 && b <= 50 && c <= 50 && f <= 50 }')") |"
  echo "| language server: memory ≤ 1 GiB (large spec) | peak RSS $(lsp large-rss-mib) MiB | $(verdict "$(awk -v m="$(lsp large-rss-mib)" 'BEGIN { print m <= 1024 }')") |"
  echo "| language server: a newer edit cancels the check of an older one | $BURST edits sent at once, the last one's diagnostics after $(lsp large-burst-last) ms (large spec; a check not yet started is dropped, a running one stops at its next cancellation point: \`WorkerTest\`) | yes |"
  for kind in "${kinds[@]}"; do
    a=$(median "$kind-1"); b=$(median "$kind-10")
    if awk -v a="$a" -v t="$startup" 'BEGIN { exit !(a - t < 0.1) }'; then
      # the smaller input costs less than 0.1 s beyond start-up: a ratio would measure noise
      echo "| $kind: 10 × the size ≤ 12 × the time (start-up excluded) | ${patho[0]} → ${patho[1]}: $a s → $b s, both within 0.1 s of start-up: see JMH below (exit $(status "$kind-10")) | see JMH |"
    else
      g=$(awk -v a="$a" -v b="$b" -v t="$startup" 'BEGIN { printf "%.1f", (b - t) / (a - t) }')
      echo "| $kind: 10 × the size ≤ 12 × the time (start-up excluded) | ${patho[0]} → ${patho[1]}: $a s → $b s, **$g ×** (exit $(status "$kind-10")) | $(verdict "$(awk -v g="$g" 'BEGIN { print g <= 12 }')") |"
    fi
  done
  echo
  echo "Whole-process ratios of inputs whose smaller size finishes close to start-up measure mostly"
  echo "noise; the JMH section below has the same inputs in process, without start-up."
  echo
  echo "## Start-up"
  echo
  echo "| run | median wall |"
  echo "|---|---|"
  echo "| hello world (\`java ${flags[*]} -jar hello.jar\`) | $h s |"
  echo "| \`netc --version\` (command line set-up only) | $(median version) s |"
  echo "| \`netc compile examples/three-tier.netspec\` with the AppCDS archive | $t s |"
  echo "| the same without the AppCDS archive | $(median three-tier-no-appcds) s |"
  echo
  echo "## Growth: every command, small and large spec"
  echo
  echo "The small spec is ${small[0]} namespaces × ${small[1]} tiers × ${small[2]} flows, the large one ten times that (see Goals)."
  echo "Growth is (large − start-up) / (small − start-up), start-up being \`netc --version\` ($startup s); for the language"
  echo "server, the edit → diagnostics time of one session, large over small (no start-up in it)."
  echo
  echo "| command | small (s) | large (s) | peak RSS large (MiB) | growth |"
  echo "|---|---|---|---|---|"
  echo "| \`compile\` (into a new folder) | $s | $l | $(peak large) | $growth × |"
  for command in check query graph diff fmt; do
    echo "| \`$command\` | $(median "$command-small") | $(median "$command-large") | $(peak "$command-large") | $(grow "$command") × |"
  done
  echo "| \`lsp\`: open, until diagnostics | $(lsp small-open) ms | $(lsp large-open) ms | $(lsp large-rss-mib) | — |"
  echo "| \`lsp\`: edit → diagnostics | $(lsp small-edit) ms | $(lsp large-edit) ms | | $(ratio "$(lsp large-edit)" "$(lsp small-edit)") × |"
  echo "| \`lsp\`: $BURST edits at once → last diagnostics | $(lsp small-burst-last) ms | $(lsp large-burst-last) ms | | |"
  echo "| \`lsp\`: hover / definition / completion (first after an edit) | $(lsp small-hover) / $(lsp small-definition) / $(lsp small-completion) ($(lsp small-completion-first)) ms | $(lsp large-hover) / $(lsp large-definition) / $(lsp large-completion) ($(lsp large-completion-first)) ms | | |"
  echo
  echo "## Every timing"
  echo
  echo "| run | median wall (s) | median CPU (s) | peak RSS (MiB) | exit |"
  echo "|---|---|---|---|---|"
  for name in $(cut -f1 "$log" | awk '!seen[$0]++'); do
    echo "| $name | $(median "$name") | $(cpu "$name") | $(peak "$name") | $(status "$name") |"
  done
} > "$results"

if $jmh && ! $report_only; then
  echo "running JMH (phases and pathological inputs)..." >&2
  java -jar "$benchmarks" -rf json -rff "$work/jmh.json" -o "$work/jmh.txt" 'dev.netc.bench.*' >&2
fi
if [[ -f "$work/jmh.txt" ]]; then
  {
    echo
    echo "## Phases (JMH, in-process, after warm-up: no start-up)"
    echo
    echo "\`java -jar bench/target/benchmarks.jar\`; average time per operation, ms (± 99.9 % error)."
    echo
    echo '```'
    sed -n '/^Benchmark/,$p' "$work/jmh.txt"
    echo '```'
  } >> "$results"
fi
echo "wrote $results" >&2
