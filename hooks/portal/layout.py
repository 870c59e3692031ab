"""Which files under ``data/`` are read, and the ones that would otherwise be silently ignored.

A file in a misspelt folder (``data/massnahmen/``), in a subfolder, directly in ``data/`` or with
a suffix the folder does not read would simply not appear on the site, and the editor would not
know why. Each of them is reported instead, with the place it should go.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from .model import COLLECTIONS
from .problems import Problem
from .urls import SECTIONS

FOLDERS = sorted(folder for folder, _, _ in COLLECTIONS.values())
MARKDOWN_FOLDERS = sorted(folder for folder, _, suffixes in COLLECTIONS.values() if ".md" in suffixes)


def relative(file: Path, root: Path) -> str:
    """``file`` as the editor knows it: relative to the project, with forward slashes."""
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return file.as_posix()


def symlink(entry: Path, root: Path) -> list[Problem]:
    """A problem if ``entry`` is a symbolic link: links are reported, never followed.

    A link could publish any file of the machine that builds the site (``/etc/passwd``, a key), and
    its content would end up in the build log or on the site."""
    if not entry.is_symlink():
        return []
    return [Problem(relative(entry, root), 1, 1, "", "ist eine symbolische Verknüpfung (Symlink) und wird nicht gelesen",
                    "die Datei oder den Ordner selbst hierher legen; Verknüpfungen könnten Dateien außerhalb des Projekts veröffentlichen")]


def stray_files(data_dir: Path, root: Path) -> list[Problem]:
    """Files directly in ``data/`` or in a folder that is not one of the collections, and symlinks there."""
    if not data_dir.is_dir() or data_dir.is_symlink():
        return []
    problems: list[Problem] = []
    # The German section names of the addresses (massnahmen, partner) are the likeliest wrong names.
    german = {section: COLLECTIONS[collection][0] for collection, section in SECTIONS.items()}
    for entry in sorted(data_dir.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_symlink():
            problems += symlink(entry, root)
            continue
        if entry.name in FOLDERS:
            continue
        if entry.is_file():
            problems.append(Problem(relative(entry, root), 1, 1, "", "Die Datei liegt direkt in data/ und wird nicht gelesen",
                                    f"in einen der Ordner {', '.join(FOLDERS)} legen"))
            continue
        name = entry.name.lower()
        meant = german.get(name) or next(iter(difflib.get_close_matches(name, FOLDERS, n=1, cutoff=0.6)), None)
        hint = f"meinten Sie data/{meant}/?" if meant else f"Inhalte gehören in einen der Ordner {', '.join(FOLDERS)}"
        problems += [symlink(inner, root)[0] if inner.is_symlink() else
                     Problem(relative(inner, root), 1, 1, "", f"Der Ordner '{entry.name}/' ist unbekannt; die Datei wird nicht gelesen", hint)
                     for inner in _files_below(entry)]
    return problems


def unread(entry: Path, folder: str, suffixes: tuple[str, ...], root: Path) -> list[Problem]:
    """Why ``entry`` in a collection folder is not read (a subfolder, a wrong suffix), or nothing."""
    if entry.is_symlink():
        return symlink(entry, root)
    if entry.is_dir():
        inside = _files_below(entry)
        if not inside:
            # An empty folder named like a file ("neu.yaml/") looks like content that never shows up.
            return [Problem(relative(entry, root), 1, 1, "", f"'{entry.name}' ist ein leerer Ordner, keine Datei",
                            f"den Ordner löschen; Inhalte sind Dateien direkt in data/{folder}/")]
        return [symlink(inner, root)[0] if inner.is_symlink() else
                Problem(relative(inner, root), 1, 1, "", f"Unterordner von {folder}/ werden nicht gelesen",
                        f"die Datei direkt in data/{folder}/ legen") for inner in inside]
    if entry.suffix in suffixes:
        return []
    expected = f"erwartet werden Dateien mit der Endung {' oder '.join(suffixes)}"
    if suffixes == (".md",):
        hint = f"{expected}: Markdown mit den Kopfdaten zwischen zwei Zeilen ---"
    elif entry.suffix == ".md":
        hint = f"{expected}; Markdown-Dateien gibt es nur in {', '.join(f'{name}/' for name in MARKDOWN_FOLDERS)}"
    else:
        hint = expected
    return [Problem(relative(entry, root), 1, 1, "", f"Die Endung '{entry.suffix or '(keine)'}' passt nicht in {folder}/", hint)]


def _files_below(folder: Path) -> list[Path]:
    """Files and symlinks below ``folder``, without following any link."""
    found = []
    for directory, folders, files in os.walk(folder, followlinks=False):
        here = Path(directory)
        # os.walk lists a link to a folder among the folders and does not enter it: report it as an entry.
        found += [here / name for name in files + [f for f in folders if (here / f).is_symlink()]]
    return sorted(path for path in found if not path.name.startswith("."))
