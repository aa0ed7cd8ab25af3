"""What happened: detection and typing where the classifier's gate and its main head disagree. Every sentence here
is invented."""

from __future__ import annotations

import numpy as np

from frontwatch.model import NOT_AN_EVENT


def test_a_sure_main_head_overrules_the_gates_none() -> None:
    """The gate (snippets alone) says "none"; the main head, which read coded notes, is sure of an event: the
    event stands. Where the main head is unsure, the gate still decides."""
    from frontwatch.extract.classify import _gated

    classes = ["Attack", "Mob violence", NOT_AN_EVENT]
    proba = np.array([[0.05, 0.9, 0.05],   # sure: a crowd's justice the notes coded as mob violence
                      [0.3, 0.4, 0.3]])   # unsure: the gate's word stands
    out = _gated(proba, classes, np.array([0.95, 0.95]))
    assert classes[int(out[0].argmax())] == "Mob violence"
    assert classes[int(out[1].argmax())] == NOT_AN_EVENT
    assert np.allclose(out.sum(axis=1), 1.0)

