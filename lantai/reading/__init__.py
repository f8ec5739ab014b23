"""Reading a project: mkdocs.yml's settings (config_file, settings), YAML and front matter
with the line of every field (loading), the editors' fields declared as data (schema),
text made safe to compare (safety), and the whole folder into the content model (project).
Nothing here decides what a page shows or whether the project may be built."""
