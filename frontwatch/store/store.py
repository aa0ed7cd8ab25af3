"""`Store`: the database, one class put together from the store's parts."""

from frontwatch.store.connection import Connected
from frontwatch.store.control import Control
from frontwatch.store.documents import Documents
from frontwatch.store.events import Events
from frontwatch.store.fused import Fused
from frontwatch.store.rejects import Rejects


class Store(Connected, Documents, Rejects, Events, Control, Fused):
    """The database. `Store(url)` connects and migrates to the head revision."""
