"""The application layer: the session that owns every review, between the window (ui/) and the readers.

No Qt here. The window and the command line send it commands; each returns what it changed.
"""
from models.session.changes import Changes
from models.session.files import SourceError, scan_paths, source_key
from models.session.reading import READER_VERSION, Prepared, Result, prepare, prepare_many, read_many, read_one
from models.session.session import QueueItem, ReloadPlan, Session
from models.session.workers import Stopped
from models.workspace import WorkspaceError, WorkspaceLocked

__all__ = ["Changes", "Prepared", "QueueItem", "READER_VERSION", "ReloadPlan", "Result", "Session", "SourceError",
           "Stopped", "WorkspaceError", "WorkspaceLocked", "prepare", "prepare_many", "read_many",
           "read_one", "scan_paths", "source_key"]
