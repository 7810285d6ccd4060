"""Migration safety: split by rollback convention, lint with squawk, rehearse on PostgreSQL."""

from __future__ import annotations
