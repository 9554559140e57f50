"""Names the papers pair with English themselves, found at index time."""

from corpus.models import Document, PaperMeta
from index.glossary import Entry
from index.mining import chinese_name, mine_terms


def _doc(text):
    return Document(PaperMeta("p", "p.txt", "p", "p", None, None, None, (), (), "2011-03"), text)


def test_titles_names_and_acronyms_in_parentheses():
    papers = [
        _doc("雙方簽署《內地與香港關於建立更緊密經貿關係的安排》(CEPA)。"),
        _doc("推動《內地與香港關於建立更緊密經貿關係的安排》（CEPA）及繼續開展無線射頻設別（RFID）試點。"),
        _doc("設立粵港合作聯席會議（Joint Conference）；見第(ii)段。"),
    ]
    assert mine_terms(papers) == [
        Entry(("CEPA",), ("內地與香港關於建立更緊密經貿關係的安排",), "mined"),
        Entry(("RFID",), ("無線射頻設別",), "mined"),
        Entry(("Joint Conference",), ("粵港合作聯席會議",), "mined"),
    ]


def test_an_acronym_needs_a_name_as_long_as_itself():
    assert chinese_name("推動港股", "ETFS") is None
    assert chinese_name("採用替代性爭議解決方式", "ADR") == "替代性爭議解決方式"
