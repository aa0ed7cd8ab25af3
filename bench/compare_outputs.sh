#!/usr/bin/env bash
# Behaviour-preservation check for restructurings (issue 14): runs the examples and the seed article through
# `frontwatch run` into throwaway SQLite files, exports claims / events / control as sorted JSON lines, dumps the
# fused tables, keeps the printed report and the `make eval` figures, all under OUT.
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
  # The map page's vendored assets are copied, not produced; the lock is the store's migration guard.
  rm -rf "$db" "$db.migrate.lock" "$OUT/static"
done

if [ "$SKIP_EVAL" != 1 ]; then
  # The commands of the Makefile `eval` target.
  fw eval geoparse "$DATA/geoparse-dev/trnews.jsonl.gz" "$DATA/geoparse-dev/geovirus.jsonl.gz" \
    --floors eval/floors-geoparse.json >"$OUT/eval.geoparse.txt" 2>&1
  fw eval events "$DATA/event-types-case2021/snippets.jsonl" tests/data/acled-sample.jsonl \
    tests/data/acled-heldout.jsonl --floors eval/floors-events.json >"$OUT/eval.events.txt" 2>&1
  fw eval events tests/data/case-heldout.jsonl --classifier var/event-classifier.pkl \
    --floors eval/floors-events.json >"$OUT/eval.events-classifier.txt" 2>&1
fi

if [ -n "$BASE" ]; then
  if [ "$SKIP_EVAL" = 1 ]; then excl=(-x 'eval.*'); else excl=(); fi
  if diff -rq "${excl[@]}" "$BASE" "$OUT"; then echo "IDENTICAL to $BASE ($(ls "$OUT" | wc -l) files)"; else
    echo "DIFFERENT from $BASE (see diff -r $BASE $OUT)" >&2; exit 1; fi
fi
