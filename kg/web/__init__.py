"""kg serve: the web workbench."""
