"""PolicyQA: bilingual, cited question answering over Chinese government policy notices."""

from pathlib import Path

__version__ = "0.1.0"

# The repository root: bundled notices, prompts and knowledge files are found relative to it.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
