"""The small markup of paper texts, made into HTML: headings, lists, paragraphs, office placeholders.

Text is escaped before anything is added, so an administrator's text can never inject HTML; only the
PLACEHOLDERS are filled in, with plain strings about the office (never the client).
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from papers.models import PLACEHOLDER_RE, PLACEHOLDERS


def fill(text: str, values: dict[str, str]) -> str:
    """Fill known placeholders; unknown ones stay visible (tests catch a stray ``{{``)."""

    def replace(match):
        name = match.group(1)
        return str(values.get(name, "")) if name in PLACEHOLDERS else match.group(0)

    return PLACEHOLDER_RE.sub(replace, text)


def to_html(body: str, values: dict[str, str]) -> SafeString:
    blocks: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append("<p>" + "<br>".join(paragraph) + "</p>")
            paragraph.clear()
        if items:
            blocks.append("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")
            items.clear()

    for raw in body.replace("\r\n", "\n").split("\n"):
        line = escape(fill(raw.strip(), values))
        if not line:
            flush()
        elif line.startswith("# "):
            flush()
            blocks.append(f"<h2>{line[2:].strip()}</h2>")
        elif line.startswith("- "):
            if paragraph:
                flush()
            items.append(line[2:].strip())
        else:
            if items:
                flush()
            paragraph.append(line)
    flush()
    return mark_safe("\n".join(blocks))  # noqa: S308 - every piece was escaped above


def parse_labels(body: str) -> dict[str, str]:
    labels = {}
    for line in body.splitlines():
        key, sep, text = line.partition(":")
        if sep and key.strip():
            labels[key.strip()] = text.strip()
    return labels
