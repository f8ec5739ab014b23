"""Site engines: the only code that knows a site generator. Lantai reads, checks and
renders an exhibition by itself (lantai/reading, lantai/checking, lantai/pages); an
engine takes the finished pages and files and makes the site's frame around them."""
