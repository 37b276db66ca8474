"""`lokusbot archive verify FILE`: a package's structure, METS schema validity, CSIP's required parts, and every
file's size and SHA-256 against its METS. Each problem names the file it is about.

Read as a package from outside: the zip is never unpacked to disk, paths are checked to stay inside the root
folder, and the METS documents are parsed without network or entities.
"""

import hashlib
import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from handlers.archive.schema import CSIP_NS, METS_NS, XLINK_NS, mets_schema, safe_parser

NS = {"m": METS_NS, "xlink": XLINK_NS, "csip": CSIP_NS}
HREF = f"{{{XLINK_NS}}}href"
CSIP_REQUIRED = (
    ("CSIP1", "/m:mets/@OBJID"),
    ("CSIP2", "/m:mets/@TYPE"),
    ("CSIP6", "/m:mets/@PROFILE"),
    ("CSIP117", "/m:mets/m:metsHdr"),
    ("CSIP7", "/m:mets/m:metsHdr/@CREATEDATE"),
    ("CSIP9", "/m:mets/m:metsHdr/@csip:OAISPACKAGETYPE"),
    ("CSIP10", "/m:mets/m:metsHdr/m:agent[@ROLE='CREATOR'][@TYPE='OTHER'][@OTHERTYPE='SOFTWARE']/m:name"),
    ("CSIP16", "/m:mets/m:metsHdr/m:agent[@OTHERTYPE='SOFTWARE']/m:note[@csip:NOTETYPE='SOFTWARE VERSION']"),
    ("CSIP59", "/m:mets/m:fileSec/@ID"),
    ("CSIP80", "/m:mets/m:structMap[@TYPE='PHYSICAL'][@LABEL='CSIP']/m:div/@ID"),
)
CHUNK = 1 << 20
MAX_METS_BYTES = 64 << 20  # a METS document of a year's records is some kilobytes; larger is not read
FILE_ATTRIBUTES = ("ID", "MIMETYPE", "SIZE", "CREATED", "CHECKSUM", "CHECKSUMTYPE")  # CSIP66–72


@dataclass(frozen=True)
class Problem:
    """What is wrong (a catalogue key under archive.verify.) and the file inside the package it is about."""

    what: str
    file: str
    detail: str = ""


@dataclass
class _Reading:
    """The package being read: its entries, and what its METS documents have accounted for so far."""

    archive: zipfile.ZipFile
    root: str
    names: set[str]
    accounted: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    unread: bool = False  # a METS document could not be read, so what it lists is not known
    problems: list[Problem] = field(default_factory=list)

    def inner(self, name: str) -> str:
        """A name as the package reads it, without the root folder."""
        return name.removeprefix(f"{self.root}/")


def verify_package(path: Path) -> list[Problem]:
    """Every problem of the package at the path; none means it is whole."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return [Problem("not_zip", path.name)]
    with archive:
        names = {i.filename for i in archive.infolist() if not i.is_dir()}
        roots = {name.split("/", 1)[0] for name in names}
        if len(roots) != 1 or any("/" not in name for name in names):
            return [Problem("no_root", path.name)]
        reading = _Reading(archive, roots.pop(), names)
        _check_document(reading, f"{reading.root}/METS.xml", is_root=True)
        if not reading.unread:  # else every file the unread document lists would count as extra
            reading.problems += [Problem("extra", reading.inner(n)) for n in sorted(names - reading.accounted)]
        return list(dict.fromkeys(reading.problems))  # a document missing is listed and pointed at: once


def _check_document(reading: _Reading, name: str, *, is_root: bool = False) -> None:
    """One METS document: there, well-formed, valid, CSIP's parts present, and every file it lists whole."""
    if name in reading.documents:  # a pointer back to a document already read
        return
    reading.documents.add(name)
    reading.accounted.add(name)
    if name not in reading.names:
        reading.unread = True
        reading.problems.append(Problem("missing", reading.inner(name)))
        return
    if reading.archive.getinfo(name).file_size > MAX_METS_BYTES:
        reading.unread = True
        reading.problems.append(Problem("too_large", reading.inner(name)))
        return
    try:
        document = etree.fromstring(reading.archive.read(name), safe_parser())
    except etree.XMLSyntaxError as error:
        reading.unread = True
        reading.problems.append(Problem("broken_xml", reading.inner(name), str(error)))
        return
    if document.getroottree().docinfo.internalDTD is not None:  # the bot writes none; entities are never read
        reading.unread = True
        reading.problems.append(Problem("doctype", reading.inner(name)))
        return
    schema = mets_schema()
    if not schema.validate(document):
        reading.unread = True
        reading.problems.append(Problem("invalid", reading.inner(name), str(schema.error_log.last_error)))
        return
    for requirement, xpath in CSIP_REQUIRED:
        if not document.xpath(xpath, namespaces=NS):
            reading.problems.append(Problem("csip", reading.inner(name), requirement))
    if is_root and document.get("OBJID") != reading.root:
        reading.problems.append(Problem("root_name", reading.inner(name), reading.root))
    base = posixpath.dirname(name)
    for element in _listed(document):
        _check_file(reading, base, element)
    for pointer in document.xpath("//m:structMap//m:mptr", namespaces=NS):
        target = _resolve(reading, base, pointer.get(HREF, ""))
        if target:
            _check_document(reading, target)


def _listed(document: etree._Element) -> Iterator[etree._Element]:
    """The elements that describe a file: each <file> (its <FLocat> holds the place) and each <mdRef>."""
    yield from document.xpath("//m:fileSec//m:file | //m:mdRef", namespaces=NS)


def _check_file(reading: _Reading, base: str, element: etree._Element) -> None:
    """A listed file: its attributes, that it is there, its size and its SHA-256."""
    locator = element if element.tag == f"{{{METS_NS}}}mdRef" else element.find("m:FLocat", NS)
    href = locator.get(HREF, "") if locator is not None else ""
    target = _resolve(reading, base, href)
    if not target:
        return
    reading.accounted.add(target)
    attributes = FILE_ATTRIBUTES[1:] if element.tag == f"{{{METS_NS}}}mdRef" else FILE_ATTRIBUTES
    if missing := [a for a in attributes if not element.get(a)]:
        reading.problems.append(Problem("attributes", reading.inner(target), ", ".join(missing)))
        return
    if target not in reading.names:
        reading.problems.append(Problem("missing", reading.inner(target)))
        return
    if element.get("CHECKSUMTYPE") != "SHA-256":
        reading.problems.append(Problem("checksum_type", reading.inner(target), element.get("CHECKSUMTYPE", "")))
    elif str(reading.archive.getinfo(target).file_size) != element.get("SIZE"):
        reading.problems.append(Problem("size", reading.inner(target)))
    elif _sha256(reading.archive, target) != element.get("CHECKSUM", "").lower():
        reading.problems.append(Problem("checksum", reading.inner(target)))


def _sha256(archive: zipfile.ZipFile, name: str) -> str:
    """The SHA-256 of an entry, read in chunks (a file is never held whole)."""
    digest = hashlib.sha256()
    with archive.open(name) as entry:
        while chunk := entry.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _resolve(reading: _Reading, base: str, href: str) -> str:
    """The zip entry an href names, relative to its METS document; "" (with a problem) when it leaves the package."""
    joined = posixpath.normpath(posixpath.join(base, href)) if href else ""
    if not href or href.startswith("/") or "://" in href or not joined.startswith(f"{reading.root}/"):
        reading.problems.append(Problem("bad_path", href or reading.inner(base)))
        return ""
    return joined
