"""Structure on small hand-written papers that carry the same extraction marks as the real ones."""

from corpus.structure import structure

PAPER = """
資料文件

立法會工商事務委員會

目的

本文件向委員簡介於2009年11月30日舉行的深港
合作會議的主要情況。

背景

2.   港深兩地的緊密聯繫始於1978年的「改革開放」，
至今已建立了非常廣泛的合作基礎。

3.   雙方更在2004年設立深港合作會議，以鞏固多個合作項
目上取得的成果1。
{rule}
1  不包括港幣 7,065 億元由內地經香港轉口回內地的貨額。
 - 2 -
前海地區發展

4.   雙方在會議上回顧了過去數月的工作進度。

政制及內地事務局
二零零九年十二月
""".format(rule=" " * 49)


def _texts(result, kind=None):
    return [(b.paragraph, result.text[b.start : b.end]) for b in result.blocks if kind in (None, b.kind)]


def test_numbered_paragraphs_headings_and_footnotes():
    result = structure(PAPER)
    assert _texts(result, "paragraph") == [
        ("1", "本文件向委員簡介於2009年11月30日舉行的深港合作會議的主要情況。"),
        ("2", "2. 港深兩地的緊密聯繫始於1978年的「改革開放」，至今已建立了非常廣泛的合作基礎。"),
        ("3", "3. 雙方更在2004年設立深港合作會議，以鞏固多個合作項目上取得的成果1。"),
        ("4", "4. 雙方在會議上回顧了過去數月的工作進度。"),
    ]
    assert _texts(result, "footnote") == [("fn1", "1不包括港幣7,065億元由內地經香港轉口回內地的貨額。")]
    headings = [t for _, t in _texts(result, "heading")]
    assert headings == [
        "資料文件",
        "立法會工商事務委員會",
        "目的",
        "背景",
        "前海地區發展",
        "政制及內地事務局",
        "二零零九年十二月",
    ]


def test_pages_from_printed_numbers_and_heading_context():
    result = structure(PAPER)
    by_para = {b.paragraph: b for b in result.blocks if b.kind == "paragraph"}
    assert by_para["2"].page == 1
    assert by_para["4"].page == 2
    assert by_para["4"].heading == "前海地區發展"


def test_pdf_page_breaks_give_exact_pages():
    result = structure("目的\n\n本文旨在說明。\n\f2.  第二段。\n\f3.  第三段。")
    pages = {b.paragraph: b.page for b in result.blocks if b.kind == "paragraph"}
    assert pages == {"1": 1, "2": 2, "3": 3}


def test_annex_and_chinese_numbered_items():
    raw = "\n".join(
        [
            "2.  正文第二段。",
            "附件一",
            "金融合作",
            "金融合作方面，已有4家香港銀行。",
            "2.  人民幣業務方面，進展理想。",
            " 實施《框架協議》2011 年重點工作",
            "一、跨界基礎設施",
            "（一）加快推進港珠澳大橋主體工程建設。",
            "附件二",
            "（二）深化金融合作。",
            "1.繼續推動粵港跨境人民幣結算業務。",
        ]
    )
    result = structure(raw)
    labelled = [(b.annex, b.paragraph) for b in result.blocks if b.kind == "paragraph"]
    assert labelled == [
        (None, "2"),
        ("附件一", "1"),
        ("附件一", "2"),
        ("附件二", "一(一)"),
        ("附件二", "一(二)"),
        ("附件二", "一(二)1"),
    ]
    title = next(b for b in result.blocks if result.text[b.start : b.end].startswith("實施"))
    assert title.annex == "附件二"


def test_offsets_index_the_cleaned_text():
    result = structure(PAPER)
    for block in result.blocks:
        assert result.text[block.start : block.end].strip() == result.text[block.start : block.end]
        assert block.end > block.start
