#!/usr/bin/env bash
# Behaviour-preservation check for restructurings (issue 14): runs the examples and the seed article through
# `frontwatch run` into throwaway SQLite files, exports claims / events / control as sorted JSON lines, dumps the
# fused tables, keeps the printed report and every `make eval` figure (geoparse, events incl. Kenya dev+held-out,
# control, articles) as JSON without timings, all under OUT. SKIP_EVAL=1 skips the evals (~5 min).
#   bench/compare_outputs.sh OUT            # write the outputs
#   bench/compare_outputs.sh OUT BASELINE   # write them, then diff against a baseline written the same way
# Run it from the checkout to test (PYTHONPATH is set to it); timings are stripped so two runs compare byte for byte.
set -euo pipefail
OUT=${1:?usage: bench/compare_outputs.sh OUT [BASELINE]}
BASE=${2:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY=${PY:-/work/main/.venv/bin/python}
DATA=${FRONTWATCH_DATA:-$(cd "$ROOT/../shared/data" 2>/dev/null && pwd || echo "$ROOT/data")}
SEED=${SEED:-$(dirname "$DATA")/examples/seed-article.txt}
SKIP_EVAL=${SKIP_EVAL:-0}
export PYTHONPATH=$ROOT FRONTWATCH_DATA=$DATA COLUMNS=140 TERM=dumb
fw() { (cd "$ROOT" && "$PY" -m frontwatch "$@"); }
# Strip the run's wall time ("... claims, in 0.9 s") so the stderr summary compares.
untime() { sed -E 's/, in [0-9.]+ s$/, in N s/'; }

rm -rf "$OUT" && mkdir -p "$OUT"
for name in examples seed; do
  db=$OUT/$name.db
  if [ "$name" = examples ]; then inputs=("$ROOT/examples/"); else inputs=("$SEED"); fi
  fw run "${inputs[@]}" --db "$db" --map "$OUT/$name.map.html" >"$OUT/$name.report.txt" 2>"$OUT/$name.stderr.raw"
  untime <"$OUT/$name.stderr.raw" | sed "s#$OUT#OUT#g" >"$OUT/$name.stderr.txt" && rm "$OUT/$name.stderr.raw"
  fw claims --format jsonl --db "$db" | sort >"$OUT/$name.claims.jsonl"
  fw export events --format jsonl --db "$db" | sort >"$OUT/$name.events.jsonl"
  fw export control --format json --db "$db" \
    | "$PY" -c 'import json,sys; [print(json.dumps(r, sort_keys=True, ensure_ascii=False)) for r in json.load(sys.stdin)]' \
    | sort >"$OUT/$name.control.jsonl"
  fw sources --db "$db" >"$OUT/$name.sources.txt"
  # The whole fused layer (every control state of every day, reliability), not only today's view.
  for table in claims events control_states source_reliability; do
    sqlite3 "$db" "SELECT * FROM $table" | sort >"$OUT/$name.table.$table.txt"
  done
  sqlite3 "$db" "SELECT document_id, origin, format, title, url, publisher, published, language, payload
                 FROM documents" | sort >"$OUT/$name.table.documents.txt"
  # The map data carries its generation time.
  sed -i -E 's/"generated":"[^"]*"/"generated":"T"/' "$OUT/$name.map.data.js"
  # The checkout's own path (in each document's origin) is where it runs, not what it produced.
  sed -i "s#$ROOT/#ROOT/#g" "$OUT/$name".*
  # The map page's vendored assets are copied, not produced; the lock is the store's migration guard.
  rm -rf "$db" "$db.migrate.lock" "$OUT/static"
done

if [ "$SKIP_EVAL" != 1 ]; then
  # Every eval of the Makefile `eval` target, as JSON with the volatile figures (timings) dropped, one key per line
  # so a diff names the figure that moved. The exit code (1 = a floor failed) is kept beside each output.
  stable() { "$PY" -c '
import json, sys
VOLATILE = {"seconds_per_row", "seconds", "build_seconds", "generated", "elapsed"}
def strip(x):
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items() if k not in VOLATILE}
    if isinstance(x, list):
        return [strip(v) for v in x]
    return x
dec = json.JSONDecoder(); text = sys.stdin.read(); i = 0
while True:
    while i < len(text) and text[i].isspace():
        i += 1
    if i >= len(text):
        break
    obj, i = dec.raw_decode(text, i)
    print(json.dumps(strip(obj), indent=1, sort_keys=True, ensure_ascii=False))
'; }
  ev() { local name=$1; shift; local rc=0
    fw eval "$@" --json >"$OUT/eval.$name.raw" 2>"$OUT/eval.$name.stderr" || rc=$?
    stable <"$OUT/eval.$name.raw" >"$OUT/eval.$name.json" && rm "$OUT/eval.$name.raw"
    untime <"$OUT/eval.$name.stderr" >"$OUT/eval.$name.stderr.txt" && rm "$OUT/eval.$name.stderr"
    echo "exit $rc" >>"$OUT/eval.$name.json"; }
  ev geoparse geoparse "$DATA/geoparse-dev/trnews.jsonl.gz" "$DATA/geoparse-dev/geovirus.jsonl.gz" \
    --floors eval/floors-geoparse.json
  ev events events "$DATA/event-types-case2021/snippets.jsonl" tests/data/acled-sample.jsonl \
    tests/data/acled-heldout.jsonl --floors eval/floors-events.json
  ev events-classifier events tests/data/case-heldout.jsonl --classifier var/event-classifier.pkl \
    --floors eval/floors-events.json
  # Kenya dev (2004-2015) and held-out (2016-2018) splits.
  ev events-kenya events "$DATA/acled-kenya/acled-kenya-2004-2018.jsonl" --years 2004-2015 --years 2016-2018 \
    --floors eval/floors-events.json
  ev control control tests/data/control-rows.jsonl eval/control-blind.jsonl \
    "$DATA/event-types-case2021/snippets.jsonl" "$DATA/acled-kenya/acled-kenya-2004-2018.jsonl" \
    --floors eval/floors-control.json
  ev articles articles eval/articles-gold.jsonl --data "$DATA/geoparse-dev" --floors eval/floors-articles.json
fi

if [ -n "$BASE" ]; then
  if [ "$SKIP_EVAL" = 1 ]; then excl=(-x 'eval.*'); else excl=(); fi
  if diff -rq "${excl[@]}" "$BASE" "$OUT"; then echo "IDENTICAL to $BASE ($(ls "$OUT" | wc -l) files)"; else
    echo "DIFFERENT from $BASE (see diff -r $BASE $OUT)" >&2; exit 1; fi
fi
