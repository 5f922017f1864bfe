"""roadmapctl: Russian education roadmaps («дорожные карты») as YAML files in git."""

__version__ = "0.1.0"
