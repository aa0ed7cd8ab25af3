"""Accuracy against coded data: ACLED rows (`acled`), district control (`control`) and whole articles
(`articles`). Re-exports only."""

from frontwatch.evaluation.acled import (
    FIELDS,
    Answer,
    aggregate,
    evaluate_acled,
    haversine,
    inter_of,
    match_rows,
    names_place,
    norm_name,
    parse_years,
    row_lines,
    score_row,
    select_rows,
    system_answers,
)
from frontwatch.evaluation.articles import (
    evaluate_articles,
    gold_events,
    load_articles,
    read_article_gold,
    score_articles,
)
from frontwatch.evaluation.control import evaluate_control, evaluate_control_snippets, score_control

__all__ = [
    "FIELDS", "Answer", "aggregate", "evaluate_acled", "evaluate_articles", "evaluate_control",
    "evaluate_control_snippets", "gold_events", "haversine", "inter_of", "load_articles", "match_rows", "names_place",
    "norm_name", "parse_years", "read_article_gold", "row_lines", "score_articles", "score_control", "score_row",
    "select_rows", "system_answers",
]
