"""tracker: keep rumours honest by matching claims against official statements."""

__version__ = "0.1.0"
