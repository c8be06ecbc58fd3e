"""The translation files: complete, valid, and one English word never carries two meanings without a context.

These read the source and the .po files; they need no database.
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["ru", "kk", "en"]
SOURCE_DIRS = ["accounts", "audit", "cases", "clients", "memorandum", "reference", "reports", "ariptes", "templates"]


def po_path(language: str) -> Path:
    return ROOT / "locale" / language / "LC_MESSAGES" / "django.po"


def _unquote(lines: list[str]) -> str:
    text = "".join(line[1:-1] for line in lines)
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def po_entries(language: str) -> dict[tuple[str | None, str], dict]:
    """(context, msgid) → {"msgstr": [...], "fuzzy": bool} for every entry of the language's file."""
    entries = {}
    for block in po_path(language).read_text(encoding="utf-8").split("\n\n"):
        parts: dict[str, list[str]] = {}
        current = None
        fuzzy = False
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$', line)
            if match:
                current = match.group(1)
                parts[current] = [match.group(2)]
            elif line.startswith('"') and current:
                parts[current].append(line)
        if "msgid" not in parts:
            continue
        msgid = _unquote(parts["msgid"])
        if msgid == "":
            continue  # the header
        context = _unquote(parts["msgctxt"]) if "msgctxt" in parts else None
        msgstrs = [_unquote(value) for key, value in sorted(parts.items()) if key.startswith("msgstr")]
        entries[(context, msgid)] = {"msgstr": msgstrs, "fuzzy": fuzzy}
    return entries


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
@pytest.mark.parametrize("language", LANGUAGES)
def test_msgfmt_check_is_clean_with_no_fuzzy_or_untranslated_entry(language):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po_path(language))],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "fuzzy" not in result.stderr and "untranslated" not in result.stderr, result.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_entry_is_fuzzy_or_empty(language):
    bad = [key for key, entry in po_entries(language).items() if entry["fuzzy"] or not all(entry["msgstr"])]

    assert bad == []


# --- what the source asks gettext for -------------------------------------------------------------

_STRING = r'"((?:[^"\\]|\\.)*)"|\'((?:[^\'\\]|\\.)*)\''
PY_CALLS = re.compile(
    r"\b(?:_|gettext|gettext_lazy|pgettext|pgettext_lazy)\(\s*(?:(?:"
    + _STRING
    + r")\s*,\s*)?(?:"
    + _STRING
    + r")\s*[,)]"
)
PGETTEXT_CALL = re.compile(r"\bpgettext(?:_lazy)?\(")
TEMPLATE_TRANSLATE = re.compile(
    r"{%\s*(?:translate|trans)\s+(?:" + _STRING + r")(?:\s+context\s+(?:" + _STRING + r"))?[^%]*%}"
)
BLOCK = re.compile(r"{%\s*blocktrans(?:late)?(?P<args>[^%]*)%}(?P<body>.*?){%\s*endblocktrans(?:late)?\s*%}", re.S)


def _first(*groups):
    return next((g for g in groups if g is not None), None)


def source_files():
    for directory in SOURCE_DIRS:
        for path in (ROOT / directory).rglob("*"):
            if path.suffix in (".py", ".html") and "migrations" not in path.parts and "letter" not in path.parts:
                yield path


def used_msgids() -> list[tuple[str | None, str, str]]:
    """(context, msgid, where) for every gettext call and translate tag with a literal string."""
    used = []
    for path in source_files():
        text = path.read_text(encoding="utf-8")
        where = str(path.relative_to(ROOT))
        if path.suffix == ".py":
            for match in PY_CALLS.finditer(text):
                is_p = PGETTEXT_CALL.match(text, match.start())
                first, second = _first(match.group(1), match.group(2)), _first(match.group(3), match.group(4))
                if first is not None and not is_p:
                    continue  # a call with two strings that is not pgettext (e.g. ngettext): not ours
                context = first if is_p else None
                used.append((context, second.encode().decode("unicode_escape") if "\\" in second else second, where))
        else:
            for match in TEMPLATE_TRANSLATE.finditer(text):
                msgid = _first(match.group(1), match.group(2))
                context = _first(match.group(3), match.group(4))
                used.append((context, msgid, where))
            for match in BLOCK.finditer(text):
                args, body = match.group("args"), match.group("body")
                if "{% plural %}" in body or "count " in args:
                    continue  # plural forms: checked by msgfmt
                context = re.search(r'context\s+"([^"]+)"', args)
                if "trimmed" in args:
                    body = " ".join(body.split())
                msgid = re.sub(r"{{\s*(\w+)\s*}}", r"%(\1)s", body)
                used.append((context.group(1) if context else None, msgid, where))
    return used


def test_the_source_scan_finds_the_strings_it_should():
    used = {(context, msgid) for context, msgid, _where in used_msgids()}

    assert (None, "Log out") in used
    assert ("referral addressee", "to %(partner)s") in used
    assert ("person", "name") in used
    assert len(used) > 500


@pytest.mark.parametrize("language", ["kk", "en", "ru"])
def test_every_string_of_the_templates_and_code_is_translated(language):
    entries = po_entries(language)
    missing = sorted(
        {
            f"{where}: {context or ''}|{msgid}"
            for context, msgid, where in used_msgids()
            if (context, msgid) not in entries
        }
    )

    assert missing == []


# --- one English word, several meanings (issue 19) --------------------------------------------------

# msgid → the files where it may appear WITHOUT a context (its first meaning: a state, an event, a thing's
# name). Anywhere else it carries another meaning and must be written with pgettext / context "…".
CONTEXT_FREE_USES = {
    "to": set(),
    "from": set(),
    "name": {"accounts/models.py", "cases/models.py", "memorandum/models.py", "reference/models.py"},
    "created": {"audit/templatetags/audit_tags.py"},
    "Opened": {"cases/models.py"},
    "Closed": {"cases/models.py"},
    "Sent": {"memorandum/models.py"},
    "Done": set(),
    "Not done": set(),
    "Accepted": {"memorandum/models.py"},
    "Completed": {"memorandum/models.py"},
    "Draft": {"memorandum/models.py"},
}


def test_a_word_with_two_meanings_is_used_without_a_context_only_in_its_first_meaning():
    wrong = sorted(
        f"{where}: {msgid!r}"
        for context, msgid, where in used_msgids()
        if msgid in CONTEXT_FREE_USES and context is None and where not in CONTEXT_FREE_USES[msgid]
    )

    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_context_of_those_words_is_translated(language):
    entries = po_entries(language)
    contexts = {(context, msgid) for context, msgid, _where in used_msgids() if msgid in CONTEXT_FREE_USES}

    assert {key for key in contexts if key not in entries} == set()


def test_the_kazakh_words_of_the_glossary_are_used():
    kk = po_entries("kk")

    assert kk[(None, "Draft")]["msgstr"] == ["Нобай"]  # «Жоба» is a project
    assert kk[(None, "Outcome")]["msgstr"] == ["Қорытынды"]  # «Нәтиже» is a result
    assert kk[("new state", "to")]["msgstr"] == ["жаңа күйі"]
    assert kk[("referral addressee", "to %(partner)s")]["msgstr"] == ["алушы: %(partner)s"]
    glossary = (ROOT / "locale" / "GLOSSARY.md").read_text(encoding="utf-8")
    assert "нобай" in glossary and "confirmed" in glossary
