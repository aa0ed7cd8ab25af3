"""Syndication and source roots: copies of one text count once, and a relayed account is its origin.

Near-duplicate texts are found by shingle containment over a fixed sample (linear in the corpus); each claim's
independent root is the origin it relays, else the outlet's own voice, one per group of copies.
"""

from __future__ import annotations

import re
import zlib
from array import array
from collections import Counter
from collections.abc import Mapping

import numpy as np

from frontwatch.model import Claim, Document

SYNDICATION_CONTAINMENT = 0.8
# A shingle in more reports than this is boilerplate (a sign-off, a standard line): it says nothing about copying,
# and skipping it keeps the candidate search linear in the corpus size.
COMMON_SHINGLE = 50
SAMPLE = 4  # index one shingle in four (by value) to find copy candidates
MIN_SHINGLES = 20  # shorter texts are too short to call copies of each other


def _shingles(text: str, k: int = 5) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    # crc32, not hash(): the same sample in every process, so which copies are found does not vary between runs.
    return {zlib.crc32(" ".join(words[i:i + k]).encode()) for i in range(max(1, len(words) - k + 1))}


def containment(a: set[int], b: set[int]) -> float:
    """Share of the smaller shingle set found in the other (0 for texts too short to judge)."""
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller >= MIN_SHINGLES else 0.0


def syndication_groups(documents: Mapping[str, Document]) -> dict[str, str]:
    """Map each document to the first (by id) near-duplicate of it: syndicated copies count once.

    Candidates come from an index of a fixed 1-in-`SAMPLE` sample of shingles (the same shingles in every text,
    so copies share their samples), then the full shingle sets of the few candidates decide; only texts that are
    not copies enter the index. Memory and time stay linear in the corpus."""
    canon = {doc_id: doc_id for doc_id in documents}
    if not documents:
        return canon
    # A text none of whose sampled shingles is in another text's sample has no candidate and is no candidate: it
    # is its own group. One pass in the mapping's order (texts read in the order they sit in memory, samples kept
    # as flat arrays) finds the few texts that share a sample; only those go through the search below, which then
    # gives the same groups as running it over every text, with an index of thousands of entries, not millions.
    keys = list(documents)
    values = array("q")
    sizes = array("q")
    for doc in documents.values():
        sample = [s for s in _shingles(doc.text) if s % SAMPLE == 0]
        values.extend(sample)
        sizes.append(len(sample))
    v = np.frombuffer(values, dtype=np.int64)
    owner = np.repeat(np.arange(len(keys)), np.frombuffer(sizes, dtype=np.int64))
    order = np.argsort(v, kind="stable")
    by_value = v[order]
    shared = np.zeros(len(v), dtype=bool)  # in value order: a value another text's sample has too
    shared[1:] |= by_value[1:] == by_value[:-1]
    shared[:-1] |= shared[1:].copy()
    ids = sorted(keys[p] for p in np.unique(owner[order[shared]]).tolist())
    index: dict[int, list[int]] = {}
    first: list[int] = []
    for i, doc_id in enumerate(ids):
        sh = _shingles(documents[doc_id].text)
        sample = [s for s in sh if s % SAMPLE == 0]
        candidates: Counter[int] = Counter()
        for s in sample:
            holders = index.get(s)
            if holders is not None and len(holders) <= COMMON_SHINGLE:
                candidates.update(holders)
        first.append(i)
        for j, common in candidates.most_common(3):
            if common < 0.5 * len(sample):
                break
            # Containment, not Jaccard: a copy with a new headline or an added line is still the same text.
            if containment(sh, _shingles(documents[ids[j]].text)) >= SYNDICATION_CONTAINMENT:
                first[i] = first[j]
                break
        if first[i] == i:  # a copy adds nothing new to match against: one entry per text, however often copied
            for s in sample:
                index.setdefault(s, []).append(i)
        canon[doc_id] = ids[first[i]]
    return canon


def _root(claim: Claim, canon: Mapping[str, str], documents: Mapping[str, Document]) -> tuple[str, tuple[str, ...]]:
    names = tuple(s.name for s in claim.sources)
    cited = [s for s in claim.sources if len(s.chain) > 1]
    if cited:
        origin = cited[-1].origin
        if not re.search(r"\b[A-Z]", origin[1:]):
            # "officials", "local elders": a generic speaker is only the same speaker within one text.
            return f"origin:{canon.get(claim.document_id, claim.document_id)}:{origin.lower()}", names
        return f"origin:{origin.lower()}", names
    # The outlet's own voice: one root per syndicated text group.
    group = canon.get(claim.document_id, claim.document_id)
    # Copies of one text are one voice, whoever republished them.
    return f"outlet:{group}", names
