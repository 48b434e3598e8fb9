"""All tunable defaults in one frozen record, passed down explicitly."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """Defaults for reading articles, tagging dates and building the timeline."""

    #: The language of an article the identifier is not sure of: a folder of data under
    #: ``resources/`` (only "en" so far). Each article's own language is detected.
    language: str = "en"
    #: Languages the researcher set for some files (file name or path, code), over detection.
    file_languages: tuple[tuple[str, str], ...] = ()
    #: Detect each article's language (else every article is read in ``language``).
    detect_language: bool = True

    #: Numeric dates such as 05/06/2025 are month/day unless this is set (or a part is over 12).
    day_first: bool = False
    #: A four-digit number with no cue word before it counts as a year only in this range.
    bare_year_min: int = 1800
    bare_year_max: int = 2150
    #: After a cue ("in", "since", "by") a wider range is accepted.
    cued_year_min: int = 1000
    cued_year_max: int = 2199
    #: How far into an article (characters) a byline date is taken as its publication date.
    dateline_window: int = 1500
    #: Event titles are cut at a clause boundary to at most this many characters.
    title_max: int = 90
    #: Mentions of one article with the same dates merge when their words overlap this much.
    merge_similarity: float = 0.3
    #: Key events a briefing shows (besides every starred one), unless the researcher chose another number.
    key_events: int = 8
    #: Vague references ("recently", "now") are typed but kept off the timeline unless this is set.
    place_vague: bool = False
    #: Mentions of the same happening across articles become one event.
    fuse: bool = True
    #: Articles that copy another are found, so that they do not count as confirmations.
    detect_copies: bool = True
    #: Loads of at least this many files are read and analysed on several processes.
    parallel_from: int = 200
    #: Processes for large loads (0: one per core).
    workers: int = 0
    #: Where large loads are read: ``local`` (a pool of processes on this machine) or ``dask``
    #: (a Dask cluster: the ``scale`` extra; a local one of ``workers`` processes unless ``scheduler``
    #: names one, whose workers must see the same files).
    engine: str = "local"
    scheduler: str = ""
    #: Largest file read as an article, in bytes.
    max_file_bytes: int = 20_000_000
    #: Seconds one file may take to read and analyse before it is reported as too long (0: no limit).
    file_seconds: float = 8.0
    #: A folder where what each file gave is kept by its content, so that it is not read again
    #: (core/cache.py); empty: read every file. The application sets the user's cache folder.
    cache_folder: str = ""

    def language_of(self, path: str) -> str | None:
        """The language the researcher set for this file, if any (by its path or its name)."""
        name = path.replace("\\", "/").rsplit("/", 1)[-1]
        return next((code for key, code in self.file_languages if key in (path, name)), None)
