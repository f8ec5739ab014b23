"""Editing in the browser: the interface at /admin/ (Decap CMS) and what serves it.

`cms` writes Decap's configuration from the editors' fields (lantai/reading/schema.py), so
the forms ask for what `check` accepts; `local_backend` answers Decap's local-backend API
during `serve`, so that an editor can try the interface on the project folder with no
account. Neither knows MkDocs: the engine writes the files and routes the requests.
"""
