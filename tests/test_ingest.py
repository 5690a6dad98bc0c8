"""Ingestion from the real web: files, URLs (a local server), stdin, encodings, boilerplate, bad input."""

from __future__ import annotations

import gzip
import json
import os
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import EXAMPLES, SEED, need_shared
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import EmptyInput, InputError, InputTooLarge, UnsupportedInput
from kg.ingest import Article, read_inputs

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
KOREAN = "똠방마을 주민 샾 씨가 3일 축제에 참석했다. 마을회가 축제를 주최했다."
runner = CliRunner()


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


# -- encodings ----------------------------------------------------------------
@pytest.mark.parametrize("codec, recorded", [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"),
                                             ("cp949", "cp949")])
def test_text_file_encodings(tmp_path, codec, recorded):
    path = tmp_path / "기사.txt"
    path.write_bytes(KOREAN.encode(codec))
    article = only(read_inputs([path]))
    assert isinstance(article, Article)
    assert article.text == KOREAN and "똠" in article.text and "샾" in article.text
    assert article.encoding == recorded


def test_euckr_page_is_read_as_cp949_and_scripts_stay_out():
    article = only(read_inputs([FIXTURES / "euckr_page.html"]))
    assert article.encoding == "cp949"
    assert "똠방마을" in article.text and "샾 축제" in article.text
    assert (article.title, article.date, article.author) == ("똠방각하 마을 샾 축제 열려", "2021-10-03", "한가람")
    for hidden in ("김비밀", "이숨김", "박감춤", "최스타일", "정몰래", "Copyright", "정치"):
        assert hidden not in article.text


def test_script_text_never_becomes_article_text():
    article = only(read_inputs([FIXTURES / "script_names.html"]))
    assert "중앙도서관" in article.text and "서하나" in article.text
    for hidden in ("김숨은", "이가린", "박보이지", "최안보임", "장몰래", "한추적", "윤댓글", "trackView", "alert"):
        assert hidden not in article.text


# -- scraped pages --------------------------------------------------------------
def test_scraped_page_fixture_loses_its_boilerplate():
    article = only(read_inputs([FIXTURES / "scraped_page.txt"]))
    assert (article.date, article.author, article.publisher) == ("2023-04-11", "윤서진", "한빛일보")
    assert article.title.startswith("한빛일보 로봇 스타트업")
    lines = article.text.splitlines()
    caption = [line for line in lines if "소개하고 있다" in line]
    assert len(caption) == 1 and "[사진" not in caption[0]  # one copy, no credit: captions carry facts
    for chrome in ("전체메뉴", "로그인", "회원가입", "공유합니다", "페이스북", "URL복사", "댓글", "등록번호", "발행인",
                   "저작권법", "Copyright", "UPDATED"):
        assert chrome not in article.text, chrome
    assert "주최했으며" in article.text and lines[-1].endswith("들어갈 수 있다.")


def test_seed_page_metadata_and_boilerplate():
    need_shared(SEED)
    article = only(read_inputs([SEED]))
    assert (article.date, article.author, article.publisher, article.encoding) == (
        "2022-09-19", "최아름", "정보통신신문", "utf-8")
    assert article.title and "이종호" in article.title
    lines = [line for line in article.text.splitlines() if line]
    assert len(lines) == len(set(lines))  # repeated captions and headlines: one copy each
    assert not re.search(r"\[사진|댓글|등록번호|저작권|Copyright|기사를 공유", article.text)
    assert "간담회" in article.text and len(article.text) > 800


# -- JSONL and standard input ---------------------------------------------------------
def test_jsonl_records_good_bad_and_html():
    items = list(read_inputs([FIXTURES / "records.jsonl"]))
    good = {a.id: a for a in items if isinstance(a, Article)}
    bad = {e.source.rsplit(":", 1)[1]: e.reason for e in items if isinstance(e, InputError)}
    assert set(good) == {"rec-1", "rec-2", "rec-6"}
    assert good["rec-1"].url == "https://news.example/rec-1" and good["rec-1"].date == "2020-05-04"
    assert "천문대" in good["rec-2"].text and "숨은이름" not in good["rec-2"].text
    assert set(bad) == {"3", "4", "5", "7"}
    assert bad["3"].startswith("malformed JSON") and "object" in bad["4"] and "no text" in bad["5"]


def test_stdin_text_html_and_jsonl():
    import io

    text = only(read_inputs(["-"], stdin=io.BytesIO(KOREAN.encode("cp949"))))
    assert text.source == "-" and text.text == KOREAN and text.encoding == "cp949"
    html = only(read_inputs(["-"], stdin=io.BytesIO((FIXTURES / "script_names.html").read_bytes())))
    assert "김숨은" not in html.text and html.title == "누리시 중앙도서관 개관"
    recs = list(read_inputs(["-"], stdin=io.BytesIO((FIXTURES / "records.jsonl").read_bytes())))
    assert sum(isinstance(r, Article) for r in recs) == 3


def test_cli_build_reads_stdin(tmp_path):
    result = runner.invoke(app, ["build", "-", "--store", str(tmp_path / "s"), "--rdf", "", "--html", ""],
                           input=KOREAN.encode("utf8"))
    assert result.exit_code == 0, result.output
    assert "articles: 1 built" in result.output


# -- bad input ------------------------------------------------------------------
def bad_inputs(d: Path) -> dict[str, type]:
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text(" \n\t\u3000\n", encoding="utf8")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / "packed.txt").write_bytes(gzip.compress(KOREAN.encode("utf8")))
    (d / "packed.jsonl").write_bytes(gzip.compress(b'{"text": "x"}\n'))
    with open(d / "huge.txt", "wb") as fh:  # sparse: 21 MB on paper, nothing on disk
        fh.truncate(21 * 1024 * 1024)
    with open(d / "huge.html", "wb") as fh:
        fh.truncate(25 * 1024 * 1024)
    (d / "nothing.html").write_text("<html><head><script>var a='김철수';</script></head><body></body></html>", "utf8")
    return {"empty.txt": EmptyInput, "blank.txt": EmptyInput, "binary.txt": UnsupportedInput,
            "packed.txt": UnsupportedInput, "packed.jsonl": UnsupportedInput, "huge.txt": InputTooLarge,
            "huge.html": InputTooLarge, "nothing.html": EmptyInput}


def test_each_bad_input_is_one_typed_error(tmp_path):
    expected = bad_inputs(tmp_path)
    items = list(read_inputs([tmp_path]))
    assert all(isinstance(i, InputError) for i in items), items
    got = {Path(i.source).name: type(i) for i in items}
    assert got == expected
    assert "gzip" in next(i.reason for i in items if i.source.endswith("packed.txt"))
    assert "cap" in next(i.reason for i in items if i.source.endswith("huge.txt"))


def test_cli_batch_goes_on_and_only_good_articles_land(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    expected = bad_inputs(d)
    good = sorted(EXAMPLES.joinpath("articles").glob("*.txt"))[:2]
    for path in good:
        (d / path.name).write_bytes(path.read_bytes())
    (d / "copy.txt").write_bytes(good[0].read_bytes())  # a duplicate article
    (d / "recs.jsonl").write_bytes(b'{"id": "j1", "text": "' + KOREAN.encode("utf8") + b'"}\n{oops\n')
    store, dump = tmp_path / "store", tmp_path / "graph.nq"
    result = runner.invoke(app, ["build", str(d), "--store", str(store), "--rdf", str(dump), "--html", ""])
    assert result.exit_code == 1, result.output
    failed = [line for line in result.output.splitlines() if line.startswith("failed:")]
    names = sorted(expected) + ["copy.txt", "recs.jsonl:2"]
    assert len(failed) == len(names), failed
    for name in names:
        assert sum(name in line for line in failed) == 1, (name, failed)
    assert any("duplicate of" in line and "copy.txt" in line for line in failed)
    import pyoxigraph as ox

    # The dump is the whole store: only the good articles are in it.
    quads = list(ox.parse(path=str(dump), format=ox.RdfFormat.N_QUADS))
    graphs = sorted({q.graph_name.value.rsplit("/", 1)[1] for q in quads if q.object.value == "https://schema.org/NewsArticle"})
    assert graphs == sorted([p.stem for p in good] + ["j1"])


# -- URLs against a local server -------------------------------------------------------
PAGE = f"<html><head><title>마을 축제</title></head><body><article><p>{KOREAN}</p><p>{KOREAN[:20]}</p></article></body></html>"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # quiet
        pass

    def send(self, status, body=b"", ctype="text/html", **headers):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        if "Content_Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        p = self.path
        if p == "/utf8":
            self.send(200, PAGE.encode("utf8"), "text/html; charset=utf-8")
        elif p == "/lies-utf8":  # says UTF-8, is CP949
            self.send(200, PAGE.encode("cp949"), "text/html; charset=utf-8")
        elif p == "/lies-euckr":  # says EUC-KR, is UTF-8
            self.send(200, PAGE.encode("utf8"), "text/html; charset=euc-kr")
        elif p == "/meta":  # no header charset: the page's <meta> decides
            self.send(200, (FIXTURES / "euckr_page.html").read_bytes(), "text/html")
        elif p == "/plain":
            self.send(200, KOREAN.encode("cp949"), "text/plain; charset=ks_c_5601-1987")
        elif p == "/moved":
            self.send(302, Location="/utf8")
        elif p.startswith("/loop"):
            self.send(302, Location=f"/loop{len(p)}")
        elif p == "/missing":
            self.send(404, b"no")
        elif p == "/pdf":
            self.send(200, b"%PDF-1.4 ...", "application/pdf")
        elif p == "/gz":
            self.send(200, gzip.compress(PAGE.encode("utf8")), "application/octet-stream")
        elif p == "/declared-huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(10**9))
            self.end_headers()
        elif p == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(10_000):
                    self.wfile.write(b"<p>" + "끝없는 글 ".encode() * 100 + b"</p>")
            except OSError:
                pass
        elif p == "/slow":
            time.sleep(3)
            try:
                self.send(200, PAGE.encode("utf8"))
            except OSError:
                pass
        else:
            self.send(404)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("path, encoding", [("/utf8", "utf-8"), ("/lies-utf8", "cp949"), ("/lies-euckr", "utf-8"),
                                            ("/plain", "cp949")])
def test_url_encodings_even_when_the_header_lies(server, path, encoding):
    article = only(read_inputs([server + path]))
    assert isinstance(article, Article), article
    assert article.encoding == encoding
    assert KOREAN in article.text and article.url == server + path and article.source == server + path


def test_url_meta_charset_and_redirect(server):
    meta = only(read_inputs([server + "/meta"]))
    assert meta.encoding == "cp949" and "똠방마을" in meta.text and "김비밀" not in meta.text
    moved = only(read_inputs([server + "/moved"]))
    assert moved.url == server + "/utf8" and KOREAN in moved.text


@pytest.mark.parametrize("path, kind, words", [
    ("/loop", InputError, "too many redirects"), ("/missing", InputError, "HTTP 404"),
    ("/pdf", UnsupportedInput, "application/pdf"), ("/gz", UnsupportedInput, "gzip"),
    ("/declared-huge", InputTooLarge, "cap"), ("/endless", InputTooLarge, "cap"),
])
def test_url_failures_are_one_clear_error(server, path, kind, words):
    err = only(read_inputs([server + path], max_bytes=256 * 1024, max_redirects=3))
    assert type(err) is kind and words in err.reason and err.source == server + path


def test_url_timeout(server):
    started = time.perf_counter()
    err = only(read_inputs([server + "/slow"], timeout=0.5))
    assert isinstance(err, InputError) and "timed out" in err.reason
    assert time.perf_counter() - started < 2.5


def test_unreachable_url():
    err = only(read_inputs(["http://127.0.0.1:9/nothing"], timeout=2))
    assert isinstance(err, InputError) and "cannot fetch" in err.reason


def test_article_ids_from_urls_are_stable_and_distinct(server):
    a = only(read_inputs([server + "/utf8"]))
    b = only(read_inputs([server + "/lies-euckr"]))
    assert a.id == only(read_inputs([server + "/utf8"])).id and a.id != b.id


def test_jsonl_gigantic_line_is_one_error(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_bytes(b'{"id": "a", "text": "' + KOREAN.encode("utf8") + b'"}\n' + b"x" * 300_000 + b"\n"
                     + json.dumps({"id": "b", "text": KOREAN + " 끝"}, ensure_ascii=False).encode("utf8") + b"\n")
    items = list(read_inputs([path], max_bytes=100_000))
    assert [type(i).__name__ for i in items] == ["Article", "InputTooLarge", "Article"]
    assert items[1].source.endswith(":2")
    assert os.path.getsize(path) > 300_000
