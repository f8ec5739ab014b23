"""The thin layer that speaks MkDocs: everything else in Lantai is engine-free."""

from .plugin import LantaiPlugin

__all__ = ["LantaiPlugin"]
