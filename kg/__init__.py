"""dipkg: diplomatic interactions from news articles as an RDF knowledge graph."""

__version__ = "0.1.0"
