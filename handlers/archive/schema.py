"""The METS schema (with XLink and the CSIP extension) from the vendored files, and a parser that reads a
package's METS.xml without reaching the network or expanding entities."""

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from lxml import etree

SCHEMA_DIR = Path(str(files("handlers.archive") / "schemas"))
METS_NS = "http://www.loc.gov/METS/"
XLINK_NS = "http://www.w3.org/1999/xlink"
CSIP_NS = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_FILES = {METS_NS: "mets.xsd", XLINK_NS: "xlink.xsd", CSIP_NS: "DILCISExtensionMETS.xsd"}
"""Each namespace's schema file; the package carries the same files in its schemas/ folder."""


class _VendoredSchemas(etree.Resolver):  # type: ignore[misc]
    """Resolves a schema import (loc.gov's xlink.xsd) to the vendored file of that name, and nothing else."""

    def resolve(self, url: str, pubid: str, context: Any) -> Any:
        name = url.rsplit("/", 1)[-1]
        if name in SCHEMA_FILES.values():
            return self.resolve_filename(str(SCHEMA_DIR / name), context)
        return None


def safe_parser() -> etree.XMLParser:
    """A parser for documents from outside: no network, no entities, no DTD."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@cache
def mets_schema() -> etree.XMLSchema:
    """METS 1.12 with the CSIP extension attributes, so csip:… values are checked too."""
    xs = "http://www.w3.org/2001/XMLSchema"
    wrapper = etree.Element(f"{{{xs}}}schema", nsmap={"xs": xs}, targetNamespace="urn:lokusbot:archive")
    for namespace in (METS_NS, CSIP_NS):
        etree.SubElement(wrapper, f"{{{xs}}}import", namespace=namespace, schemaLocation=SCHEMA_FILES[namespace])
    parser = safe_parser()
    parser.resolvers.add(_VendoredSchemas())
    document = etree.fromstring(etree.tostring(wrapper), parser, base_url=str(SCHEMA_DIR / "wrapper.xsd"))
    return etree.XMLSchema(document)


def schema_files() -> dict[str, bytes]:
    """The schema files to put in a package's schemas/ folder, by name."""
    return {name: (SCHEMA_DIR / name).read_bytes() for name in SCHEMA_FILES.values()}
