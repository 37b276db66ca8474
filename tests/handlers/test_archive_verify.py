"""`verify_package` on corrupted packages: every kind of damage fails, and names the file it is in."""

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from bot.services import Services
from handlers.archive.verify import Problem, verify_package
from tests.handlers.archive_world import export, heby_year, write

MINUTES = "representations/rep1/data/minnesanteckningar/2026-03-10-mote-1.md"
REP_METS = "representations/rep1/METS.xml"
Change = Callable[[dict[str, bytes]], None]


@pytest.fixture
def package(services: Services, tmp_path: Path) -> tuple[Path, str]:
    """Heby's 2026 package as a zip file, and its root folder."""
    heby_year(services)
    made = export(services)
    path = write(made, tmp_path)
    assert verify_package(path) == []
    return path, made.objid


def rewritten(package: tuple[Path, str], change: Change, *, root: str = "") -> Path:
    """A copy of the package with its files (by path under the root folder) changed by the function."""
    path, objid = package
    with zipfile.ZipFile(path) as archive:
        files = {n.removeprefix(f"{objid}/"): archive.read(n) for n in archive.namelist()}
    change(files)
    copy = path.with_name("changed.zip")
    with zipfile.ZipFile(copy, "w") as archive:
        for name, content in files.items():
            archive.writestr(f"{root or objid}/{name}", content)
    return copy


def _flip_a_byte(files: dict[str, bytes]) -> None:
    content = bytearray(files[MINUTES])
    content[20] ^= 0x01
    files[MINUTES] = bytes(content)


def _mets_without(attribute: str) -> Change:
    def change(files: dict[str, bytes]) -> None:
        document = etree.fromstring(files["METS.xml"])
        del document.attrib[attribute]
        files["METS.xml"] = etree.tostring(document, xml_declaration=True, encoding="UTF-8")

    return change


def _mets_with_unknown_element(files: dict[str, bytes]) -> None:
    document = etree.fromstring(files[REP_METS])
    etree.SubElement(document, "{http://www.loc.gov/METS/}notInMets")
    files[REP_METS] = etree.tostring(document, xml_declaration=True, encoding="UTF-8")


def _with_an_entity(files: dict[str, bytes]) -> None:
    declaration, rest = files["METS.xml"].split(b"?>", 1)
    doctype = b'<!DOCTYPE mets [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    files["METS.xml"] = declaration + b"?>" + doctype + rest.replace(b"<name>Heby</name>", b"<name>&secret;</name>")


CORRUPTIONS: dict[str, tuple[Change, list[Problem]]] = {
    "a changed byte": (_flip_a_byte, [Problem("checksum", MINUTES)]),
    "a byte more": (lambda files: files.update({MINUTES: files[MINUTES] + b"x"}), [Problem("size", MINUTES)]),
    "a missing file": (lambda files: files.pop(MINUTES), [Problem("missing", MINUTES)]),
    "an extra file": (lambda files: files.update({"representations/rep1/data/x.txt": b"x"}), []),
    "broken METS": (lambda files: files.update({"METS.xml": files["METS.xml"][:-40]}), []),
    "no PROFILE": (_mets_without("PROFILE"), [Problem("csip", "METS.xml", "CSIP6")]),
    "not METS": (_mets_with_unknown_element, []),
    "an entity": (_with_an_entity, [Problem("doctype", "METS.xml")]),
}


@pytest.mark.parametrize("damage", CORRUPTIONS)
def test_a_corrupted_package_fails_naming_the_file(package: tuple[Path, str], damage: str) -> None:
    change, expected = CORRUPTIONS[damage]
    problems = verify_package(rewritten(package, change))
    assert problems, f"{damage} passed"
    if expected:
        assert problems == expected
    elif damage == "an extra file":
        assert problems == [Problem("extra", "representations/rep1/data/x.txt")]
    elif damage == "broken METS":
        assert [(p.what, p.file) for p in problems] == [("broken_xml", "METS.xml")]
    else:  # the representation's METS changed: its size in the package's METS, and the schema, both fail
        assert [(p.what, p.file) for p in problems] == [("size", REP_METS), ("invalid", REP_METS)]
        assert "notInMets" in problems[1].detail


def test_a_package_without_one_root_folder_or_no_zip_at_all_fails(package: tuple[Path, str], tmp_path: Path) -> None:
    path, objid = package
    flat = tmp_path / "flat.zip"
    with zipfile.ZipFile(path) as archive, zipfile.ZipFile(flat, "w") as out:
        for name in archive.namelist():
            out.writestr(name.removeprefix(f"{objid}/"), archive.read(name))
    assert verify_package(flat) == [Problem("no_root", "flat.zip")]
    (tmp_path / "not.zip").write_bytes(b"PK but not really")
    assert verify_package(tmp_path / "not.zip") == [Problem("not_zip", "not.zip")]


def test_a_renamed_root_folder_and_a_path_out_of_the_package_fail(package: tuple[Path, str]) -> None:
    renamed = verify_package(rewritten(package, lambda files: None, root="annat-namn"))
    assert renamed == [Problem("root_name", "METS.xml", "annat-namn")]

    def escape(files: dict[str, bytes]) -> None:
        files[REP_METS] = files[REP_METS].replace(b'href="data/narvaro/', b'href="../../../narvaro/')

    problems = verify_package(rewritten(package, escape))
    assert Problem("bad_path", "../../../narvaro/narvaro-2026.csv") in problems
    assert Problem("extra", "representations/rep1/data/narvaro/narvaro-2026.csv") in problems
