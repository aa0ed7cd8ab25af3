"""Stage: ingest. Files, directories, feeds, JSON lines and URLs become `Document`s; bad inputs become `Reject`s
with a reason and a hint, and never stop the batch.

`dispatch` sends each input to its reader (`readers`, `urls`), after `decode`; `clean` drops boilerplate lines.
"""

from frontwatch.ingest.clean import clean_text, is_promo
from frontwatch.ingest.dispatch import expand_paths, iter_inputs, read_bytes
from frontwatch.ingest.readers import Overrides

__all__ = ["Overrides", "clean_text", "expand_paths", "is_promo", "iter_inputs", "read_bytes"]
