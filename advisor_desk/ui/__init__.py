"""The PySide6 desk: the only layer that imports Qt."""
