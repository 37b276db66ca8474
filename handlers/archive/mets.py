"""The METS documents of a package, built with lxml: the package's METS.xml and the representation's.

Both follow the E-ARK CSIP METS profile (requirement numbers in docs/ARCHIVE.md): a header with the creating
software and the group, a file section of file groups whose files carry size, creation time, SHA-256 and MIME
type, and a PHYSICAL structural map labelled "CSIP". The representation's METS has a second, LOGICAL map of the
records: a division per record kind, one per record with its title and date.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from lxml import etree
from lxml.builder import ElementMaker

from handlers.archive.schema import CSIP_NS, METS_NS, SCHEMA_FILES, XLINK_NS, XSI_NS

PROFILE = "https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml"
SOFTWARE, SOFTWARE_VERSION = "lokusbot", "0.1.0"
M = ElementMaker(namespace=METS_NS, nsmap={None: METS_NS, "xlink": XLINK_NS, "csip": CSIP_NS, "xsi": XSI_NS})
CSIP = f"{{{CSIP_NS}}}"
XLINK = f"{{{XLINK_NS}}}"


@dataclass(frozen=True)
class FileEntry:
    """A file a METS document lists: its id, where it is (relative to the document), and what it is."""

    id: str
    href: str
    mime: str
    size: int
    created: datetime
    sha256: str
    use: str = ""


@dataclass(frozen=True)
class FileGroup:
    """A file group (`USE` as CSIP names it: "Schemas", "Representations/rep1", "Data")."""

    id: str
    use: str
    files: tuple[FileEntry, ...]


@dataclass(frozen=True)
class Record:
    """A record in the LOGICAL map: its kind, title, the day it is about (empty: the year) and its file."""

    kind: str
    title: str
    day: str
    file_id: str


@dataclass(frozen=True)
class Header:
    """Who the package is from and when it was made."""

    objid: str
    label: str
    created: datetime
    group: str
    workspace: str
    schema_prefix: str  # where the schemas/ folder is, seen from the document ("" or "../../")


def _stamp(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat()


def root_element(header: Header) -> etree._Element:
    """The <mets> element with its header: the creating software and the group the records are from."""
    locations = " ".join(f"{ns} {header.schema_prefix}schemas/{name}" for ns, name in SCHEMA_FILES.items())
    mets = M.mets(
        {
            "OBJID": header.objid,
            "LABEL": header.label,
            "TYPE": "OTHER",
            f"{CSIP}OTHERTYPE": "LOKUS records",
            "PROFILE": PROFILE,
            f"{{{XSI_NS}}}schemaLocation": locations,
        }
    )
    software = M.agent(
        M.name(SOFTWARE),
        M.note({f"{CSIP}NOTETYPE": "SOFTWARE VERSION"}, SOFTWARE_VERSION),
        ROLE="CREATOR",
        TYPE="OTHER",
        OTHERTYPE="SOFTWARE",
    )
    group = M.agent(M.name(header.group), M.note(header.workspace), ROLE="CREATOR", TYPE="ORGANIZATION")
    stamp = _stamp(header.created)
    mets.append(
        M.metsHdr(software, group, {"CREATEDATE": stamp, "RECORDSTATUS": "NEW", f"{CSIP}OAISPACKAGETYPE": "SIP"})
    )
    return mets


def file_element(entry: FileEntry) -> etree._Element:
    """A <file> with its checksum, size, creation time, MIME type and location."""
    attributes = {
        "ID": entry.id,
        "MIMETYPE": entry.mime,
        "SIZE": str(entry.size),
        "CREATED": _stamp(entry.created),
        "CHECKSUM": entry.sha256,
        "CHECKSUMTYPE": "SHA-256",
    }
    if entry.use:
        attributes["USE"] = entry.use
    return M.file(attributes, M.FLocat({"LOCTYPE": "URL", f"{XLINK}type": "simple", f"{XLINK}href": entry.href}))


def file_section(objid: str, groups: Sequence[FileGroup]) -> etree._Element:
    """The <fileSec>: one <fileGrp> per group."""
    section = M.fileSec(ID=f"{objid}-filesec")
    for group in groups:
        section.append(M.fileGrp({"ID": group.id, "USE": group.use}, *(file_element(f) for f in group.files)))
    return section


def md_reference(entry: FileEntry) -> etree._Element:
    """An <mdRef> to a metadata file in metadata/ (the records' description, a CSV)."""
    return M.mdRef(
        {
            "LOCTYPE": "URL",
            f"{XLINK}type": "simple",
            f"{XLINK}href": entry.href,
            "MDTYPE": "OTHER",
            "OTHERMDTYPE": "lokusbot-records-csv",
            "MIMETYPE": entry.mime,
            "SIZE": str(entry.size),
            "CREATED": _stamp(entry.created),
            "CHECKSUM": entry.sha256,
            "CHECKSUMTYPE": "SHA-256",
        }
    )


def division(label: str, id_: str, *, file_ids: Sequence[str] = (), dmd: str = "") -> etree._Element:
    """A <div> of the PHYSICAL map pointing at file groups (or at descriptive metadata)."""
    div = M.div(ID=id_, LABEL=label)
    if dmd:
        div.set("DMDID", dmd)
    for file_id in file_ids:
        div.append(M.fptr(FILEID=file_id))
    return div


def representation_pointer(label: str, id_: str, href: str) -> etree._Element:
    """The <div> of a representation, pointing at its own METS document."""
    pointer = M.mptr({"LOCTYPE": "URL", f"{XLINK}type": "simple", f"{XLINK}href": href, f"{XLINK}title": label})
    return M.div(pointer, ID=id_, LABEL=label)


def physical_map(objid: str, divisions: Sequence[etree._Element]) -> etree._Element:
    """The CSIP structural map: one division for the package, the given ones inside it."""
    return M.structMap(
        M.div(*divisions, ID=f"{objid}-div", LABEL=objid), ID=f"{objid}-structmap", TYPE="PHYSICAL", LABEL="CSIP"
    )


def logical_map(objid: str, kinds: Sequence[tuple[str, str]], records: Sequence[Record]) -> etree._Element:
    """The records by kind (key, label): a division per kind holding one per record with its title and day."""
    top = M.div(ID=f"{objid}-records", LABEL="Records")
    for key, label in kinds:
        mine = [r for r in records if r.kind == key]
        if not mine:
            continue
        kind = M.div(ID=f"{objid}-kind-{key}", TYPE=key, LABEL=label)
        for n, record in enumerate(mine, start=1):
            div = M.div(M.fptr(FILEID=record.file_id), ID=f"{record.file_id}-div", TYPE=key, LABEL=record.title)
            if record.day:
                div.set("ORDERLABEL", record.day)
            div.set("ORDER", str(n))
            kind.append(div)
        top.append(kind)
    return M.structMap(top, ID=f"{objid}-logical", TYPE="LOGICAL", LABEL="Records")


def serialise(mets: etree._Element) -> bytes:
    """The document as UTF-8 XML with a declaration, indented."""
    etree.indent(mets, space="  ")
    return bytes(etree.tostring(mets, xml_declaration=True, encoding="UTF-8", standalone=True))
