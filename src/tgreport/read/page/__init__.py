"""The reader for scraped news-page text: from the site's chrome to a clean Article."""

from __future__ import annotations

from tgreport.read.page.article import read_page

__all__ = ["read_page"]
