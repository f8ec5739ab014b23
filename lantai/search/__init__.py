"""Site search: what each page tells the index (record), Chinese handling (chinese), the
Pagefind index itself (index). The search page is lantai/pages/search.py."""
