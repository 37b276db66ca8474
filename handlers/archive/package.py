"""A group's records of a year as one E-ARK CSIP package in a zip file (one root folder named by the package id).

lokus-heby-2026-t0heby/
  METS.xml                               the package: header, schemas, the description, the representation
  metadata/descriptive/records.csv       every record file: kind, title, group, day, made, SHA-256, format
  schemas/mets.xsd, xlink.xsd, DILCISExtensionMETS.xsd
  representations/rep1/METS.xml          the representation: every file, and the records by kind
  representations/rep1/data/<kind folder>/<file>
"""

import hashlib
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from handlers.archive import mets
from handlers.archive.kinds import RECORD_KINDS
from handlers.archive.markdown import csv_bytes
from handlers.archive.records import CSV, XML, ArchiveYear, CollectedFile, Format, Words
from handlers.archive.schema import mets_schema, safe_parser, schema_files
from handlers.context import Ctx
from handlers.errors import DomainError
from handlers.file_names import slug
from handlers.formatting import Identifier
from handlers.text import t
from storage import audit
from storage.models import Group

REPRESENTATION = "rep1"
REP_DIR = f"representations/{REPRESENTATION}"
DESCRIPTION = "metadata/descriptive/records.csv"
DESCRIPTION_COLUMNS = (
    "sokvag",
    "posttyp",
    "titel",
    "grupp",
    "arbetsyta",
    "ar",
    "dag",
    "skapad",
    "storlek",
    "sha256",
    "mimetyp",
    "pronom",
    "format",
)


@dataclass(frozen=True)
class Package:
    """A package made: its id (the zip's root folder), the zip, and how many files of each record kind."""

    objid: str
    content: bytes
    counts: dict[str, int]


def package_id(group: Group, year: int) -> str:
    """The package's id: lokus-heby-2026-t0heby (group, year, workspace), an XML id and a folder name."""
    return f"lokus-{slug(group.name)}-{year}-{slug(group.workspace.team_id, 'arbetsyta')}"


def collect(ctx: Ctx, group: Group, year: ArchiveYear, words: Words) -> list[CollectedFile]:
    """Every file of every record kind of the group's year."""
    return [CollectedFile(kind, file) for kind in RECORD_KINDS for file in kind.collect(ctx, group, year, words)]


def export_package(ctx: Ctx, group: Group, year: int, words: Words) -> Package:
    """The group's records of the year as a package; a year with no records is refused, and the export audited."""
    collected = collect(ctx, group, ArchiveYear(year, ctx.config.tz), words)
    if not any(c.kind.content for c in collected):
        raise DomainError("archive.empty", group=group.name, year=Identifier(year))
    objid = package_id(group, year)
    header = mets.Header(
        objid,
        words(t("archive.label", group=group.name, year=Identifier(year))),
        ctx.now,
        group.name,
        group.workspace.team_id,
        "",
    )
    files = _package_files(header, collected, year, words)
    counts = {kind.key: sum(1 for c in collected if c.kind is kind) for kind in RECORD_KINDS}
    audit.record(
        ctx.session,
        team_id=group.workspace.team_id,
        user_id=ctx.actor.user_id,
        action="archive.export",
        entity="group",
        entity_id=group.id,
        detail={"year": year, "files": len(collected)},
    )
    return Package(objid, _zip(objid, files, ctx.local_now), counts)


def _entry(id_: str, href: str, content: bytes, fmt: Format, created: datetime, use: str = "") -> mets.FileEntry:
    return mets.FileEntry(id_, href, fmt.mime, len(content), created, hashlib.sha256(content).hexdigest(), use)


def _package_files(
    header: mets.Header, collected: Sequence[CollectedFile], year: int, words: Words
) -> dict[str, bytes]:
    """Every file of the package by its path under the root folder."""
    data = {f"{REP_DIR}/data/{c.path}": c.file.content for c in collected}
    entries = [
        _entry(f"file-{n:04d}", f"data/{c.path}", c.file.content, c.file.format, c.file.made, c.kind.key)
        for n, c in enumerate(collected, start=1)
    ]
    kinds = [(kind.key, words(t(f"archive.kind.{kind.key}"))) for kind in RECORD_KINDS]
    records = [
        mets.Record(c.kind.key, c.file.title, c.file.day.isoformat() if c.file.day else "", e.id)
        for c, e in zip(collected, entries, strict=True)
    ]
    rep_mets = _representation_mets(header, entries, kinds, records)
    description = _description(header, collected, year)
    schemas = {f"schemas/{name}": content for name, content in schema_files().items()}
    root_mets = _root_mets(header, rep_mets, description, schemas)
    for document in (root_mets, rep_mets):  # a package the bot writes is valid, or it is a bug shown at once
        mets_schema().assertValid(etree.fromstring(document, safe_parser()))
    return {"METS.xml": root_mets, DESCRIPTION: description, **schemas, f"{REP_DIR}/METS.xml": rep_mets, **data}


def _representation_mets(
    header: mets.Header,
    entries: Sequence[mets.FileEntry],
    kinds: Sequence[tuple[str, str]],
    records: Sequence[mets.Record],
) -> bytes:
    objid = f"{header.objid}-{REPRESENTATION}"
    own = mets.Header(objid, header.label, header.created, header.group, header.workspace, "../../")
    document = mets.root_element(own)
    document.append(mets.file_section(objid, [mets.FileGroup(f"{objid}-data", "Data", tuple(entries))]))
    document.append(mets.physical_map(objid, [mets.division("Data", f"{objid}-div-data", file_ids=[f"{objid}-data"])]))
    document.append(mets.logical_map(objid, kinds, records))
    return mets.serialise(document)


def _root_mets(header: mets.Header, rep_mets: bytes, description: bytes, schemas: dict[str, bytes]) -> bytes:
    objid, now = header.objid, header.created
    document = mets.root_element(header)
    dmd = mets.M.dmdSec(
        mets.md_reference(_entry("", DESCRIPTION, description, CSV, now)),
        ID=f"{objid}-dmd",
        CREATED=now.replace(microsecond=0).isoformat(),
        STATUS="CURRENT",
    )
    document.append(dmd)
    schema_entries = tuple(
        _entry(f"{objid}-schema-{n}", path, content, XML, now)
        for n, (path, content) in enumerate(schemas.items(), start=1)
    )
    rep_group = f"{objid}-grp-{REPRESENTATION}"
    groups = [
        mets.FileGroup(f"{objid}-grp-schemas", "Schemas", schema_entries),
        mets.FileGroup(
            rep_group,
            f"Representations/{REPRESENTATION}",
            (_entry(f"{objid}-mets-{REPRESENTATION}", f"{REP_DIR}/METS.xml", rep_mets, XML, now),),
        ),
    ]
    document.append(mets.file_section(objid, groups))
    representation = mets.representation_pointer(
        f"Representations/{REPRESENTATION}", f"{objid}-div-rep", f"{REP_DIR}/METS.xml"
    )
    representation.append(mets.M.fptr(FILEID=rep_group))
    divisions = [
        mets.division("Metadata", f"{objid}-div-metadata", dmd=f"{objid}-dmd"),
        mets.division("Schemas", f"{objid}-div-schemas", file_ids=[f"{objid}-grp-schemas"]),
        representation,
    ]
    document.append(mets.physical_map(objid, divisions))
    return mets.serialise(document)


def _description(header: mets.Header, collected: Sequence[CollectedFile], year: int) -> bytes:
    """metadata/descriptive/records.csv: one row per record file."""
    rows = [
        (
            f"{REP_DIR}/data/{c.path}",
            c.kind.key,
            c.file.title,
            header.group,
            header.workspace,
            year,
            c.file.day or "",
            c.file.made.replace(microsecond=0),
            len(c.file.content),
            hashlib.sha256(c.file.content).hexdigest(),
            c.file.format.mime,
            c.file.format.puid,
            c.file.format.name,
        )
        for c in collected
    ]
    return csv_bytes(DESCRIPTION_COLUMNS, rows)


def _zip(objid: str, files: dict[str, bytes], now: datetime) -> bytes:
    """The files in a zip under one root folder named by the package id (CSIPSTR1, CSIPSTR2)."""
    out = io.BytesIO()
    stamp = now.timetuple()[:6]
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, content in files.items():
            archive.writestr(zipfile.ZipInfo(f"{objid}/{path}", date_time=stamp), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()
