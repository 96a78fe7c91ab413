"""tensionwatch stage package."""
