#!/usr/bin/env bash
# Measures this app and spring-petclinic side by side in one run, on the same machine and JVM, and
# prints the ratios (docs/performance.md, "Side by side with spring-petclinic"). Not part of CI.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: scripts/side-by-side.sh [PETCLINIC_CHECKOUT]

Runs this app (its packaged jar, built here first, in sandbox mode) and, given a checkout of
spring-petclinic (git clone https://github.com/spring-projects/spring-petclinic), petclinic too,
each on a free loopback port (ours with H2 in a temporary directory, petclinic on its default H2 in
memory). Loads the same kind of page of each with wrk, one after the other (ours, then petclinic's),
and prints Markdown tables: requests per second of each, ours over petclinic's, CPU time per request
of each; resident memory; what was measured. Without a checkout it prints our figures alone.

Pages: list (25 widgets, signed in / /owners?lastName=), details (a widget / /owners/1), static
(our CSS / petclinic's SVG, both as the pages link them), entry (our sign-in page / petclinic's
home) and /actuator/health of both.

Environment:
  DURATION=15s       measured time per page and round (wrk's -d)
  WARMUP=10s         load per page before the first round, not measured
  ROUNDS=2           rounds over all pages
  CONNECTIONS=10     wrk's -c
  THREADS=2          wrk's -t
  JVM_OPTS=-Xmx256m  options of both JVMs
  AS_IMAGE=1         ours also with the Dockerfile's JAVA_TOOL_OPTIONS and the compose file's 512 MB
                     (-XX:MaxRAM=512m), before JVM_OPTS, as its image runs it; 0: JVM_OPTS alone
  JAVA_HOME          the JDK both run on; default the newest one on PATH or under /usr/lib/jvm
  OUR_JAR            our jar; default: ./mvnw -q -DskipTests package here (MAVEN_ARGS=-o for offline)
A checkout without target/spring-petclinic-*.jar is built with its own ./mvnw, tests and checks skipped.
EOF
}

case "${1:-}" in
    -h | --help) usage; exit 0 ;;
esac
if (($# > 1)); then
    usage >&2
    exit 2
fi

root=$(cd "$(dirname "$0")/.." && pwd)
petclinic=${1:-}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-10}
THREADS=${THREADS:-2}
JVM_OPTS=${JVM_OPTS:--Xmx256m}
AS_IMAGE=${AS_IMAGE:-1}
# The options the app's Docker image runs it with (its collector, code cache, metaspace...); JVM_OPTS
# after them, so that -Xmx256m wins over their heap percentage.
image_opts=$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\(.*\)"$/\1/p' "$root/Dockerfile")
# And the memory limit the compose file gives its container (512M), which a JVM in that container sees
# as all the machine's memory: it sizes the heap it starts with (a 64th) by it, not by this machine's.
if [[ $AS_IMAGE == 1 ]]; then our_opts="$image_opts -XX:MaxRAM=512m $JVM_OPTS"; else our_opts=$JVM_OPTS; fi
password=side-by-side-$RANDOM$RANDOM

command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 1; }
if [[ -n $petclinic && ! -f $petclinic/pom.xml ]]; then
    echo "$petclinic is not a spring-petclinic checkout (no pom.xml)" >&2
    exit 2
fi

spec_version() {
    "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ { print $2 }'
}

pick_java() {
    if [[ -n ${JAVA_HOME:-} ]]; then
        echo "$JAVA_HOME/bin/java"
        return
    fi
    local best='' best_version=0 candidate version
    for candidate in "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
        [[ -x $candidate ]] || continue
        version=$(spec_version "$candidate")
        version=${version#1.}
        if ((${version%%.*} > best_version)); then
            best=$candidate best_version=${version%%.*}
        fi
    done
    [[ -n $best ]] || { echo "no java found: set JAVA_HOME" >&2; exit 1; }
    echo "$best"
}

java=$(pick_java)
export JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$java")")")}

work=$(mktemp -d "${TMPDIR:-/tmp}/side-by-side.XXXXXX")
pids=()
cleanup() {
    local status=$? pid
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        for _ in {1..50}; do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -9 "$pid" 2>/dev/null || true
    done
    if ((status == 0)); then
        rm -rf "$work"
    else
        echo "the apps' logs are kept in $work" >&2
    fi
}
trap cleanup EXIT
trap 'echo "failed at line $LINENO: $BASH_COMMAND" >&2' ERR
trap 'exit 130' INT
trap 'exit 143' TERM

# --- the jars -------------------------------------------------------------------------------------

if [[ -z ${OUR_JAR:-} ]]; then
    echo "building this app's jar ..." >&2
    (cd "$root" && ./mvnw -q -DskipTests package) >&2
    OUR_JAR=$(ls "$root"/target/turnstile-admin-*.jar | head -1)
fi
if [[ -n $petclinic ]]; then
    petclinic_jar=$(ls "$petclinic"/target/spring-petclinic-*.jar 2>/dev/null | head -1 || true)
    if [[ -z $petclinic_jar ]]; then
        echo "building spring-petclinic's jar ..." >&2
        # Its formatter, checkstyle, coverage and SBOM are its own build's business, not this measurement's.
        (cd "$petclinic" && ./mvnw -q -DskipTests -Dcheckstyle.skip -Dspring-javaformat.skip -Djacoco.skip \
            -Dcyclonedx.skip package) >&2
        petclinic_jar=$(ls "$petclinic"/target/spring-petclinic-*.jar | head -1)
    fi
fi

# --- starting and asking the apps ----------------------------------------------------------------

# start NAME JAR OPTIONS ARGS...: runs the jar in $work/NAME on a free port, with none of this shell's
# environment (no CLOUDFLARE_*, OIDC_* or SPRING_* setting reaches either app); sets pid and port.
start() {
    local name=$1 jar=$2 opts=$3 dir=$work/$1
    shift 3
    mkdir -p "$dir"
    : >"$dir/app.log"
    # shellcheck disable=SC2086 # opts is a list of options
    (cd "$dir" && exec env -i PATH="$PATH" HOME="$HOME" "$java" $opts -jar "$jar" --server.port=0 "$@" \
        >"$dir/app.log" 2>&1) &
    pid=$!
    pids+=("$pid")
    port=''
    for _ in {1..600}; do
        kill -0 "$pid" 2>/dev/null || { tail -20 "$dir/app.log" >&2; echo "$name stopped at start-up" >&2; exit 1; }
        port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$dir/app.log" | head -1)
        [[ -n $port ]] && [[ $(status "http://127.0.0.1:$port/actuator/health") == 200 ]] && return
        sleep 0.2
    done
    echo "$name did not answer /actuator/health within 2 minutes" >&2
    exit 1
}

# status URL [COOKIE]: the HTTP status of a GET, redirects not followed.
status() {
    curl -s -o /dev/null -w '%{http_code}' ${2:+-H "Cookie: $2"} "$1" || true
}

# get URL [COOKIE]: the body of a GET that must answer 200.
get() {
    local body
    body=$(curl -sf ${2:+-H "Cookie: $2"} "$1") || { echo "GET $1 did not answer 200" >&2; exit 1; }
    printf '%s' "$body"
}

# first PATTERN: the first match of an extended regular expression's group 1 in standard input.
first() {
    sed -nE "s#.*$1.*#\\1#p" | head -1
}

# One signed-in user asking hundreds of pages a second would spend its share of the team's Cloudflare
# rate limit within a second (30 calls, docs/configuration.md) and get 429s: the share is made unbounded.
start ours "$OUR_JAR" "$our_opts" --local-sign-in.admin-password="$password" \
    --spring.datasource.url="jdbc:h2:file:$work/ours/h2/turnstile-admin" \
    --cloudflare.budget.capacity=1000000000 --cloudflare.budget.per-minute=1000000000
ours_pid=$pid ours=http://127.0.0.1:$port

# Signing in: the form's CSRF token goes with the cookie that holds it, and the answer's session cookie
# is what wrk then sends.
cookies=$work/cookies
token=$(curl -sf -c "$cookies" "$ours/login" | first 'name="_csrf" value="([^"]+)"')
curl -sf -o /dev/null -b "$cookies" -c "$cookies" --data-urlencode username=admin \
    --data-urlencode "password=$password" --data-urlencode "_csrf=$token" "$ours/login"
session=$(awk '$6 == "TURNSTILE_ADMIN_SESSION" { print $6 "=" $7 }' "$cookies")
[[ -n $session ]] || { echo "signing in to our app failed" >&2; exit 1; }
list_path=$(curl -s -o /dev/null -w '%{redirect_url}' -H "Cookie: $session" "$ours/" | sed -E 's#^https?://[^/]+##')
list_page=$(get "$ours$list_path" "$session")
grep -q '1–25 of' <<<"$list_page" || { echo "our list page does not show 25 widgets" >&2; exit 1; }
details_path=$list_path/$(first 'widgets/([A-Za-z0-9_-]{10,32})"' <<<"$list_page")
css_path=$(first 'href="(/assets/[^"]+\.css[^"]*)"' <<<"$list_page")

declare -A url cookie label target
pages=(list details static entry health)
label=([list]='list' [details]='details' [static]='static file' [entry]='sign-in / home' [health]='/actuator/health')
target=([list]=2.0 [details]=1.0 [static]=0.8)
url=([ours:list]=$ours$list_path [ours:details]=$ours$details_path [ours:static]=$ours$css_path
    [ours:entry]=$ours/login [ours:health]=$ours/actuator/health)
cookie=([ours:list]=$session [ours:details]=$session)
apps=(ours)

if [[ -n $petclinic ]]; then
    # On its default database, H2 in memory, which it fills with its sample data at start-up.
    start petclinic "$petclinic_jar" "$JVM_OPTS"
    petclinic_pid=$pid pc=http://127.0.0.1:$port
    home=$(get "$pc/")
    # Its SVG logo rather than its CSS: the CSS is Bootstrap's, 15 times the size of ours.
    static_path=$(first 'src="(/resources/[^"]+\.svg)"' <<<"$home")
    url+=([petclinic:list]="$pc/owners?lastName=" [petclinic:details]=$pc/owners/1
        [petclinic:static]=$pc$static_path [petclinic:entry]=$pc/ [petclinic:health]=$pc/actuator/health)
    apps+=(petclinic)
fi

declare -A size
for app in "${apps[@]}"; do
    for page in "${pages[@]}"; do
        read -r code bytes < <(curl -s -o /dev/null -w '%{http_code} %{size_download}\n' \
            ${cookie[$app:$page]:+-H "Cookie: ${cookie[$app:$page]}"} "${url[$app:$page]}")
        [[ $code == 200 ]] || { echo "$app, $page page: ${url[$app:$page]} answers $code, not 200" >&2; exit 1; }
        size[$app:$page]=$bytes
    done
done

# --- measuring -----------------------------------------------------------------------------------

cpu_ticks() {
    awk '{ print $14 + $15 }' "/proc/$1/stat"
}

rss_kb() {
    awk -v field="$2:" '$1 == field { print $2 }' "/proc/$1/status"
}

declare -A requests seconds ticks rates peak_rss
errors=0

# load APP PAGE DURATION [measured]: wrk on the page; with "measured", adds its requests, time and the
# app's CPU ticks to the totals. The page must still answer 200 afterwards: wrk counts a redirect to
# the sign-in form as a success.
load() {
    local app=$1 page=$2 duration=$3 measured=${4:-} app_pid out before after code n secs non2xx socket
    app_pid=$([[ $app == ours ]] && echo "$ours_pid" || echo "$petclinic_pid")
    out=$work/wrk.out
    before=$(cpu_ticks "$app_pid")
    # A 10 s timeout rather than wrk's 2 s: on a busy shared machine a slow answer is still an answer.
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 10s ${cookie[$app:$page]:+-H "Cookie: ${cookie[$app:$page]}"} \
        "${url[$app:$page]}" >"$out" &
    local wrk_pid=$!
    while kill -0 "$wrk_pid" 2>/dev/null; do
        local rss
        rss=$(rss_kb "$app_pid" VmRSS)
        ((rss > ${peak_rss[$app]:-0})) && peak_rss[$app]=$rss
        sleep 0.5
    done
    wait "$wrk_pid"
    after=$(cpu_ticks "$app_pid")
    code=$(status "${url[$app:$page]}" "${cookie[$app:$page]:-}")
    [[ $code == 200 ]] || { echo "$app, $page page: $code after the load, not 200" >&2; exit 1; }
    [[ -n $measured ]] || return 0
    # "12345 requests in 15.00s, 56.78MB read"; wrk writes longer runs in m or h.
    read -r n secs < <(awk '/ requests in / {
            t = $4; sub(/,$/, "", t); unit = substr(t, length(t)); t = substr(t, 1, length(t) - 1)
            print $1, t * (unit == "m" ? 60 : unit == "h" ? 3600 : 1) }' "$out")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")
    socket=$(awk '/Socket errors:/ { gsub(/[^0-9 ]/, ""); s = 0; for (i = 1; i <= NF; i++) s += $i; print s }' "$out")
    if ((${non2xx:-0} + ${socket:-0} > 0)); then
        echo "$app, $page page: ${non2xx:-0} answers not 2xx or 3xx;$(grep 'Socket errors' "$out" || echo ' no socket error')" >&2
        errors=$((errors + ${non2xx:-0} + ${socket:-0}))
    fi
    requests[$app:$page]=$((${requests[$app:$page]:-0} + n))
    seconds[$app:$page]=$(awk -v a="${seconds[$app:$page]:-0}" -v b="$secs" 'BEGIN { print a + b }')
    ticks[$app:$page]=$((${ticks[$app:$page]:-0} + after - before))
    rates[$app:$page]="${rates[$app:$page]:-} $(awk -v n="$n" -v s="$secs" 'BEGIN { print n / s }')"
}

declare -A started_rss
for app in "${apps[@]}"; do
    app_pid=$([[ $app == ours ]] && echo "$ours_pid" || echo "$petclinic_pid")
    started_rss[$app]=$(rss_kb "$app_pid" VmRSS)
done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "warming up: $WARMUP per page and app ..." >&2
for page in "${pages[@]}"; do
    for app in "${apps[@]}"; do
        load "$app" "$page" "$WARMUP"
    done
done
for round in $(seq "$ROUNDS"); do
    echo "round $round of $ROUNDS: $DURATION per page and app ..." >&2
    for page in "${pages[@]}"; do
        for app in "${apps[@]}"; do
            load "$app" "$page" "$DURATION" measured
        done
    done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the report ----------------------------------------------------------------------------------

per_second() {
    awk -v n="${requests[$1]}" -v s="${seconds[$1]}" 'BEGIN { printf "%.0f", n / s }'
}

ratio() {
    awk -v a="${requests[ours:$1]}" -v as="${seconds[ours:$1]}" -v b="${requests[petclinic:$1]}" \
        -v bs="${seconds[petclinic:$1]}" 'BEGIN { printf "%.2f", (a / as) / (b / bs) }'
}

cpu_ms() {
    awk -v t="${ticks[$1]}" -v n="${requests[$1]}" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t * 1000 / hz / n }'
}

mb() {
    awk -v kb="$1" 'BEGIN { printf "%.0f MB", kb / 1024 }'
}

echo
echo "wrk -t$THREADS -c$CONNECTIONS --timeout 10s; per page $WARMUP of warm-up, then rounds: $ROUNDS of $DURATION, the apps taking turns"
echo "$("$java" -version 2>&1 | head -1), JVM options: ours $our_opts, petclinic $JVM_OPTS; $(nproc) cores; load average $load_before before, $load_after after"
echo
if [[ -n $petclinic ]]; then
    echo "| page | ours req/s | petclinic req/s | ratio | target | CPU ms/request ours / petclinic | ratio per round |"
    echo "|---|---|---|---|---|---|---|"
    for page in "${pages[@]}"; do
        ratio=$(ratio "$page")
        goal=–
        if [[ -n ${target[$page]:-} ]]; then
            goal="≥ ${target[$page]}× ($(awk -v r="$ratio" -v t="${target[$page]}" 'BEGIN { print r >= t ? "met" : "missed" }'))"
        fi
        rounds=$(paste -d' ' <(tr ' ' '\n' <<<"${rates[ours:$page]# }") <(tr ' ' '\n' <<<"${rates[petclinic:$page]# }") |
            awk '{ printf "%s%.2f", (NR > 1 ? ", " : ""), $1 / $2 }')
        echo "| ${label[$page]} | $(per_second "ours:$page") | $(per_second "petclinic:$page") | ${ratio}× | $goal |" \
            "$(cpu_ms "ours:$page") / $(cpu_ms "petclinic:$page") | $rounds |"
    done
else
    echo "| page | ours req/s | CPU ms/request |"
    echo "|---|---|---|"
    for page in "${pages[@]}"; do
        echo "| ${label[$page]} | $(per_second "ours:$page") | $(cpu_ms "ours:$page") |"
    done
fi
echo
echo "| app | RSS after start-up | peak RSS under load (VmRSS every 0.5 s) | VmHWM | target |"
echo "|---|---|---|---|---|"
for app in "${apps[@]}"; do
    app_pid=$([[ $app == ours ]] && echo "$ours_pid" || echo "$petclinic_pid")
    goal=–
    if [[ $app == ours ]]; then
        goal="≤ 350 MB ($( ((peak_rss[ours] <= 350 * 1024)) && echo met || echo missed))"
    fi
    echo "| $app | $(mb "${started_rss[$app]}") | $(mb "${peak_rss[$app]}") | $(mb "$(rss_kb "$app_pid" VmHWM)") | $goal |"
done
echo
# page APP PAGE: the path and size of what was measured.
page() {
    printf '`%s` (%s bytes)' "$(sed -E 's#^https?://[^/]+##' <<<"${url[$1:$2]}")" "${size[$1:$2]}"
}
echo "| page | $(printf '%s | ' "${apps[@]}")" | sed 's/ $//'
echo "|---|$(printf -- '---|%.0s' "${apps[@]}")"
for page in "${pages[@]}"; do
    echo "| ${label[$page]} | $(for app in "${apps[@]}"; do printf '%s | ' "$(page "$app" "$page")"; done)" | sed 's/ $//'
done
if ((errors > 0)); then
    echo "$errors failed requests (above): the figures are not to be trusted" >&2
    exit 1
fi
