#!/usr/bin/env bash
# run.sh — rolo beside DESIGN.md's peers, on the same people, measured the same way.
#
# Usage: benches/peers/run.sh [N ...]        (default: 1000 10000 30000 100000)
# Needs: the peers (apt-get install -y abook calcurse taskwarrior hyperfine), tmux, python3,
#        and ../shared/bench/ beside this repository (or BENCH=path/to/bench).
# Env:   BENCH_DATA  data root (default /tmp/rolo-bench); RESULTS  the TSV to append to
#        (default $BENCH_DATA/results-rolo.tsv); TTFF_RUNS  runs per measurement (default 10).
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
[ $# -gt 0 ] || set -- 1000 10000 30000 100000
mkdir -p "$ROOT"
(cd "$REPO" && cargo build --release --quiet)
ROLO=$REPO/target/release/rolo
[ -s "$OUT" ] || printf 'n\twhat\tmedian_ms\tmin_ms\tmax_ms\trss_mb\n' > "$OUT"
kv() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<< "$2"; }

ttff() {  # ttff N LABEL MARKER CMD...
  local n=$1 label=$2 marker=$3; shift 3
  local r; r=$("$BENCH/ttff.sh" --label "$label" --marker "$marker" --quit-keys q \
               --runs "$RUNS" --rss --timeout 60 -- "$@" 2>/dev/null) || r="failed"
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
  ttff "$n" rolo "Contacts (" env ROLO_NOW=2026-01-05T09:00:00Z "$ROLO" --db "$DB"
  ttff "$n" abook "$(mk abook)" abook -C "$D/abook/abookrc" -f "$D/abook/addressbook"
  ttff "$n" calcurse "$(mk calcurse)" calcurse --read-only -D "$D/calcurse/data" -C "$D/calcurse/conf"
  ttff "$n" less "first_name,last_name" less "$D/rolo/contacts.csv"
  cli "$n" "rolo today" "$ROLO" --db "$DB" today
  cli "$n" "task next" task next
  cli "$n" "calcurse -t" calcurse --read-only -D "$D/calcurse/data" -C "$D/calcurse/conf" -t
done
echo "results appended to $OUT"
