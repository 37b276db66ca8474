"""The archive package of a group's year: what it holds, its METS against the schema, and its own check."""

import csv
import hashlib
import io
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from docx import Document
from lxml import etree

from bot.services import Services
from handlers.archive.kinds import RECORD_KINDS
from handlers.archive.records import ArchiveYear
from handlers.archive.schema import METS_NS, XLINK_NS, mets_schema, safe_parser
from handlers.archive.verify import verify_package
from handlers.errors import DomainError
from tests.handlers.archive_world import FIRST_MEETING, MINUTES, export, heby_year, write
from tests.handlers.test_plan_helpers import ANNA, command

NS = {"m": METS_NS, "xlink": XLINK_NS}


def _read(path: Path, objid: str) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n.removeprefix(f"{objid}/"): archive.read(n) for n in archive.namelist()}


def _rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_a_years_package_holds_every_kind_of_record_and_passes_its_own_check(
    services: Services, tmp_path: Path
) -> None:
    heby_year(services)
    package = export(services)
    path = write(package, tmp_path)
    assert verify_package(path) == []
    files = _read(path, package.objid)
    assert package.objid == "lokus-heby-2026-t0lokus"
    assert {"METS.xml", "metadata/descriptive/records.csv", "representations/rep1/METS.xml"} <= set(files)
    assert {"schemas/mets.xsd", "schemas/xlink.xsd", "schemas/DILCISExtensionMETS.xsd"} <= set(files)
    kinds = {row["posttyp"] for row in _rows(files["metadata/descriptive/records.csv"])}
    assert kinds == {kind.key for kind in RECORD_KINDS}, "one file or more of every kind"
    assert package.counts["plan"] == 2 and package.counts["minutes"] == 1
    assert package.counts["meeting_announcement"] == 2 and package.counts["published_summary"] == 1


def test_both_mets_documents_validate_against_the_mets_schema_and_list_every_file(
    services: Services, tmp_path: Path
) -> None:
    heby_year(services)
    package = export(services)
    files = _read(write(package, tmp_path), package.objid)
    root = etree.fromstring(files["METS.xml"], safe_parser())
    representation = etree.fromstring(files["representations/rep1/METS.xml"], safe_parser())
    for document in (root, representation):
        assert mets_schema().validate(document), mets_schema().error_log
    assert root.get("OBJID") == package.objid and root.get("PROFILE", "").startswith("https://earkcsip")
    listed = representation.xpath("//m:file", namespaces=NS)
    data = sorted(n for n in files if n.startswith("representations/rep1/data/"))
    hrefs = sorted("representations/rep1/" + f.find("m:FLocat", NS).get(f"{{{XLINK_NS}}}href") for f in listed)
    assert hrefs == data
    for file in listed:
        content = files["representations/rep1/" + file.find("m:FLocat", NS).get(f"{{{XLINK_NS}}}href")]
        assert file.get("CHECKSUMTYPE") == "SHA-256" and file.get("CHECKSUM") == hashlib.sha256(content).hexdigest()
        assert file.get("USE") in {kind.key for kind in RECORD_KINDS} and file.get("MIMETYPE")
    logical = representation.xpath("//m:structMap[@TYPE='LOGICAL']//m:div[@TYPE='minutes'][m:fptr]", namespaces=NS)
    assert [(d.get("LABEL"), d.get("ORDERLABEL")) for d in logical] == [
        ("Minnesanteckningar, Heby, 10 mars 2026", "2026-03-10")
    ]


def test_the_records_read_as_they_were_kept(services: Services, tmp_path: Path) -> None:
    heby_year(services)
    package = export(services)
    files = _read(write(package, tmp_path), package.objid)
    data = "representations/rep1/data/"
    plan = Document(io.BytesIO(files[f"{data}planer/verksamhetsplan-2026-utkast.docx"]))
    assert "Fungerande samverkan." in [p.text for p in plan.paragraphs]
    day = FIRST_MEETING.date().isoformat()
    minutes = files[f"{data}minnesanteckningar/{day}-mote-1.md"].decode()
    assert MINUTES in minutes and "- **Skrivna av:** @UANNA" in minutes
    announcement = files[f"{data}kallelser/{day}-mote-1.md"].decode()
    assert "@UBERTIL kommer" in announcement and "**Dagordning**" in announcement
    summary = next(v.decode() for k, v in files.items() if k.startswith(f"{data}sammanfattningar/"))
    assert summary.startswith("# Lots-ärenden – Heby") and "**Färre än 3** lots-ärenden" in summary
    assert "Publicerad i gruppens kanal 23 november 2026 på begäran" in summary
    cases = _rows(files[f"{data}lots-arenden/lots-arenden-2026.csv"])
    assert [c["datum"] for c in cases] == ["2026-02-03", "2026-05-06"], "the case of 2025 is not in 2026"
    audit = _rows(files[f"{data}granskningslogg/granskningslogg-2026.csv"])
    assert {"plan.start", "member.set", "group.link"} <= {row["handelse"] for row in audit}


def test_another_groups_records_stay_out(services: Services, tmp_path: Path) -> None:
    heby_year(services)
    command(services, ANNA, "koppla Knivsta", channel="CKNIVSTA")
    command(services, ANNA, "plan ny verksamhetsplan 2026", channel="CKNIVSTA")
    package = export(services)
    files = _read(write(package, tmp_path), package.objid)
    assert not any(b"Knivsta" in content for name, content in files.items() if not name.endswith(".xsd"))


def test_a_year_with_nothing_is_refused(services: Services) -> None:
    heby_year(services)
    with pytest.raises(DomainError) as refused:
        export(services, year=2024)
    assert refused.value.text.key == "archive.empty"


def test_only_a_summary_posted_in_the_channel_is_kept(services: Services) -> None:
    heby_year(services)
    from tests.handlers.test_plan_helpers import dm

    dm(services, ANNA, "sammanfattning Heby i år")
    assert export(services).counts["published_summary"] == 1, "a private summary is not published"


def test_the_year_is_the_local_calendar_year() -> None:
    year = ArchiveYear(2026, ZoneInfo("Europe/Stockholm"))
    assert year.start == datetime(2025, 12, 31, 23, 0, tzinfo=UTC)
    assert year.end == datetime(2026, 12, 31, 23, 0, tzinfo=UTC)
    assert year.holds(date(2026, 12, 31)) and not year.holds(date(2027, 1, 1))


def test_the_insatser_are_in_the_package_as_their_decision_and_reports(services: Services, tmp_path: Path) -> None:
    """The decision as the Word document the förbund signs, the answered delrapport as Markdown."""
    heby_year(services)
    package = export(services)
    path = write(package, tmp_path)
    assert verify_package(path) == []
    assert package.counts["insats_decision"] == 1 and package.counts["insats_report"] == 1
    files = _read(path, package.objid)
    [decision] = [n for n in files if n.startswith("representations/rep1/data/insatsbeslut/")]
    assert decision.endswith("2026-02-12-beslut-1-lokussamordnare-heby.docx")
    text = "\n".join(p.text for p in Document(io.BytesIO(files[decision])).paragraphs).replace("\u00a0", " ")
    assert "Lokussamordnare Heby" in text and "120 000 kr" in text
    [report] = [n for n in files if n.startswith("representations/rep1/data/insatsrapporter/")]
    assert "Delrapport" in files[report].decode() and "Två möten hölls." in files[report].decode()
    representation = etree.fromstring(files["representations/rep1/METS.xml"], safe_parser())
    [kind] = representation.xpath("//m:div[@TYPE='insats_decision'][not(m:fptr)]", namespaces=NS)
    assert kind.get("LABEL") == "Beslut om insatser"
