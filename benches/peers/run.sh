#!/usr/bin/env bash
# run.sh — rolo beside DESIGN.md's peers, on the same people, measured the same way.
#
# Usage: benches/peers/run.sh [N ...]        (default: 1000 10000 30000 100000)
# Needs: the peers (apt-get install -y abook calcurse taskwarrior hyperfine), tmux, python3,
#        and ../shared/bench/ beside this repository (or BENCH=path/to/bench).
# Env:   BENCH_DATA  data root (default /tmp/rolo-bench); RESULTS  the TSV to append to
#        (default $BENCH_DATA/results-rolo.tsv); TTFF_RUNS  runs per measurement (default 10);
#        TTFF_POLL_MS  how often the harness looks for the first frame (default 2).
#
# For each N, shared/bench/gen_data.py writes one set of people in every peer's format; rolo
# imports the same contacts.csv (`rolo import csv`) into its own database. Then, with the
# shared harness: time to the first frame in a real terminal (ttff.sh, tmux 120x40) for rolo,
# abook, calcurse and `less` on the CSV (the floor); and `rolo today` beside `task next` and
# `calcurse -t` (cli_time.sh). Peak memory comes with each (/usr/bin/time).
set -eu
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
BENCH=${BENCH:-$REPO/../shared/bench}
ROOT=${BENCH_DATA:-/tmp/rolo-bench}
OUT=${RESULTS:-$ROOT/results-rolo.tsv}
RUNS=${TTFF_RUNS:-10}
# The harness looks for the first frame every 2 ms by default; `less` shows its screen in
# about 2 ms, so its figure is mostly that wait. TTFF_POLL_MS=1 halves it (and rolo's ratio
# to `less` grows: see the README).
POLL_MS=${TTFF_POLL_MS:-2}
[ $# -gt 0 ] || set -- 1000 10000 30000 100000
mkdir -p "$ROOT"
(cd "$REPO" && cargo build --release --quiet)
ROLO=$REPO/target/release/rolo
[ -s "$OUT" ] || printf 'n\twhat\tmedian_ms\tmin_ms\tmax_ms\trss_mb\n' > "$OUT"
kv() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<< "$2"; }

ttff() {  # ttff N LABEL MARKER CMD...
  local n=$1 label=$2 marker=$3; shift 3
  local r; r=$("$BENCH/ttff.sh" --label "$label" --marker "$marker" --quit-keys q \
               --runs "$RUNS" --poll-ms "$POLL_MS" --rss --timeout 60 -- "$@" 2>/dev/null) || r="failed"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "first frame: $label" "$(kv ttff_med "$r")" \
    "$(kv ttff_min "$r")" "$(kv ttff_max "$r")" "$(kv rss_mb "$r")" >> "$OUT"
  echo "N=$n first frame $label: $r"
}
cli() {  # cli N LABEL CMD...
  local n=$1 label=$2; shift 2
  local r; r=$("$BENCH/cli_time.sh" --label "$label" --limit 60 -- "$@" 2>/dev/null) || r="failed"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "command: $label" "$(kv median "$r")" \
    "$(kv min "$r")" "$(kv max "$r")" "$(kv rss_mb "$r")" >> "$OUT"
  echo "N=$n command $label: $r"
}

# Each figure of this run for N as a multiple of `less` showing the same people (the floor
# DESIGN.md's budgets are written against: first frame and `rolo today` within 2x).
ratios() {  # ratios N
  python3 - "$OUT" "$1" <<'PY'
import sys
out, n = sys.argv[1], sys.argv[2]
rows = [l.rstrip("\n").split("\t") for l in open(out) if l.startswith(n + "\t")]
latest = {}
for row in rows:
    if len(row) >= 3 and row[2]:
        latest[row[1]] = row[2]          # the last line of each kind is this run's
floor = latest.get("first frame: less")
try:
    floor = float(floor)
except (TypeError, ValueError):
    print(f"N={n}: no figure for less, no ratios"); sys.exit(0)
with open(out, "a") as tsv:
    for what, median in latest.items():
        if what.startswith(("first frame:", "command:")) and what != "first frame: less":
            try:
                ratio = float(median) / floor
            except ValueError:
                continue
            print(f"N={n} {what}: {float(median):.1f} ms = {ratio:.2f}x less ({floor:.1f} ms)")
            tsv.write(f"{n}\tratio to less: {what}\t{ratio:.2f}\t\t\t\n")
PY
}

for n in "$@"; do
  D=$ROOT/N$n
  [ -s "$D/markers.json" ] || python3 "$BENCH/gen_data.py" -n "$n" -o "$D" > /dev/null
  DB=$D/rolo/rolo.db
  if [ ! -s "$DB" ]; then
    import=$( { /usr/bin/time -f '%e s, %M KB' "$ROLO" --db "$DB" import csv "$D/rolo/contacts.csv" \
                > /dev/null; } 2>&1 | tail -1)
    printf '%s\t%s\t%s\t\t\t\n' "$n" "rolo import csv (once)" "$import" >> "$OUT"
    echo "N=$n imported: $import"
  fi
  sync
  export HOME=$D/home TASKRC=$D/task/taskrc      # no peer reads the real user's files
  mk() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$D/markers.json" "$1"; }
  # rolo draws nothing before its data is read: the contacts pane title is the first frame.
  # Started directly, as every peer is (through `env` it paid a second exec, about 0.9 ms).
  ttff "$n" rolo "Contacts (" "$ROLO" --db "$DB"
  ttff "$n" abook "$(mk abook)" abook -C "$D/abook/abookrc" -f "$D/abook/addressbook"
  ttff "$n" calcurse "$(mk calcurse)" calcurse --read-only -D "$D/calcurse/data" -C "$D/calcurse/conf"
  ttff "$n" less "first_name,last_name" less "$D/rolo/contacts.csv"
  cli "$n" "rolo today" "$ROLO" --db "$DB" today
  # The contacts CSV owes nothing, so `today` above prints an empty day: on the demo network
  # `cargo bench` makes (interviews, follow-ups, a long overdue queue) it has a screen to fill.
  DEMO=$REPO/target/bench-data/demo-$n.db
  if [ -s "$DEMO" ]; then
    cp "$DEMO" "$D/demo.db"; rm -f "$D/demo.db-wal" "$D/demo.db-shm"
    cli "$n" "rolo today (demo network)" "$ROLO" --db "$D/demo.db" today
  fi
  cli "$n" "task next" task next
  cli "$n" "calcurse -t" calcurse --read-only -D "$D/calcurse/data" -C "$D/calcurse/conf" -t
  ratios "$n"
done
echo "results appended to $OUT"
