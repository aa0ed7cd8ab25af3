"""Text resources every stage reads the same way, below the stages that use them: the wire dateline and the
English trigger lexicon."""

from frontwatch.text.dateline import DATELINE, DATELINE_WINDOW
from frontwatch.text.lexicon import Lexicon, TriggerEntry, lexicon_from_dict, load_lexicon

__all__ = ["DATELINE", "DATELINE_WINDOW", "Lexicon", "TriggerEntry", "lexicon_from_dict", "load_lexicon"]
