"""Text handling shared by every output: direction, normalization, bidi and shaping."""
