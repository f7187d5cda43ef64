"""Reserved for a later layer (see DESIGN notes)."""

__all__: list[str] = []
