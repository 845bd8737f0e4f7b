#!/usr/bin/env bash
# The Docker step of .ci/run: the image builds, runs healthy and stops cleanly.
#
# 1. `docker compose config` on compose.yaml, without a .env beside it.
# 2. Builds the image with ../shared/tools/docker-smoke.sh (a private dockerd, a stand-in
#    for the base image, its 16 checks), STRICT: the unmodified Dockerfile must build; the
#    image's node_modules holds nothing outside the production tree (no typescript, no @vitest/).
# 3. Runs the image with --network host against the fakes (test/fakes/serve.ts) on the
#    host, with an env file made from .env.example by setting only DISCORD_TOKEN (and the
#    fakes' URLs), as the README says; checks first that empty lines in such a file keep
#    the image's defaults; waits until Docker reports it healthy (the image's own
#    HEALTHCHECK), checks the logs show the slash commands registered, and that
#    `docker stop` ends it with exit code 0 within 10 s.
# 4. Removes the container and stops the daemon if this script started it.
#
# Needs root. Prints "SKIPPED docker: <reason>" and exits 0 only when the kernel clearly
# lacks what containers need; every other problem fails with the reason.
# Knobs: DOCKER_SMOKE (path of docker-smoke.sh), WORK (its state, /var/tmp/docker-smoke),
# CI_DOCKER_CACHE (/var/tmp/ci-docker: Compose), FRESH=1 (rebuild everything).
set -Eeuo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
SMOKE=${DOCKER_SMOKE:-$(dirname "$REPO")/shared/tools/docker-smoke.sh}
export WORK=${WORK:-/var/tmp/docker-smoke}
export IMAGE=chastity-tracker-discord-bot:ci
CACHE=${CI_DOCKER_CACHE:-/var/tmp/ci-docker}
DOCKER=/usr/bin/docker # Debian's CLI, which the smoke script installs; it talks to that daemon
export DOCKER_HOST="unix://$WORK/docker.sock"
PIDFILE="$WORK/dockerd.pid"

T0=$(date +%s)
step() { printf '\n== docker [%3ss] %s\n' "$(($(date +%s) - T0))" "$*"; }
fail() {
  echo "FAIL docker: $*"
  exit 1
}
# Host names of package mirrors stay out of the log.
mask() { sed -E 's#(https?|ftp)://[^/ ]+#\1://<host>#g'; }

# --- 0. can this machine run containers at all? ------------------------------------
kernel_gap() {
  grep -qw cgroup2 /proc/filesystems || grep -qw cgroup /proc/filesystems ||
    { echo "the kernel has no cgroup filesystem" && return; }
  local ns
  for ns in mnt pid net uts ipc; do
    [ -e "/proc/self/ns/$ns" ] || { echo "the kernel has no $ns namespaces" && return; }
  done
  unshare --mount --pid --net --uts --ipc --fork true 2>/dev/null ||
    echo "namespaces cannot be created here ($(unshare --mount --pid --net --fork true 2>&1 | head -1))"
}
[ "$(id -u)" = 0 ] || fail "must run as root (dockerd, debootstrap); CI does"
gap=$(kernel_gap)
if [ -n "$gap" ]; then
  echo "SKIPPED docker: $gap"
  exit 0
fi
[ -f "$SMOKE" ] || fail "no $SMOKE (the shared folder must sit beside the clone, or set DOCKER_SMOKE)"

# --- cleanup: only what this script started ------------------------------------------
CID="" FAKES_PID="" TMP=$(mktemp -d) OWN_DAEMON=0
is_dockerd() { [ -n "${1:-}" ] && [ "$(cat "/proc/$1/comm" 2>/dev/null)" = dockerd ]; }
daemon_pid() { cat "$PIDFILE" 2>/dev/null || true; }
# FRESH=1 makes the smoke script replace any daemon of an earlier run with its own.
timeout 5 "$DOCKER" version >/dev/null 2>&1 && [ "${FRESH:-0}" != 1 ] || OWN_DAEMON=1
[ "${FRESH:-0}" = 1 ] && rm -rf "$CACHE"
cleanup() {
  local rc=$? pid
  [ -n "$CID" ] && "$DOCKER" rm -f -v "$CID" >/dev/null 2>&1 || true
  [ -n "$FAKES_PID" ] && kill -TERM "$FAKES_PID" 2>/dev/null && wait "$FAKES_PID" 2>/dev/null || true
  rm -rf "$TMP"
  pid=$(daemon_pid)
  if [ "$OWN_DAEMON" = 1 ] && is_dockerd "$pid"; then
    "$DOCKER" image prune -f >/dev/null 2>&1 || true
    echo "stopping the dockerd this step started (pid $pid)"
    kill -TERM "$pid"
    for _ in $(seq 1 30); do is_dockerd "$pid" || break; sleep 1; done
    is_dockerd "$pid" && kill -KILL "$pid" || true
    # dockerd leaves its network namespace bind-mounted under its exec-root.
    awk -v w="$WORK/exec/" 'index($2, w) == 1 {print $2}' /proc/self/mounts | sort -r | xargs -r umount -l || true
  fi
  exit "$rc"
}
trap cleanup EXIT

# --- 1. compose.yaml ------------------------------------------------------------------
# env_file's `required: false` needs Compose 2.24+. Debian's docker-compose before trixie
# is 1.29 (Python), so take Debian's package of the suite the image is built on.
compose_ok() { # prints the version when "$@" is Compose >= 2.24
  local v
  v=$("$@" version --short 2>/dev/null | sed 's/^v//') || return 1
  printf '2.24\n%s\n' "$v" | sort -V -C && echo "$v"
}
find_compose() {
  local c
  for c in "$DOCKER compose" "docker compose" docker-compose "$CACHE/compose/usr/bin/docker-compose"; do
    # shellcheck disable=SC2086 # "docker compose" is two words
    compose_ok $c >/dev/null && echo "$c" && return
  done
  return 1
}
fetch_compose() {
  local suite apt="$CACHE/apt" mirror deb
  suite=$(sed -nE 's/^ARG[[:space:]]+NODE_IMAGE=node:[0-9]+-([a-z]+).*/\1/p' Dockerfile | head -1)
  mirror=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' |
    awk '$2 !~ /-(security|updates|backports)$/ {print $1; exit}')
  [ -n "$suite" ] && [ -n "$mirror" ] || fail "cannot tell the Debian suite ($suite) or this host's mirror"
  echo "Debian's docker-compose from $suite, with a private apt configuration under $apt"
  rm -rf "$apt" "$CACHE/compose" && mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$CACHE/compose"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $suite main" >"$apt/sources.list"
  local opts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/nonexistent
    -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o Dir::State::status=/dev/null)
  {
    timeout 300 apt-get "${opts[@]}" update -qq &&
      (cd "$apt" && timeout 300 apt-get "${opts[@]}" download docker-compose)
  } >"$apt/log" 2>&1 || { mask <"$apt/log" | tail -5; fail "could not fetch docker-compose"; }
  deb=$(ls "$apt"/docker-compose_*.deb)
  dpkg-deb -x "$deb" "$CACHE/compose"
  rm -rf "$apt"
}
step "1/3 compose.yaml: docker compose config"
COMPOSE=$(find_compose) || {
  cand=$(apt-cache policy docker-compose 2>/dev/null | awk '/Candidate:/ {print $2}')
  if [ -n "$cand" ] && [ "$cand" != "(none)" ] && printf '2.24\n%s\n' "$cand" | sort -V -C; then
    DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
  else
    fetch_compose
  fi
  COMPOSE=$(find_compose) || fail "no Docker Compose 2.24+ after installing it"
}
# shellcheck disable=SC2086
echo "compose: $COMPOSE $(compose_ok $COMPOSE)"
# A copy without a .env beside it: the optional env_file must not stop compose. --quiet:
# a developer's .env would otherwise be printed.
cp compose.yaml "$TMP/compose.yaml"
# shellcheck disable=SC2086
(cd "$TMP" && $COMPOSE -f compose.yaml config --quiet) || fail "docker compose config rejects compose.yaml"
echo "PASS: compose.yaml is valid, also without a .env"

# --- 2. the image ---------------------------------------------------------------------
step "2/3 build and smoke-check the image: $(basename "$SMOKE") (STRICT=1 KEEP_DAEMON=1)"
tb=$(date +%s)
STRICT=1 KEEP_DAEMON=1 bash "$SMOKE" "$REPO" || fail "$(basename "$SMOKE") failed (its output above says why)"
echo "built and checked in $(($(date +%s) - tb))s"
[ "$OWN_DAEMON" = 1 ] && ! is_dockerd "$(daemon_pid)" && fail "the smoke script left no dockerd running"
size=$("$DOCKER" image inspect "$IMAGE" --format '{{.Size}}')
echo "image $IMAGE: $((size / 1000000)) MB"

# Only what runs: every top-level entry of the image's node_modules (@scope/name, and a
# scope folder left empty) must be in the production tree, which scripts/production-tree.mjs
# walks from this checkout's full install (`npm ls --omit=dev` would count optional peers
# such as typescript in).
node scripts/production-tree.mjs >"$TMP/production.txt"
[ -s "$TMP/production.txt" ] || fail "scripts/production-tree.mjs listed nothing (is node_modules installed?)"
"$DOCKER" run --rm --entrypoint sh "$IMAGE" -c 'cd /app/node_modules && for d in *; do
  case "$d" in @*) [ -n "$(ls -A "$d")" ] && for s in "$d"/*; do echo "$s"; done || echo "$d/";; *) echo "$d";; esac
done' >"$TMP/image-modules.txt" || fail "could not list /app/node_modules in the image"
extra=$(sort -u "$TMP/image-modules.txt" | comm -23 - <(sort -u "$TMP/production.txt") | tr '\n' ' ')
[ -z "$extra" ] || fail "packages outside the production tree in the image: $extra"
echo "PASS: the image's node_modules holds only the production tree ($(wc -l <"$TMP/image-modules.txt") top-level packages)"

# --- 3. run it against the fakes --------------------------------------------------------
step "3/3 run the image against the fakes on the host (--network host)"
# One node process (tsx as a loader), so that its pid is all there is to stop.
node --import tsx test/fakes/serve.ts >"$TMP/fakes.out" 2>&1 &
FAKES_PID=$!
for _ in $(seq 1 120); do
  grep -q '^TRACKER_API_URL=' "$TMP/fakes.out" && break
  kill -0 "$FAKES_PID" 2>/dev/null || { cat "$TMP/fakes.out"; fail "the fakes exited"; }
  sleep 0.5
done
grep -E '^(DISCORD_TOKEN|DISCORD_API_URL|TRACKER_API_URL)=' "$TMP/fakes.out" >"$TMP/fakes.env" || true
[ "$(wc -l <"$TMP/fakes.env")" = 3 ] || { cat "$TMP/fakes.out"; fail "the fakes printed no .env lines"; }
grep -v '^DISCORD_TOKEN=' "$TMP/fakes.env"
# The README's way: a .env made from .env.example by setting DISCORD_TOKEN only, plus the two
# URLs of the fakes. The image's defaults must hold, also where the file leaves a line empty.
grep -q '^DISCORD_TOKEN=$' .env.example || fail ".env.example has no empty DISCORD_TOKEN= line to fill in"
token_line=$(grep '^DISCORD_TOKEN=' "$TMP/fakes.env")
awk -v line="$token_line" '$0 == "DISCORD_TOKEN=" {print line; next} {print}' .env.example >"$TMP/bot.env"
grep -E '^(DISCORD_API_URL|TRACKER_API_URL)=' "$TMP/fakes.env" >>"$TMP/bot.env"
# The same file with every optional setting as an empty line (what .env.example had before):
# the real image must still read its own defaults.
sed -E 's/^# ([A-Z][A-Z0-9_]*=)$/\1/' "$TMP/bot.env" >"$TMP/empty-lines.env"
want="sqlite:///data/bot.sqlite 8080"
got=$("$DOCKER" run --rm --network none --env-file "$TMP/empty-lines.env" "$IMAGE" node --input-type=module -e '
  const { loadDotEnv } = await import("/app/dist/src/dotenv.js");
  const { loadConfig } = await import("/app/dist/src/config.js");
  loadDotEnv();
  const c = loadConfig(process.env, { requireDiscordToken: true, checkDataFolder: true });
  console.log(c.DATABASE_URL, c.HEALTH_PORT);' 2>&1) || true
[ "$got" = "$want" ] || fail "with empty lines in the env file the image reads \"$got\", want \"$want\""
echo "PASS: empty DATABASE_URL= and HEALTH_PORT= lines keep the image's defaults ($got)"
# The host network is shared: /healthz on loopback only, on the image's default port 8080
# when it is free here, else on a free one.
if node -e 'require("net").createServer().once("error",()=>process.exit(1)).listen(8080,()=>process.exit(0))'; then
  port=8080
else
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  printf 'HEALTH_PORT=%s\n' "$port" >>"$TMP/bot.env"
fi
printf 'HEALTH_HOST=127.0.0.1\n' >>"$TMP/bot.env"
CID=$("$DOCKER" run -d --name "ct-bot-ci-$$" --network host --env-file "$TMP/bot.env" "$IMAGE")
echo "container ${CID:0:12} with .env.example + DISCORD_TOKEN + the fakes' URLs, HEALTH_PORT=$port"

# Wait as long as the image's HEALTHCHECK may take to decide: start period + (retries+1) intervals.
hc() { "$DOCKER" image inspect "$IMAGE" --format "{{json .Config.Healthcheck.$1}}"; }
echo "HEALTHCHECK: interval $(($(hc Interval) / 1000000000))s, start period $(($(hc StartPeriod) / 1000000000))s, retries $(hc Retries)"
limit=$((($(hc StartPeriod) + $(hc Interval) * ($(hc Retries) + 1)) / 1000000000 + 10))
tr=$(date +%s)
status=starting
while [ $(($(date +%s) - tr)) -lt "$limit" ]; do
  status=$("$DOCKER" inspect "$CID" --format '{{.State.Status}}/{{if .State.Health}}{{.State.Health.Status}}{{end}}')
  case "$status" in
    running/healthy | running/unhealthy | exited/* | dead/*) break ;;
  esac
  sleep 1
done
echo "docker inspect after $(($(date +%s) - tr))s: State.Status/State.Health.Status = $status"
"$DOCKER" inspect "$CID" --format '{{range .State.Health.Log}}probe: exit {{.ExitCode}}{{println}}{{end}}' | tail -3
if [ "$status" != running/healthy ]; then
  "$DOCKER" logs --tail 30 "$CID" 2>&1
  fail "the container is $status, not healthy"
fi
echo "PASS: Docker reports the container healthy"

"$DOCKER" logs "$CID" >"$TMP/bot.log" 2>&1
grep -m1 'slash commands registered' "$TMP/bot.log" | cut -c1-200 ||
  { tail -30 "$TMP/bot.log"; fail "the logs do not show the slash commands registered"; }
echo "PASS: the bot registered its slash commands"

ts=$(date +%s%N)
"$DOCKER" stop -t 10 "$CID" >/dev/null
ms=$((($(date +%s%N) - ts) / 1000000))
code=$("$DOCKER" inspect "$CID" --format '{{.State.ExitCode}}')
"$DOCKER" logs --tail 4 "$CID" 2>&1 | cut -c1-200
echo "docker stop: exit code $code after ${ms} ms"
[ "$code" = 0 ] && [ "$ms" -le 10000 ] || fail "docker stop: want exit code 0 within 10 s"
echo "PASS: docker stop -> exit code 0 within 10 s"
echo "docker step done in $(($(date +%s) - T0))s"
