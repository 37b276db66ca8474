"""Import and export of case logs: spellings accepted, all or nothing, every bad row reported, identity kept out."""

import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from bot.catalogue import Catalogue
from bot.services import Services
from handlers.cases import transfer
from handlers.errors import DomainError
from storage import cases as repo
from storage.case_models import Case, CaseNote
from tests.handlers.test_cases_helpers import (
    CASE_ANSWERS,
    HEBY,
    TIERP,
    everything_stored,
    make_group,
    register_by_chat,
    stored_cases,
)
from tests.support.talk import actor, run

DATA = Path(__file__).resolve().parents[1] / "data"
VALID_PNR = "19121212-1212"
RENDER = Catalogue.for_console("sv", lambda user_id: user_id)


@pytest.fixture
def heby(services: Services) -> Services:
    make_group(services, "Heby", HEBY, {"UANNA": "kommun samordnare"})
    return services


def import_file(services: Services, content: bytes, filename: str, group: str = "Heby") -> transfer.ImportReport:
    return run(
        services,
        actor("cli"),
        lambda ctx: transfer.import_cases(ctx, transfer.group_for_command_line(ctx, group), filename, content),
    )


def export_file(services: Services, file_format: str, group: str = "Heby") -> transfer.ExportFile:
    return run(
        services,
        actor("cli"),
        lambda ctx: transfer.export_group(ctx, transfer.group_for_command_line(ctx, group), file_format),
    )


def summary(services: Services, report: transfer.ImportReport) -> list[str]:
    return run(
        services,
        actor("cli"),
        lambda ctx: [
            RENDER.render(line)
            for line in transfer.import_summary(transfer.group_for_command_line(ctx, "Heby"), report)
        ],
    )


def facts(services: Services) -> list[tuple]:
    return [
        (
            c.number,
            c.raised_on,
            c.party,
            c.unit,
            c.gender,
            c.age_band,
            sorted(t.code for t in c.target_groups),
            sorted(f.code for f in c.failures),
            c.referred_tr,
            c.status,
            c.outcome,
            c.note,
        )
        for c in stored_cases(services)
    ]


def csv_rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_a_swedish_excel_csv_with_every_usual_spelling_is_imported(heby: Services) -> None:
    register_by_chat(heby)
    report = import_file(heby, (DATA / "cases_import.csv").read_bytes(), "logg.csv")
    assert report.problems == [] and report.numbers == [2, 3, 4, 5, 6, 7]
    assert summary(heby, report) == ["6 ärenden importerade till LOKUS Heby (#2–#7)."]
    assert facts(heby)[1:] == [
        (
            2,
            date(2026, 1, 12),
            "af",
            "Rehabilitering",
            "kvinna",
            "25-29",
            ["psykisk_ohalsa"],
            ["vantetider"],
            True,
            "closed",
            "arbete",
            "Bra samarbete till slut",
        ),
        (
            3,
            date(2026, 2, 3),
            "fk",
            "",
            "man",
            "20-24",
            ["nyanlanda", "unga_utan_gymnasium"],
            ["information"],
            False,
            "in_progress",
            None,
            "",
        ),
        (
            4,
            date(2026, 3, 13),
            "region",
            "Psykiatri",
            "ej_dokumenterat",
            "30-39",
            ["psykisk_ohalsa"],
            ["ansvarsfordelning"],
            True,
            "open",
            None,
            "Remiss; svar dröjer",
        ),
        (
            5,
            date(2026, 4, 20),
            "kommun",
            "Socialförvaltningen, AME",
            "kvinna",
            "40-49",
            ["forsorjningsstod"],
            ["saknad_insats"],
            False,
            "open",
            None,
            "",
        ),
        (6, date(2026, 5, 5), "af", "", "annat", "65+", [], [], False, "closed", "okant", "Avslutat utan besked"),
        (
            7,
            date(2026, 6, 15),
            "fk",
            "Lokalt försäkringscenter",
            "ej_dokumenterat",
            "okant",
            ["aktivitetsersattning"],
            ["regelverk"],
            False,
            "closed",
            "studier",
            "",
        ),
    ]


def test_an_xlsx_with_date_number_and_boolean_cells_is_imported(heby: Services) -> None:
    report = import_file(heby, (DATA / "cases_import.xlsx").read_bytes(), "arenden.xlsx")
    assert report.problems == [] and report.numbers == [1, 2, 3]
    assert facts(heby) == [
        (
            1,
            date(2026, 9, 1),
            "af",
            "Rusta och matcha",
            "kvinna",
            "20-24",
            ["nyanlanda", "unga_utan_gymnasium"],
            ["vantetider"],
            True,
            "open",
            None,
            "",
        ),
        (
            2,
            date(2026, 9, 14),
            "region",
            "Vårdcentral",
            "man",
            "50-64",
            ["sjukskrivna"],
            ["information", "samordning"],
            False,
            "closed",
            "ordinarie",
            "Klart",
        ),
        (
            3,
            date(2026, 10, 2),
            "kommun",
            "AME",
            "ej_dokumenterat",
            "16-19",
            ["unga_utan_gymnasium"],
            ["saknad_insats"],
            False,
            "open",
            None,
            "Väntar på plats",
        ),
    ]


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_imported(heby: Services) -> None:
    report = import_file(heby, (DATA / "cases_import_bad.csv").read_bytes(), "logg.csv")
    assert report.numbers == [] and stored_cases(heby) == []
    assert [(p.line, p.column, p.reason.key) for p in report.problems] == [
        (3, "datum", "case.import.bad_date"),
        (4, "part", "case.import.unknown_value"),
        (5, "anteckning", "case.import.identity"),
        (6, "enhet", "case.import.identity"),
        (6, "kon", "case.import.unknown_value"),
        (8, "aldersgrupp", "case.import.bad_age"),
        (8, "tillaggsresurs", "case.import.yes_no"),
        (9, "anteckning", "case.import.identity"),
        (9, "datum", "case.date_future"),
        (9, "malgrupper", "case.import.unknown_value"),
        (12, "kon", "case.import.unknown_value"),
    ]
    lines = summary(heby, report)
    assert lines[0] == "Rad 3, kolumn datum: ”2026-13-01” är inget datum jag förstår. Skriv t.ex. 2026-11-20."
    assert lines[2].startswith("Rad 5, kolumn anteckning: cellen verkar innehålla ett personnummer.")
    assert "Möjliga värden: kvinna, man, annat, ej dokumenterat." in lines[4]
    assert lines[-1].startswith("Inget importerades: 7 rader har sammanlagt 11 fel.")
    printed = "\n".join(lines)
    assert "9876" not in printed and "070-123" not in printed and "anna@heby.se" not in printed


def test_a_personnummer_typed_as_a_number_in_excel_is_refused(heby: Services, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["datum", "part", "kon", "aldersgrupp", "anteckning", "enhet"])
    sheet.append([datetime(2026, 9, 1), "AF", "man", "20-24", 198112189876, "AME"])
    sheet.append([datetime(2026, 9, 2), "AF", "man", "20-24", "ok", 7010632391.0])
    workbook.save(tmp_path / "pnr.xlsx")
    report = import_file(heby, (tmp_path / "pnr.xlsx").read_bytes(), "pnr.xlsx")
    assert [(p.line, p.column, p.reason.params["kind"].key) for p in report.problems] == [
        (2, "anteckning", "identity.kind.personnummer"),
        (3, "enhet", "identity.kind.samordningsnummer"),
    ]
    assert stored_cases(heby) == []


@pytest.mark.parametrize(
    ("content", "key"),
    [
        (b"datum;part;kon;aldersgrupp;namn\n2026-01-01;AF;K;20-24;Anna\n", "case.import.unknown_columns"),
        (b"datum;part;enhet\n2026-01-01;AF;AME\n", "case.import.missing_columns"),
        (b"datum;part;kon;aldersgrupp;Kon\n2026-01-01;AF;K;20-24;M\n", "case.import.repeated_columns"),
        (b"datum;part;kon;aldersgrupp\n", "case.import.no_rows"),
        (b"\n\n", "case.import.empty"),
        (b"datum;part;kon;anna@heby.se\n", "case.import.identity_header"),
    ],
)
def test_a_file_that_cannot_be_read_as_a_case_log_is_refused_whole(heby: Services, content: bytes, key: str) -> None:
    with pytest.raises(DomainError) as refused:
        import_file(heby, content, "logg.csv")
    assert refused.value.text.key == key
    assert stored_cases(heby) == []


def test_unreadable_and_old_excel_files_are_refused(heby: Services) -> None:
    with pytest.raises(DomainError) as broken:
        import_file(heby, b"PK\x03\x04 not really a zip", "logg.xlsx")
    assert broken.value.text.key == "case.import.unreadable"
    with pytest.raises(DomainError) as old:
        import_file(heby, b"\xd0\xcf\x11\xe0 old excel", "logg.xls")
    assert old.value.text.key == "case.import.old_excel"


def test_a_windows_1252_csv_from_older_excel_is_read(heby: Services) -> None:
    content = "datum;part;kon;aldersgrupp;målgrupper\r\n2026-03-01;Försäkringskassan;kvinna;16–19;nyanlända\r\n"
    report = import_file(heby, content.encode("cp1252"), "logg.csv")
    assert report.problems == [] and facts(heby)[0][2:7] == ("fk", "", "kvinna", "16-19", ["nyanlanda"])


def test_export_has_the_columns_and_imports_again_unchanged(heby: Services) -> None:
    make_group(heby, "Tierp", TIERP, {"UCECILIA": "FK"})
    register_by_chat(heby)
    import_file(heby, (DATA / "cases_import.csv").read_bytes(), "logg.csv")
    exported = export_file(heby, "csv")
    assert exported.filename == "lots-arenden-heby-2026-11-23.csv" and exported.count == 7
    rows = csv_rows(exported.content)
    assert list(rows[0])[:11] == [
        "datum",
        "part",
        "enhet",
        "kon",
        "aldersgrupp",
        "malgrupper",
        "brister",
        "tillaggsresurs",
        "status",
        "utfall",
        "anteckning",
    ]
    assert (
        rows[0]["datum"] == "2026-11-22"
        and rows[0]["malgrupper"] == "Psykisk ohälsa/funktionsnedsättning; Unga utan gymnasieutbildning"
        and rows[0]["beskrivning"] == "Väntat på besked i 3 mån"
    )
    assert rows[1]["status"] == "stängd" and rows[1]["utfall"] == "arbete" and rows[1]["nummer"] == "2"
    heby_facts = [f[1:] for f in facts(heby)]
    for file_format in ("csv", "xlsx"):
        export = export_file(heby, file_format)
        assert import_file(heby, export.content, export.filename, group="Tierp").problems == []
    tierp = [f[1:] for f in facts(heby)[7:]]
    assert tierp == heby_facts * 2


def test_text_a_spreadsheet_would_run_is_exported_as_text(heby: Services) -> None:
    register_by_chat(heby, answers={**CASE_ANSWERS, "unit": '=HYPERLINK("http://x.se","klicka")'})
    rows = csv_rows(export_file(heby, "csv").content)
    assert rows[0]["enhet"] == '\'=HYPERLINK("http://x.se","klicka")'
    sheet = load_workbook(io.BytesIO(export_file(heby, "xlsx").content)).active
    assert sheet["C2"].value == '=HYPERLINK("http://x.se","klicka")' and sheet["C2"].data_type == "s"
    assert sheet["A2"].value == datetime(2026, 11, 22)
    report = import_file(heby, export_file(heby, "csv").content, "igen.csv")
    assert report.problems == [] and stored_cases(heby)[-1].unit == '=HYPERLINK("http://x.se","klicka")'


def test_the_command_line_group_name_must_be_known_and_unique(heby: Services) -> None:
    with pytest.raises(DomainError) as unknown:
        import_file(heby, b"", "x.csv", group="Uppsala")
    assert unknown.value.text.key == "case.cli.no_group"


def test_follow_up_notes_are_exported_a_line_each_and_imported_again(heby: Services) -> None:
    register_by_chat(heby)
    with heby.db.unit_of_work() as session:
        [case] = session.scalars(select(Case)).all()
        repo.add_note(
            session,
            case=case,
            user_id="UANNA",
            text="Ringt AF, väntar svar",
            now=datetime(2026, 11, 20, 22, 30, tzinfo=UTC),
        )  # 23.30 in Stockholm: still the 20th
        repo.add_note(
            session,
            case=case,
            user_id="UANNA",
            text="Möte bokat; 3 parter",
            now=datetime(2026, 11, 22, 23, 30, tzinfo=UTC),
        )  # 00.30 in Stockholm: the 23rd
    exported = export_file(heby, "csv")
    assert csv_rows(exported.content)[0]["uppfoljning"] == (
        "2026-11-20: Ringt AF, väntar svar\n2026-11-23: Möte bokat; 3 parter"
    )
    for file_format in ("csv", "xlsx"):  # the second export holds the first import's copy too: 1 + 2 copies
        export = export_file(heby, file_format)
        assert import_file(heby, export.content, export.filename).problems == []
    with heby.db.unit_of_work() as session:
        copies = session.scalars(select(Case).where(Case.number > 1).order_by(Case.number)).all()
        assert [[(n.at.date(), n.text) for n in c.notes] for c in copies] == [
            [(date(2026, 11, 20), "Ringt AF, väntar svar"), (date(2026, 11, 23), "Möte bokat; 3 parter")]
        ] * 3


def test_follow_up_lines_without_a_date_go_on_with_the_note_above_and_bad_ones_are_reported(heby: Services) -> None:
    header = "datum;part;kon;aldersgrupp;uppfoljning\r\n"
    good = header + (
        '2026-10-01;AF;kvinna;30-39;"Först, utan datum\n2026-10-02 – Kontakt med FK\nsom lovar svar\n'
        '2026-10-09: Svar kom"\r\n'
    )
    assert import_file(heby, good.encode(), "logg.csv").problems == []
    with heby.db.unit_of_work() as session:
        notes = session.scalars(select(CaseNote).order_by(CaseNote.id)).all()
        assert [(n.at.date(), n.text) for n in notes] == [
            (date(2026, 11, 23), "Först, utan datum"),
            (date(2026, 10, 2), "Kontakt med FK\nsom lovar svar"),
            (date(2026, 10, 9), "Svar kom"),
        ]
    exported = csv_rows(export_file(heby, "csv").content)[0]["uppfoljning"]
    assert exported.splitlines() == [
        "2026-11-23: Först, utan datum",
        "2026-10-02: Kontakt med FK som lovar svar",
        "2026-10-09: Svar kom",
    ], "a note's own line breaks do not make new notes"
    bad = (
        header
        + '2026-10-01;AF;kvinna;30-39;"2026-13-40: fel dag"\r\n'
        + f'2026-10-01;AF;kvinna;30-39;"2026-10-02: Ring {VALID_PNR}"\r\n'
    )
    report = import_file(heby, bad.encode(), "logg.csv")
    assert [(p.line, p.column) for p in report.problems] == [(2, "uppfoljning"), (3, "uppfoljning")]
    assert len(stored_cases(heby)) == 1 and VALID_PNR not in everything_stored(heby)
