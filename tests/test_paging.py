"""portal.paging: which items are on which page, the addresses, the pager's window, generated pages."""

from __future__ import annotations

import pytest
import yaml

from portal.paging import Paged, continuation_pages, front_matter, page_count, page_url, window


def test_every_item_is_on_exactly_one_page() -> None:
    for total in (0, 1, 49, 50, 51, 1995):
        paged = Paged(list(range(total)), "quellen/2020/", size=50)
        shown = [item for n in range(1, paged.count + 1) for item in paged.page(n)]
        assert shown == list(range(total))
        assert paged.count == page_count(total, 50) == max(1, -(-total // 50))
    with pytest.raises(IndexError):
        Paged([1, 2, 3], "x/", size=2).page(3)
    with pytest.raises(ValueError, match="positive"):
        page_count(3, 0)


def test_addresses() -> None:
    assert page_url("presse/2019/", 1) == "presse/2019/"
    assert page_url("presse/2019/", 2) == "presse/2019/seite/2/"
    assert page_url("massnahmen/verstrichen/", 3, style="bare") == "massnahmen/verstrichen/3/"
    pager = Paged(list(range(5)), "partner/kammern/", size=2).pager(2)
    assert (pager.previous, pager.next) == ("partner/kammern/", "partner/kammern/seite/3/")
    assert (pager.first_item, pager.last_item, pager.total) == (3, 4, 5)
    assert Paged([], "p/", size=2).pager(1).first_item == 0


@pytest.mark.parametrize(("number", "count", "expected"), [
    (1, 1, [1]),
    (1, 4, [1, 2, 3, 4]),
    (1, 10, [1, 2, 3, None, 10]),
    (5, 10, [1, 2, 3, 4, 5, 6, 7, None, 10]),  # "1 … 3" would hide one page: it is shown
    (17, 40, [1, None, 15, 16, 17, 18, 19, None, 40]),
    (40, 40, [1, None, 38, 39, 40]),
])
def test_window_is_bounded(number: int, count: int, expected: list[int | None]) -> None:
    assert window(number, count) == expected
    assert len(window(number, 10_000)) <= 9


def test_generated_pages_have_titles_and_front_matter_yaml_reads() -> None:
    paged = Paged(list(range(5)), "presse/2019/", size=2)
    pages = continuation_pages(paged, "press.html", "Presse 2019", {"listing": "presse", "group": '2019 "x"'})
    assert sorted(pages) == ["presse/2019/seite/2/index.md", "presse/2019/seite/3/index.md"]
    meta = yaml.safe_load(pages["presse/2019/seite/3/index.md"].split("---")[1])
    assert meta == {"template": "press.html", "title": "Presse 2019 – Seite 3 von 3", "listing": "presse",
                    "group": '2019 "x"', "page": 3}
    with_first = continuation_pages(paged, "press.html", "Presse 2019", {}, with_first=True)
    assert yaml.safe_load(with_first["presse/2019/index.md"].split("---")[1])["title"] == "Presse 2019"
    odd = {"title": "a: b # c\n- d", "n": 2, "none": None, "list": ["x", "ü"]}
    assert yaml.safe_load(front_matter(odd).split("---")[1]) == odd
