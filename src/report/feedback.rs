//! 反馈: the adoption of its comments, reported back to one contact point (renderers follow).
