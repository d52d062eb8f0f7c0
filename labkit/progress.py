"""The progress view (``from labkit.progress import ProgressView``); it lives in ``labkit.exercises.progress``."""

from labkit.exercises.progress import LessonProgress, ProgressView, lesson_progress, workspace_progress

__all__ = ["LessonProgress", "ProgressView", "lesson_progress", "workspace_progress"]
