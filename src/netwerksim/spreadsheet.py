"""A client's network from a spreadsheet: ``netwerksim new --from netwerk.xlsx`` writes a scenario (TOML).

An advisor's material is a list of organisations, the tables they meet at, the issues and what each
party wants. The spreadsheet has a sheet for each (Dutch names, English ones also read):
``organisaties``, ``opgaven``, ``belangen`` (organisation, issue, weight), ``tafels`` (with their
members), ``relaties`` (a pair's starting trust and rivalry), ``financiers`` (who funds whom, with which
performance agreements and how much accounting) and ``netwerk`` (name, weeks, governance; two columns: veld,
waarde). ``.xlsx`` (openpyxl),
``.ods`` (odfpy) or a folder of ``.csv`` files named after the sheets are read through pandas. Each
row is checked by the scenario's own models (scenario.py), so a bad cell is named by sheet, row,
column and what is allowed; the scenario written is validated before it is written, never over an
existing file. ``netwerksim new --template`` writes a filled example (a fictitious neighbourhood
network) with an explanation sheet. The scenario describes the network only: what happens emerges.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .generator import _table
from .inputs import MAX_FILE_BYTES
from .scenario import KINDS, Forum, Funder, Issue, Organisation, Relation, ScenarioError, validate
from .storage import write_new

MAX_ROWS = 10_000          # rows per sheet: larger networks are described by groups in TOML (docs/model.md)
READERS = {".xlsx": "openpyxl", ".xlsm": "openpyxl", ".ods": "odf"}


class SpreadsheetError(ScenarioError):
    """A spreadsheet that cannot become a scenario; the message names file, sheet, row, column and value."""


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its Dutch and English header, the scenario field, whether required, a list."""

    nl: str
    en: str
    field: str
    meaning: str
    required: bool = False
    listed: bool = False           # a comma-separated list in one cell


@dataclass(frozen=True)
class Sheet:
    nl: str
    en: str
    meaning: str
    columns: tuple[Column, ...]


ROLES = {"initiatiefnemer": "initiator", "trekker": "lead", "financier": "funder", "netwerkorganisatie": "nao"}
MODES = {"gedeeld": "shared", "leidende organisatie": "lead_organisation", "netwerkorganisatie": "nao"}
KIND_WORDS = {   # the Dutch words of scenario.KINDS (i18n's kind.* labels), so a cell may say "gemeente"
    "ziekenhuis": "hospital", "huisartsen": "gp_coop", "zorgaanbieder": "care_provider", "ggz": "mental_health",
    "gemeente": "municipality", "zorgverzekeraar": "insurer", "school": "school", "schoolbestuur": "school_board",
    "woningcorporatie": "housing", "werkgever": "employer", "bibliotheek": "library", "welzijn": "welfare",
    "jongerenwerk": "youth_work", "onderwijs": "education", "overig": "other"}
AGREEMENT_WORDS = {"gezamenlijk": "joint", "apart": "separate", "afzonderlijk": "separate"}
YES = {"ja", "yes", "true", "waar", "1", "x"}
NO = {"nee", "no", "false", "onwaar", "0", ""}

SHEETS = (
    Sheet("organisaties", "organisations", "één rij per organisatie", (
        Column("naam", "name", "name", "de naam zoals partners hem kennen", True),
        Column("soort", "kind", "kind", f"een van: {', '.join(KIND_WORDS)} (of {', '.join(KINDS)})", True),
        Column("professionals", "professionals", "professionals", "hoeveel professionals meedoen (1-100000)", True),
        Column("uren per week", "hours per week", "hours_per_professional", "netwerkuren per professional per week (0-40)"),
        Column("mandaat", "mandate", "mandate", "hoeveel de vertegenwoordigers mogen beslissen (0-1)"),
        Column("toezegging", "pledge", "pledge", "deel van de uren dat is toegezegd (0-1)"),
        Column("werkdruk", "workload", "workload", "druk van het eigen werk (0-1)"),
        Column("gezamenlijk belang", "collective weight", "collective_weight",
               "hoe zwaar het gezamenlijke doel weegt tegenover het eigen belang (0-1)"),
        Column("buiten het netwerk", "outside option", "outside_option",
               "wat de organisatie zonder het netwerk heeft (-10 tot 10): 0 evenveel, negatief: ze heeft het netwerk "
               "nodig om haar werk te doen, positief: ze kan het elders beter"),
        Column("door het netwerk betaald", "paid by the network", "project_pay",
               "welk deel van wat de organisatie bij vertrek mist het geld van het netwerk betaalt (0-10; 0: niets): "
               "stopt die financiering, dan houdt dat haar niet meer vast"),
        Column("rollen", "roles", "roles", f"komma-gescheiden: {', '.join(ROLES)}", listed=True),
        Column("rivalen", "rivals", "rivals", "komma-gescheiden namen van concurrenten in het netwerk", listed=True),
        Column("begint in week", "joins in week", "joins_at", "de week waarin de organisatie aansluit (0: vanaf het begin)"),
    )),
    Sheet("opgaven", "issues", "één rij per opgave waaraan het netwerk werkt", (
        Column("id", "id", "id", "een korte naam zonder spaties, bijvoorbeeld 'ouderen'", True),
        Column("naam", "name", "name_nl", "de opgave in gewone woorden", True),
        Column("naam engels", "name english", "name_en", "in het Engels (leeg: de Nederlandse naam)"),
        Column("moeilijkheid", "difficulty", "difficulty", "hoe moeilijk (1 gewoon, 2 twee keer zo moeilijk; 0,01-100)"),
        Column("eigenaar", "owner", "owner", "de organisatie die de opgave trekt (leeg: niemand)"),
    )),
    Sheet("belangen", "interests", "wat elke organisatie wil: één rij per organisatie en opgave", (
        Column("organisatie", "organisation", "organisation", "naam uit het blad organisaties", True),
        Column("opgave", "issue", "issue", "id uit het blad opgaven", True),
        Column("gewicht", "weight", "weight", "hoe zwaar de opgave voor haar weegt (0-100, naar verhouding)", True),
    )),
    Sheet("tafels", "tables", "één rij per overlegtafel", (
        Column("id", "id", "id", "een korte naam zonder spaties", True),
        Column("naam", "name", "name_nl", "de tafel in gewone woorden", True),
        Column("naam engels", "name english", "name_en", "in het Engels (leeg: de Nederlandse naam)"),
        Column("leden", "members", "members", "komma-gescheiden namen, 'soort:<soort>' of 'alle'", listed=True),
        Column("elke hoeveel weken", "every how many weeks", "frequency", "hoe vaak de tafel bijeenkomt (1-52)"),
        Column("uren", "hours", "hours", "uren per bijeenkomst (tot 40)"),
        Column("fysiek", "physical", "physical", "ja: aan één tafel; nee: online"),
        Column("opgaven", "issues", "issues", "komma-gescheiden ids van opgaven (leeg: alle)", listed=True),
        Column("vanaf week", "from week", "starts_at", "de week waarin de tafel begint (leeg: vanaf het begin)"),
        Column("tot week", "until week", "ends_at", "de week waarin de tafel stopt (leeg: ze blijft); een tafel die "
               "splitst stopt in de week dat haar deeltafels beginnen"),
    )),
    Sheet("relaties", "relations", "hoe twee organisaties vóór het netwerk met elkaar omgingen: één rij per paar", (
        Column("organisatie", "organisation", "first", "naam uit het blad organisaties, of 'soort:<soort>'", True),
        Column("partner", "partner", "second", "een andere naam uit het blad organisaties, of 'soort:<soort>'", True),
        Column("vertrouwen", "trust", "trust", "hoeveel de professionals van de organisatie die van de partner bij de "
               "start vertrouwen (0,1-0,9; 0,5 neutraal; leeg: geen eerdere ervaring)"),
        Column("vertrouwen terug", "trust back", "trust_back", "hoeveel de partner de organisatie vertrouwt "
               "(leeg: hetzelfde)"),
        Column("rivalen", "rivals", "rivals", "ja: ze zijn elkaars concurrent"),
    )),
    Sheet("financiers", "funders", "wie de partners financiert, met welke prestatieafspraken: één rij per financier", (
        Column("financier", "funder", "name", "de naam van de financier (in het netwerk of erbuiten)", True),
        Column("financiert", "funds", "funds", "komma-gescheiden namen uit het blad organisaties, 'soort:<soort>' of "
               "'alle'", True, listed=True),
        Column("afspraken", "agreements", "agreements", "gezamenlijk: prestatieafspraken met het netwerk als geheel; "
               "apart: met elke partner over haar eigen resultaat (leeg: zoals het netwerk)"),
        Column("verantwoording", "accountability", "accountability_demand", "hoeveel verantwoording de financier "
               "vraagt (0-3; 1 gewoon; leeg: gewoon)"),
    )),
)
NETWORK = Sheet("netwerk", "network", "het netwerk als geheel: twee kolommen, veld en waarde", (
    Column("naam", "name", "meta.name_nl", "de naam van het netwerk", True),
    Column("naam engels", "name english", "meta.name_en", "in het Engels (leeg: de Nederlandse naam)"),
    Column("beschrijving", "description", "meta.description_nl", "een of twee zinnen"),
    Column("weken", "weeks", "meta.steps", "hoeveel weken een run duurt (standaard 156: drie jaar)"),
    Column("regie", "governance", "governance.mode", f"een van: {', '.join(MODES)}"),
    Column("leidende organisatie", "lead organisation", "governance.lead", "bij regie 'leidende organisatie': welke"),
))


# --- reading -----------------------------------------------------------------------------------------------
def read_tables(path: Path) -> dict[str, Any]:
    """The sheets of ``path`` as pandas frames of text, by lower-case sheet name (sizes checked first)."""
    import pandas as pd  # noqa: PLC0415

    if path.is_dir() or path.suffix.lower() == ".csv":
        folder = path if path.is_dir() else path.parent
        files = {p.stem.lower(): p for p in folder.glob("*.csv")}
        for p in files.values():
            _check_size(p)
        frames = {name: _read_csv(p) for name, p in files.items()}
    elif path.suffix.lower() in READERS:
        _check_size(path)
        try:
            frames = pd.read_excel(path, sheet_name=None, header=0, dtype=str, keep_default_na=False,
                                   engine=READERS[path.suffix.lower()], nrows=MAX_ROWS + 1)
        except ImportError:
            raise SpreadsheetError(f"{path}: reading {path.suffix} needs "
                                   f"{'openpyxl' if READERS[path.suffix.lower()] == 'openpyxl' else 'odfpy'}; "
                                   "install netwerksim with its dependencies, or save the sheets as .csv") from None
        except Exception as exc:   # a corrupt or foreign file: say so, no traceback
            raise SpreadsheetError(f"{path}: cannot be read as a {path.suffix} spreadsheet ({exc.__class__.__name__}: "
                                   f"{exc})") from None
        frames = {str(name).strip().lower(): frame for name, frame in frames.items()}
    else:
        raise SpreadsheetError(f"{path}: value {path.suffix or path.name!r} is not a spreadsheet this reads; allowed: "
                               ".xlsx, .ods, or a folder of .csv files (or one of them) named after the sheets "
                               f"({', '.join(s.nl for s in (*SHEETS, NETWORK))})")
    for name, frame in frames.items():
        if len(frame) > MAX_ROWS:
            raise SpreadsheetError(f"{path}: sheet {name!r} has more than {MAX_ROWS:,} rows; describe large networks "
                                   "with organisation_groups in a TOML scenario (docs/model.md)")
    return frames


def _check_size(path: Path) -> None:
    if not path.exists():
        raise SpreadsheetError(f"{path}: file not found")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise SpreadsheetError(f"{path}: larger than {MAX_FILE_BYTES // 2**20} MiB; a network spreadsheet holds at most "
                               f"{MAX_FILE_BYTES // 2**20} MiB")


def _read_csv(path: Path):
    import pandas as pd  # noqa: PLC0415

    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SpreadsheetError(f"{path}: not a UTF-8 text file (byte {exc.start}); save it as CSV UTF-8") from None
    from io import StringIO  # noqa: PLC0415
    sep = ";" if ";" in text.split("\n", 1)[0] else ","       # Dutch Excel writes ';' (its decimals are commas)
    try:
        return pd.read_csv(StringIO(text), sep=sep, dtype=str, keep_default_na=False, nrows=MAX_ROWS + 1)
    except Exception as exc:
        raise SpreadsheetError(f"{path}: cannot be read as CSV ({exc.__class__.__name__}: {exc})") from None


def _sheet(frames: dict, sheet: Sheet, where: Path):
    """The frame of ``sheet`` (Dutch or English name) with its headers mapped to the columns, or None."""
    frame = frames.get(sheet.nl, frames.get(sheet.en))
    if frame is None:
        return None, {}
    name = sheet.nl if sheet.nl in frames else sheet.en
    known = {h: c for c in sheet.columns for h in (c.nl, c.en)}
    headers = {}
    for h in frame.columns:
        key = str(h).strip().lower()
        if key.startswith("unnamed:") or not key:
            continue
        if key not in known:
            raise SpreadsheetError(f"{where}: sheet {name!r}, column {str(h)!r}: not a column of this sheet; allowed: "
                                   f"{', '.join(repr(c.nl) for c in sheet.columns)} (or in English: "
                                   f"{', '.join(repr(c.en) for c in sheet.columns)})")
        headers[h] = known[key]
    for c in sheet.columns:
        if c.required and c not in headers.values():
            raise SpreadsheetError(f"{where}: sheet {name!r}: column {c.nl!r} (or {c.en!r}) is missing; it holds "
                                   f"{c.meaning}")
    return frame, headers


def _cells(frame, headers: dict) -> list[tuple[int, dict[Column, str]]]:
    """(spreadsheet row number, {column: text}) for each row with anything in it; row 1 holds the headers."""
    rows = []
    for i, row in enumerate(frame.itertuples(index=False), start=2):
        cells = {headers[h]: str(v).strip() for h, v in zip(frame.columns, row) if h in headers}
        if any(cells.values()):
            rows.append((i, cells))
    return rows


def _value(column: Column, text: str) -> Any:
    """A cell's text as the scenario wants it: lists split on commas, Dutch decimal commas read, words mapped."""
    if column.listed:
        items = [x.strip() for x in text.split(",") if x.strip()]
        if column.field == "roles":
            return [ROLES.get(x.lower(), x) for x in items]
        if column.field in ("members", "funds"):
            return [_member(x) for x in items] or ["all"]
        return items
    if column.field == "kind":
        return KIND_WORDS.get(text.lower(), text)
    if column.field == "agreements":
        return AGREEMENT_WORDS.get(text.lower(), text)
    if column.field in ("physical", "rivals"):
        low = text.lower()
        return True if low in YES else False if low in NO else text
    if column.field in ("first", "second"):      # a relation's side: a name or a kind ('soort:zorgaanbieder')
        return _member(text)
    if column.field in ("name", "name_nl", "name_en", "id", "owner", "organisation", "issue"):
        return text
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return text                        # the model says what is allowed
    return int(number) if number.is_integer() and column.field in _WHOLE else number


def _member(text: str) -> str:
    """'alle' -> 'all'; 'soort:gemeente' -> 'kind:municipality'; a name stays."""
    low = text.lower()
    if low in ("alle", "all"):
        return "all"
    if low.startswith(("soort:", "kind:")):
        word = low.split(":", 1)[1].strip()
        return f"kind:{KIND_WORDS.get(word, word)}"
    return text


_WHOLE = {"professionals", "joins_at", "frequency", "meta.steps", "starts_at", "ends_at"}


def _explain(exc: ValidationError, where: str, columns: dict[str, Column], cells: dict[Column, str]) -> str:
    """A pydantic error on one row as 'sheet S, row R, column C: value V: what is allowed'."""
    lines = []
    for e in exc.errors():
        field = str(e["loc"][0]) if e["loc"] else ""
        column = columns.get(field)
        value = cells.get(column, "") if column else ""
        name = f"column {column.nl!r}" if column else f"field {field!r}"
        lines.append(f"{where}, {name}: value {value!r}: {e['msg'].removeprefix('Value error, ')}"
                     + (f" ({column.meaning})" if column else ""))
    return "\n".join(lines)


def scenario_data(path: str | Path) -> dict[str, Any]:
    """The scenario the spreadsheet at ``path`` describes, as a dict that validates (or SpreadsheetError)."""
    path = Path(path)
    frames = read_tables(path)
    problems: list[str] = []
    data: dict[str, Any] = {"meta": {"name_nl": path.stem, "name_en": path.stem}, "organisations": [], "issues": [],
                            "forums": [], "relations": [], "funders": []}
    models = {"organisaties": Organisation, "opgaven": Issue, "tafels": Forum, "relaties": Relation, "financiers": Funder}
    targets = {"organisaties": "organisations", "opgaven": "issues", "tafels": "forums", "relaties": "relations",
               "financiers": "funders"}
    listed: dict[str, set[str]] = {"organisaties": set(), "opgaven": set()}   # every name given, valid or not
    placed: list[tuple[str, int, dict]] = []          # (where, row, item) of each accepted row, for references
    for sheet in SHEETS:
        frame, headers = _sheet(frames, sheet, path)
        if frame is None:
            if sheet.nl == "organisaties":
                raise SpreadsheetError(f"{path}: no sheet 'organisaties' (or 'organisations'); sheets found: "
                                       f"{sorted(frames)}; `netwerksim new --template netwerk.xlsx` writes an example")
            continue
        name = sheet.nl if sheet.nl in frames else sheet.en
        by_field = {c.field: c for c in sheet.columns}
        for row, cells in _cells(frame, headers):
            at = f"{path}: sheet {name!r}, row {row}"
            missing = [c for c in sheet.columns if c.required and not cells.get(c)]
            if missing:
                problems += [f"{at}, column {c.nl!r}: empty; required ({c.meaning})" for c in missing]
                continue
            item = {c.field: _value(c, text) for c, text in cells.items() if text}
            if sheet.nl in listed:
                listed[sheet.nl].add(item.get("name", item.get("id")))
            if sheet.nl == "belangen":
                problems += _interest(item, cells, by_field, data, listed, at)
                continue
            if "name_nl" in item:
                item.setdefault("name_en", item["name_nl"])
            if "first" in item:       # a relation: the two organisations as one pair
                item = {"between": [item.pop("first"), item.pop("second")], **item}
            try:
                models[sheet.nl].model_validate(item)
            except ValidationError as exc:
                problems.append(_explain(exc, at, by_field, cells))
                continue
            data[targets[sheet.nl]].append(item)
            placed.append((at, sheet.nl, item))
    problems += _references(placed, data, listed)
    problems += _network(frames, path, data)
    if problems:
        raise SpreadsheetError("\n".join(problems))
    if not data["forums"]:        # no sheet of tables: everyone meets at one network meeting
        data["forums"] = [{"id": "netwerkoverleg", "name_nl": "Netwerkoverleg", "name_en": "Network meeting",
                           "members": ["all"]}]
    try:
        validate(data, str(path))
    except ScenarioError as exc:      # a reference between sheets: name the sheets' words
        raise SpreadsheetError(str(exc)) from None
    return data


def _references(placed: list[tuple[str, str, dict]], data: dict, listed: dict[str, set[str]]) -> list[str]:
    """Names that point at other sheets (members, owners, rivals, a table's issues), checked row by row; a name
    whose own row is wrong is not reported again."""
    names = sorted(o["name"] for o in data["organisations"])
    kinds = sorted({o["kind"] for o in data["organisations"]})
    issues = sorted(i["id"] for i in data["issues"])
    said = (listed["organisaties"] - set(names)) | (listed["opgaven"] - set(issues))
    problems = []
    def kind_or_name(x: str) -> bool:
        return x in names or x.startswith("kind:") and x.removeprefix("kind:") in kinds

    checks = {"tafels": (("members", "leden", lambda x: x == "all" or kind_or_name(x),
                          f"'alle', soort:<soort> ({', '.join(kinds)}) or a name: {names}"),
                         ("issues", "opgaven", lambda x: x in issues, f"an id of the sheet opgaven: {issues}")),
              "opgaven": (("owner", "eigenaar", lambda x: x in names, f"a name of the sheet organisaties: {names}"),),
              "organisaties": (("rivals", "rivalen", lambda x: x in names, f"a name of the sheet organisaties: {names}"),),
              "relaties": (("between", "organisatie/partner", kind_or_name,
                            f"soort:<soort> ({', '.join(kinds)}) or a name of the sheet organisaties: {names}"),),
              "financiers": (("funds", "financiert", lambda x: x == "all" or kind_or_name(x),
                              f"'alle', soort:<soort> ({', '.join(kinds)}) or a name: {names}"),)}
    for at, sheet, item in placed:
        for field, column, ok, allowed in checks.get(sheet, ()):
            given = item.get(field)
            for value in given if isinstance(given, list) else [given] if given else []:
                if not ok(value) and value not in said:
                    problems.append(f"{at}, column {column!r}: value {value!r} is not allowed; allowed: {allowed}")
    return problems


def _interest(item: dict, cells: dict, by_field: dict, data: dict, listed: dict[str, set[str]], at: str) -> list[str]:
    orgs = {o["name"]: o for o in data["organisations"]}
    issues = {i["id"] for i in data["issues"]}
    if item["organisation"] in listed["organisaties"] - set(orgs) or item["issue"] in listed["opgaven"] - issues:
        return []                  # its organisation's or issue's own row is wrong: said there
    if item["organisation"] not in orgs:
        return [f"{at}, column 'organisatie': value {item['organisation']!r} is not an organisation of the sheet "
                f"organisaties; allowed: {sorted(orgs)}"]
    if item["issue"] not in issues:
        return [f"{at}, column 'opgave': value {item['issue']!r} is not an id of the sheet opgaven; allowed: "
                f"{sorted(issues)}"]
    weight = item["weight"]
    if isinstance(weight, str) or not (isinstance(weight, (int, float)) and math.isfinite(weight) and 0 <= weight <= 100):
        return [f"{at}, column 'gewicht': value {cells[by_field['weight']]!r}: a number in [0, 100] is required"]
    orgs[item["organisation"]].setdefault("interests", {})[item["issue"]] = weight
    return []


def _network(frames: dict, path: Path, data: dict) -> list[str]:
    """The 'netwerk' sheet: rows of (veld, waarde) into meta and governance."""
    frame = frames.get(NETWORK.nl, frames.get(NETWORK.en))
    if frame is None:
        return []
    name = NETWORK.nl if NETWORK.nl in frames else NETWORK.en
    known = {h: c for c in NETWORK.columns for h in (c.nl, c.en)}
    problems = []
    for row, values in enumerate(frame.itertuples(index=False), start=2):
        key, value = (str(v).strip() for v in (list(values) + ["", ""])[:2])
        if not key and not value:
            continue
        column = known.get(key.lower())
        if column is None:
            problems.append(f"{path}: sheet {name!r}, row {row}, column 'veld': value {key!r} is not a field of the "
                            f"network; allowed: {', '.join(repr(c.nl) for c in NETWORK.columns)}")
            continue
        group, field = column.field.split(".")
        parsed = MODES.get(value.lower(), value) if field == "mode" else _value(column, value)
        if value:
            data.setdefault(group, {})[field] = parsed
    meta = data["meta"]
    meta.setdefault("name_en", meta["name_nl"])
    if "description_nl" in meta:
        meta.setdefault("description_en", meta["description_nl"])
    order = ("name_nl", "name_en", "description_nl", "description_en")
    data["meta"] = {**{k: meta[k] for k in order if k in meta}, **{k: v for k, v in meta.items() if k not in order}}
    try:
        validate({**data, "organisations": data["organisations"] or [{"name": "x", "kind": "other", "professionals": 1}]},
                 f"{path}: sheet {name!r}")
    except ScenarioError as exc:
        wrong = [line for line in str(exc).splitlines() if "meta." in line or "governance." in line]
        problems += wrong
    return problems


# --- writing -----------------------------------------------------------------------------------------------
def to_toml(data: dict[str, Any], source: Path) -> str:
    """The scenario as a commented TOML text (the generator's writer, generator.py)."""
    parts = [f"# {data['meta']['name_nl']}: written by `netwerksim new --from {source.name}` (netwerksim.spreadsheet).\n"
             "# The network as it is: who takes part, what each wants, where they meet; what happens in a run\n"
             "# is not written here, it emerges. Edit freely; `netwerksim validate FILE` checks it (docs/model.md).\n",
             _table("[meta]", data["meta"])]
    if "governance" in data:
        parts.append(_table("[governance]", data["governance"], "how the network is governed"))
    notes = {"issues": "an issue the network works on (opgave)", "organisations": "a partner and what it wants",
             "forums": "a table where partners meet (tafel)",
             "relations": "how two partners got along before: their people's starting trust, rivals or not",
             "funders": "who funds which partners, with which performance agreements and how much accounting"}
    for table in ("issues", "organisations", "forums", "relations", "funders"):
        parts += [_table(f"[[{table}]]", item, notes[table] if k == 0 else "") for k, item in enumerate(data.get(table, []))]
    return "\n".join(parts)


def convert(source: str | Path, out: str | Path | None = None) -> Path:
    """Read the spreadsheet ``source`` and write its scenario to ``out`` (default: beside it, ``.toml``; for a
    folder of CSV files, beside the folder); never over an existing file. Returns the path written."""
    source = Path(source)
    data = scenario_data(source)
    folder = source if source.is_dir() else source.parent if source.suffix.lower() == ".csv" else None
    default = folder.parent / f"{folder.name}.toml" if folder is not None else source.with_suffix(".toml")
    target = Path(out) if out is not None else default      # klant/ or klant/organisaties.csv: klant.toml
    text = to_toml(data, source)
    validate(tomllib.loads(text), str(target))          # what is written reads back as a valid scenario
    write_new(target, text, SpreadsheetError, "netwerksim new")
    return target


# --- the template ------------------------------------------------------------------------------------------
EXAMPLE = {   # a fictitious neighbourhood network (no real organisations)
    "netwerk": [("naam", "Wijknetwerk Zuidoost"), ("naam engels", "Neighbourhood network South-East"),
                ("beschrijving", "Gemeente, welzijn, wijkverpleging, huisartsen en woningcorporatie werken samen "
                                 "aan ouderen die langer thuis wonen en aan eenzaamheid."),
                ("weken", "156"), ("regie", "gedeeld"), ("leidende organisatie", "")],
    "organisaties": [
        ("naam", "soort", "professionals", "uren per week", "mandaat", "toezegging", "werkdruk", "gezamenlijk belang",
         "buiten het netwerk", "rollen", "rivalen", "begint in week"),
        ("Gemeente Zuidoost", "gemeente", "6", "4", "0,7", "0,7", "0,5", "0,6", "0", "financier, initiatiefnemer", "",
         "0"),
        ("Welzijn Zuidoost", "welzijn", "12", "4", "0,8", "0,8", "0,6", "0,6", "-0,2", "initiatiefnemer", "", "0"),
        ("Wijkverpleging Thuis", "zorgaanbieder", "15", "3", "0,8", "0,7", "0,7", "0,5", "-0,1", "",
         "Zorg Dichtbij", "0"),
        ("Zorg Dichtbij", "zorgaanbieder", "10", "3", "0,8", "0,6", "0,7", "0,4", "-0,1", "", "Wijkverpleging Thuis",
         "0"),
        ("Huisartsen Zuidoost", "huisartsen", "8", "2", "0,6", "0,6", "0,8", "0,5", "-0,1", "", "", "0"),
        ("Woonstichting Oost", "woningcorporatie", "5", "3", "0,9", "0,6", "0,5", "0,4", "0", "", "", "26"),
    ],
    "opgaven": [("id", "naam", "naam engels", "moeilijkheid", "eigenaar"),
                ("thuis", "Ouderen langer thuis", "Older people at home for longer", "1,2", "Welzijn Zuidoost"),
                ("eenzaam", "Minder eenzaamheid", "Less loneliness", "1,5", "")],
    "belangen": [("organisatie", "opgave", "gewicht"),
                 ("Gemeente Zuidoost", "thuis", "0,5"), ("Gemeente Zuidoost", "eenzaam", "0,5"),
                 ("Welzijn Zuidoost", "eenzaam", "0,7"), ("Welzijn Zuidoost", "thuis", "0,3"),
                 ("Wijkverpleging Thuis", "thuis", "1"), ("Zorg Dichtbij", "thuis", "1"),
                 ("Huisartsen Zuidoost", "thuis", "0,6"), ("Huisartsen Zuidoost", "eenzaam", "0,4"),
                 ("Woonstichting Oost", "thuis", "0,8"), ("Woonstichting Oost", "eenzaam", "0,2")],
    "tafels": [("id", "naam", "naam engels", "leden", "elke hoeveel weken", "uren", "fysiek", "opgaven", "vanaf week",
                "tot week"),
               ("stuurgroep", "Stuurgroep", "Steering group", "Gemeente Zuidoost, Welzijn Zuidoost, Woonstichting Oost",
                "6", "2", "ja", "", "", ""),
               ("wijktafel", "Wijktafel ouderen", "Neighbourhood table older people", "alle", "2", "2", "ja", "thuis",
                "", ""),
               ("eenzaamheid", "Werkgroep eenzaamheid", "Working group loneliness",
                "Welzijn Zuidoost, Gemeente Zuidoost, Huisartsen Zuidoost", "4", "1,5", "nee", "eenzaam", "", "")],
    "relaties": [("organisatie", "partner", "vertrouwen", "vertrouwen terug", "rivalen"),
                 ("Gemeente Zuidoost", "Welzijn Zuidoost", "0,7", "", "nee"),
                 ("Wijkverpleging Thuis", "Zorg Dichtbij", "0,35", "0,4", "ja")],
    "financiers": [("financier", "financiert", "afspraken", "verantwoording"),
                   ("Gemeente Zuidoost", "Welzijn Zuidoost, Woonstichting Oost", "gezamenlijk", "1"),
                   ("Zorgverzekeraar Zuid", "Wijkverpleging Thuis, Zorg Dichtbij", "apart", "1,5")],
}


def explanation() -> list[tuple[str, str, str, str]]:
    """(sheet, column, English column, meaning) for the template's explanation sheet."""
    rows = [("blad / sheet", "kolom", "column", "betekenis")]
    for sheet in (NETWORK, *SHEETS):
        rows.append((f"{sheet.nl} / {sheet.en}", "", "", sheet.meaning))
        rows += [("", c.nl + (" *" if c.required else ""), c.en, c.meaning) for c in sheet.columns]
    return rows


def write_template(target: str | Path) -> Path:
    """The example spreadsheet with an explanation sheet: ``.xlsx``, ``.ods`` or (a folder) ``.csv`` files."""
    import pandas as pd  # noqa: PLC0415

    target = Path(target)
    if target.exists() and not (target.is_dir() and not any(target.iterdir())):
        raise SpreadsheetError(f"{target}: already exists; netwerksim never writes over a file: give a new name")
    sheets = {"uitleg": explanation(), **{k: [("veld", "waarde"), *v] if k == "netwerk" else v
                                          for k, v in EXAMPLE.items()}}
    frames = {name: pd.DataFrame(rows[1:], columns=list(rows[0])) for name, rows in sheets.items()}
    suffix = target.suffix.lower()
    if suffix in READERS:
        tmp = target.with_name(f".{target.name}.tmp{target.suffix}")
        with pd.ExcelWriter(tmp, engine=READERS[suffix]) as writer:
            for name, frame in frames.items():
                frame.to_excel(writer, sheet_name=name, index=False)
        tmp.replace(target)
    elif suffix == "":
        target.mkdir(parents=True, exist_ok=True)
        for name, frame in frames.items():
            frame.to_csv(target / f"{name}.csv", index=False, sep=";", encoding="utf-8")
    else:
        raise SpreadsheetError(f"{target}: value {suffix!r} is not allowed; give a name ending in .xlsx or .ods, or a "
                               "folder name (for .csv files)")
    return target
