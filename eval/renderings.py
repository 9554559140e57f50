"""The shipped papers' English renderings (``index/data/translations.jsonl``), made again by a local model.

Each passage is rendered as ``policyqa index render-english`` renders an added paper's, told the English
names the glossary gives its terms, with one difference: a paper's passages are told only the names the
glossary has for terms some other paper uses too. The entries only that paper uses are the ones the
leave-one-paper-out evaluation (``eval.lopo``) drops, so the renderings it searches stay what a paper
nobody curated would get.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from eval.lopo import paper_texts, without_paper
from index import Glossary, read_translations
from qa.service import QAService
from qa.translators.passages import PassageRenderer, passage_names, render_missing


def render_papers(
    passages: Iterable[tuple[str, str]],
    texts: Mapping[str, str],
    glossary: Glossary,
    renderer: PassageRenderer,
    out: Path,
    progress: Callable[[str, int, int], None] | None = None,
) -> tuple[int, list[str]]:
    """Render the (doc_id, text) passages no row of ``out`` covers into ``out`` (appended as each arrives,
    so a stopped run resumes); ``texts`` are the papers' normalised texts (``eval.lopo.paper_texts``), which
    tell the entries only one paper uses. Returns (rendered, messages of the passages the model failed on)."""
    by_paper: dict[str, list[str]] = {}
    for doc_id, text in passages:
        by_paper.setdefault(doc_id, []).append(text)
    done, failed = 0, []
    for doc_id, own in by_paper.items():
        shared, _ = without_paper(glossary, doc_id, texts)

        def render(text: str, shared: Glossary = shared) -> str:
            return renderer.render(text, passage_names(shared, text))

        def report(i: int, n: int, doc_id: str = doc_id) -> None:
            if progress is not None:
                progress(doc_id, i, n)

        rendered, failures = render_missing(own, set(read_translations(out)), out, render, report)
        done += rendered
        failed += [f"{doc_id}: {message}" for message in failures]
    return done, failed


def render_service_papers(
    service: QAService,
    renderer: PassageRenderer,
    out: Path,
    progress: Callable[[str, int, int], None] | None = None,
) -> tuple[int, list[str]]:
    """``render_papers`` over every passage a service has indexed, with the glossary it analyses with."""
    passages = [(p.doc_id, p.text) for p in service.index.iter_passages()]
    glossary = service.index.analyzer.glossary
    return render_papers(passages, paper_texts(service), glossary, renderer, out, progress)
