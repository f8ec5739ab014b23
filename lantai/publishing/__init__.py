"""What leaves the project for the site: which editors' files are published (files), the
bytes they are published with, without GPS or scripts (cleaning), and the site folder
written beside the old one and swapped in whole (output)."""
