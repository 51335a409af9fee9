"""The Qt window: a thin layer over models/ and parsers/."""
