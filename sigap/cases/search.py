"""Full-text search over cases, in Indonesian.

PostgreSQL: ``to_tsvector('indonesian', ...)`` (Snowball stemmer: "jalannya berlubang" and
"jalan berlubang" share the stems *jalan* and *lubang*) over the case's title and description
and over the citizen's inbound messages, each served by a GIN index whose second column is the
case's agency, so that agency staff's searches narrow by agency inside the index (migration
``cases.0009``; the case's vector is a stored column since 0008). SQLite: an FTS5 table kept
in sync by triggers (migration 0005), matched token by token with prefix matching as a poor
man's stemmer.

The expressions here must stay byte-for-byte equal to the indexed ones, or the planner falls
back to recomputing every row's vector.

The inbox resolves a search once into the ids of the newest ``SEARCH_LIMIT`` matches per source
(``case_search_ids``), then lists, counts and ranks over that bounded set: with a million cases
a common word ("jalan") matches hundreds of thousands, and neither ranking them all nor
repeating the match in every tab count fits the page's time budget.

Masked viewers. The indexes hold the original text, but agency staff read anonymous cases with
NIK, phone numbers and e-mail addresses masked (``permissions.must_mask_personal_data``).
Matching those cases on the original would confirm a masked number (and, with prefixes, spell
it out digit by digit). So every search function takes ``masked``, the cases the viewer reads
masked (``selectors.case_masked_q``): the indexes still pick the candidates, then a candidate
among those stays only if its text *as the viewer reads it* matches too
(``_masked_text_matches``: a few dozen rows, the anonymous share of at most ``SEARCH_LIMIT``).
For such viewers the query is monotone ("-" is no NOT, which would test the original text) and
those cases get no rank (ranked from the original, "budi" in a masked e-mail would lift them).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta
from typing import Any

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.lookups import Overlap
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import BigIntegerField, F, FloatField, Func, Q, QuerySet, Value, When
from django.db.models import Case as CaseWhen
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce
from django.db.models.lookups import Lookup
from django.utils import timezone

from sigap.cases.models import Case, Message, MessageDirection
from sigap.routing.detectors.pii import mask_personal_data

SEARCH_CONFIG = "indonesian"
SEARCH_LIMIT = 500  # newest matches kept per source (case text, citizen messages)
# Matches are gathered newest first in these windows back from now (then the rest of history).
SEARCH_WINDOWS = (timedelta(days=30), timedelta(days=365))
MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
TRACKING_NUMBER_RE = re.compile(r"^[A-Za-z]{2,6}-\d{4}-\d{5,}$")
# A token as FTS5's unicode61 tokenizer cuts it: letters and digits; "_" separates.
_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)


class _Document(Func):
    """``to_tsvector('indonesian'::regconfig, a || ' ' || b)``: the indexed expression."""

    arg_joiner = " || ' ' || "
    template = "to_tsvector('indonesian'::regconfig, %(expressions)s)"
    output_field = SearchVectorField()


class _Column(Func):
    """A column the model does not declare, of the table the query gives the model's ``id``.

    PostgreSQL-only columns (the case's ``search_document``, migration 0008; the message's
    ``case_agency_id``, 0009) are not model fields: SQLite has no such columns, and a field
    would make Django write to a generated or trigger-kept column. Compiled as the ``id``
    column of the same query with the name swapped, so it carries whatever alias the query
    gives the table.
    """

    def __init__(self, column: str, output_field: Any) -> None:
        super().__init__(F("id"), output_field=output_field)
        self.column = column

    def as_sql(  # type: ignore[override]
        self, compiler: Any, connection: Any, **extra: Any
    ) -> tuple[str, Any]:
        sql, params = compiler.compile(self.source_expressions[0])
        id_column = '"id"'
        if not sql.endswith(id_column):
            raise ValueError(f"unexpected id column {sql!r}")
        return sql[: -len(id_column)] + f'"{self.column}"', params


def _case_document() -> _Column:
    """The case's stored ``search_document`` column (migration 0008), parsed at write time."""
    return _Column("search_document", SearchVectorField())


def message_case_agency() -> _Column:
    """The agency of a message's case (PostgreSQL, kept by triggers of migration 0009): lets a
    search scope citizen messages by agency without reading each message's case."""
    return _Column("case_agency_id", BigIntegerField())


class AnyOf(Lookup):
    """``column = ANY(%s::bigint[])``: the values as one array parameter (PostgreSQL). The
    inbox filters its list and every tab count by the search's ids: a thousand placeholders
    each time cost more to build, send and parse than the queries take to run."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(  # type: ignore[override]
        self, compiler: Any, connection: Any
    ) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s::bigint[])", [*lhs_params, self.rhs]


def ids_q(ids: tuple[int, ...], *, vendor: str) -> Q:
    """Rows whose id is one of ``ids``: one array parameter on PostgreSQL (``AnyOf``), written
    as the array's text ('{1,2,3}': the driver would check every element of a list)."""
    if vendor == "postgresql" and ids:
        return Q(AnyOf(F("id"), "{" + ",".join(str(int(i)) for i in ids) + "}"))
    return Q(id__in=ids)  # no ids: Django skips the query altogether


def normalise_query(text: str) -> str:
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def looks_like_tracking_number(text: str) -> bool:
    return bool(TRACKING_NUMBER_RE.match(text.strip()))


def case_search(
    cases: QuerySet[Case], text: str, *, rank: bool = False, masked: Q | None = None
) -> QuerySet[Case]:
    """Cases of ``cases`` matching ``text``; with ``rank`` annotated ``search_rank`` (higher is
    more relevant). A tracking number matches that case exactly. ``masked``: the cases the
    viewer reads with personal data masked (see the module docstring), None for none."""
    text = normalise_query(text)
    if not text:
        return cases
    if looks_like_tracking_number(text):
        return cases.filter(tracking_number=text.upper())
    text = viewer_query(text, masked=masked)
    vendor = connections[cases.db].vendor
    if vendor == "postgresql":
        found = _postgres_search(cases, text)
    elif vendor == "sqlite":
        found = _sqlite_search(cases, text)
    else:  # pragma: no cover - other backends
        found = cases.filter(description__icontains=text)
    if masked is not None:
        # The newest masked candidates are checked on their masked text, like the inbox's.
        candidates = found.filter(masked).order_by("-created_at")[:SEARCH_LIMIT]
        _checked, kept = _masked_text_matches(candidates, text)
        found = found.filter(~masked | Q(id__in=kept))
    return case_search_rank(found, text, masked=masked) if rank else found


def viewer_query(text: str, *, masked: Q | None) -> str:
    """The search text as run for this viewer. For a viewer with masked cases the query must
    be monotone: "jalan -santoso" would drop a case for a word of its original text (a masked
    e-mail address) that the viewer cannot see, so "-" is no NOT for them (PostgreSQL's
    websearch syntax; the FTS5 query has no operators at all)."""
    return text if masked is None else normalise_query(text.replace("-", " "))


def _postgres_search(cases: QuerySet[Case], text: str) -> QuerySet[Case]:
    query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
    by_case = Case.objects.alias(document=_case_document()).filter(document=query).values("id")
    by_message = (
        Message.objects.alias(document=_Document(F("text")))
        .filter(direction=MessageDirection.INBOUND, case__isnull=False, document=query)
        .values("case_id")
    )
    # A UNION of two index scans: an OR across the two tables could not use either GIN index.
    return cases.filter(id__in=by_case.union(by_message))


def fts5_tokens(text: str) -> list[str]:
    """``text``'s words as the FTS5 table's tokenizer (unicode61, remove_diacritics 2) reads
    them: lower case, without accents, "_" and punctuation separating."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    plain = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _TOKEN_RE.findall(plain)


def _is_prefix_token(token: str) -> bool:
    """Words of three letters or more match as prefixes (a poor man's stemmer: *jalan* finds
    *jalannya*). Never a token with a digit: "0812"* would confirm the start of a phone
    number or NIK, and a loop over digits would spell out the rest."""
    return len(token) >= 3 and not any(ch.isdigit() for ch in token)


def fts5_query(text: str) -> str:
    """User text as an FTS5 query: each word a quoted token (no operators can slip in), words
    as prefixes where ``_is_prefix_token`` allows."""
    tokens = fts5_tokens(text)[:MAX_TERMS]
    return " ".join(f'"{token}"*' if _is_prefix_token(token) else f'"{token}"' for token in tokens)


def _masked_text_matches(candidates: QuerySet[Case], text: str) -> tuple[set[int], set[int]]:
    """The ids of ``candidates`` (cases a viewer reads masked), and of those whose text as that
    viewer reads it (NIK, phone numbers and e-mail addresses masked, as on the case page) still
    matches ``text``, by the rules of the database's own search: each citizen message on its
    own and the case's title and description together on PostgreSQL, everything of the case as
    one FTS5 row on SQLite. Two queries and, on PostgreSQL, the match; none without candidates
    but the first."""
    using = candidates.db
    documents = [
        (case_id, f"{mask_personal_data(title)} {mask_personal_data(description)}")
        for case_id, title, description in candidates.values_list("id", "title", "description")
    ]
    checked = {case_id for case_id, _ in documents}
    if not checked:
        return checked, set()
    messages = Message.objects.using(using).filter(
        case_id__in=checked, direction=MessageDirection.INBOUND
    )
    documents += [
        (case_id, mask_personal_data(body))
        for case_id, body in messages.values_list("case_id", "text")
        if case_id is not None
    ]
    if connections[using].vendor == "postgresql":
        return checked, _postgres_documents_matching(documents, text, using=using)
    return checked, _fts5_documents_matching(documents, text)


def _postgres_documents_matching(
    documents: list[tuple[int, str]], text: str, *, using: str
) -> set[int]:
    # The same parser, stemmer and websearch syntax as the indexed search, on texts sent along.
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT doc.case_id FROM unnest(%s::bigint[], %s::text[]) "
            "AS doc (case_id, body) WHERE to_tsvector('indonesian'::regconfig, doc.body) "
            "@@ websearch_to_tsquery('indonesian'::regconfig, %s)",
            [[case_id for case_id, _ in documents], [body for _, body in documents], text],
        )
        return {row[0] for row in cursor.fetchall()}


def _fts5_documents_matching(documents: list[tuple[int, str]], text: str) -> set[int]:
    """FTS5's match of ``fts5_query``, in Python: every token present in the case's row, a
    prefix token as the start of one of its words."""
    query = fts5_tokens(text)[:MAX_TERMS]
    words: dict[int, set[str]] = {}
    for case_id, body in documents:
        words.setdefault(case_id, set()).update(fts5_tokens(body))

    def found(token: str, row: set[str]) -> bool:
        if _is_prefix_token(token):
            return any(word.startswith(token) for word in row)
        return token in row

    return {
        case_id
        for case_id, row in words.items()
        if query and all(found(token, row) for token in query)
    }


def _sqlite_search(cases: QuerySet[Case], text: str) -> QuerySet[Case]:
    match = fts5_query(text)
    if not match:
        return cases.none()
    return cases.filter(
        id__in=RawSQL("SELECT rowid FROM cases_case_fts WHERE cases_case_fts MATCH %s", [match])
    )


def _sqlite_rank(match: str) -> RawSQL:
    # bm25() is "lower is better"; negated so both backends sort by ``-search_rank``.
    return RawSQL(
        "SELECT -bm25(cases_case_fts) FROM cases_case_fts "
        'WHERE cases_case_fts MATCH %s AND rowid = "cases_case"."id"',
        [match],
        output_field=FloatField(),
    )


def case_search_ids(
    cases: QuerySet[Case],
    text: str,
    *,
    messages_visible: Q,
    agency_ids: tuple[int, ...] | None = None,
    limit: int = SEARCH_LIMIT,
    masked: Q | None = None,
) -> tuple[list[int], bool]:
    """Ids of the newest ``limit`` cases of ``cases`` matching ``text`` by their own text, plus
    the newest ``limit`` matching by a citizen message (``messages_visible`` scopes those), and
    whether a source had more. One query; each side is bounded by its LIMIT whichever plan
    (GIN bitmap for rare words, newest-first scan for common ones) the database picks.

    ``agency_ids``: ``cases`` (and the visible messages) are exactly those of these agencies;
    the text indexes then narrow by agency themselves (see ``_in_agencies``). ``masked``: the
    cases the viewer reads masked, kept only when their masked text matches too.
    """
    text = normalise_query(text)
    if looks_like_tracking_number(text):
        return list(cases.filter(tracking_number=text.upper()).values_list("id", flat=True)), False
    text = viewer_query(text, masked=masked)
    if connections[cases.db].vendor == "postgresql":
        ids = _postgres_search_ids(cases, text, messages_visible, agency_ids, limit)
        ids = _without_unmatched_masked(cases, ids, text, masked)
        # Counted after the check: the count must not tell that a masked case matched.
        return ids, len(ids) >= limit
    found = case_search(cases, text).order_by("-created_at").values_list("id", flat=True)
    ids = _without_unmatched_masked(cases, list(found[: limit + 1]), text, masked)
    return ids[:limit], len(ids) > limit


def _postgres_search_ids(
    cases: QuerySet[Case],
    text: str,
    messages_visible: Q,
    agency_ids: tuple[int, ...] | None,
    limit: int,
) -> list[int]:
    query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
    by_case = cases.alias(document=_case_document()).filter(document=query)
    by_message = Message.objects.alias(document=_Document(F("text"))).filter(
        messages_visible, direction=MessageDirection.INBOUND, case__isnull=False,
        document=query,
    )  # fmt: skip
    if agency_ids is not None:
        by_case = by_case.filter(_in_agencies(F("agency_id"), agency_ids))
        by_message = by_message.filter(_in_agencies(message_case_agency(), agency_ids))
    # Ordered by an expression no B-tree serves: otherwise the planner may walk the
    # created_at index backwards re-parsing every text until enough rare matches turn up.
    newest_case = Coalesce(F("created_at"), F("updated_at")).desc()
    newest_message = Coalesce(F("created_at"), F("created_at")).desc()
    rows = _newest_in_windows(
        [
            (by_case.order_by(newest_case).values_list("id", "created_at"), SEARCH_WINDOWS),
            (by_message.order_by(newest_message).values_list("case_id", "created_at"),
             SEARCH_WINDOWS),
        ],
        limit=limit,
        now=timezone.now(),
    )  # fmt: skip
    return sorted(set(rows))


def _without_unmatched_masked(
    cases: QuerySet[Case], ids: list[int], text: str, masked: Q | None
) -> list[int]:
    """``ids`` (in order) without the cases read masked whose masked text does not match."""
    if masked is None or not ids:
        return ids
    vendor = connections[cases.db].vendor
    candidates = Case.objects.using(cases.db).filter(ids_q(tuple(ids), vendor=vendor), masked)
    checked, matching = _masked_text_matches(candidates, text)
    dropped = checked - matching
    return [case_id for case_id in ids if case_id not in dropped]


def _in_agencies(agency: Any, ids: tuple[int, ...]) -> Q:
    """``ARRAY[agency] && ids``: the second column of the text indexes (migration 0009), so
    that one GIN scan returns only the matches of these agencies.

    With a separate agency index PostgreSQL had to choose whether to intersect it, and it
    judged by its estimate of the text's matches, which multiplies the words' frequencies: for
    "lampu jalan mati" it expected 457 cases where 18,859 match, read them all from the table
    to keep the officer's none, and did so again in every window.
    """
    array = ArrayField(BigIntegerField())
    agencies = Func(agency, template="ARRAY[%(expressions)s]", output_field=array)
    return Q(Overlap(agencies, Cast(Value(list(ids)), array)))


def _newest_in_windows(
    sources: list[tuple[QuerySet[Any], tuple[timedelta, ...]]],
    *,
    limit: int,
    now: datetime,
) -> list[int]:
    """The ids of the newest ``limit`` rows of each source (``(id, created_at)`` rows, newest
    first), in one query.

    Each source is asked window by window (e.g. the last month, the last year, before): a window
    runs only while the newer ones together hold fewer than ``limit`` rows. A common word
    ("jalan") then costs the matches of one month, not the hundreds of thousands of the whole
    history that the GIN index hands over unordered; the newest ``limit`` are the same rows.
    """
    ctes: list[str] = []
    params: list[Any] = []
    names: list[tuple[int, str]] = []
    for number, (rows, windows) in enumerate(sources):
        for name, sql, window_params in _windows(rows, windows, f"source_{number}", limit, now):
            ctes.append(f"{name} AS MATERIALIZED ({sql})")
            params.extend(window_params)
            names.append((number, name))
    if not ctes:
        return []
    union = " UNION ALL ".join(
        f"SELECT {number} AS source, * FROM {name}"  # noqa: S608
        for number, name in names
    )
    # Sorted here, so that only ids come back (a thousand timestamps to parse cost more).
    found_rows = "found (source, id, created_at)"
    union = (
        f"SELECT found.source, found.id FROM ({union}) AS {found_rows} "  # noqa: S608
        "ORDER BY found.source, found.created_at DESC"
    )
    with connections[sources[0][0].db].cursor() as cursor:
        # Without parallel workers: the planner underrates re-parsing every text and would have
        # workers walk the created_at index of a whole window instead of asking the GIN index.
        # Without JIT: the older windows, costed high but usually skipped, would have every
        # search compile code for seconds. One round trip; RESET undoes the local settings
        # even inside an enclosing transaction.
        cursor.execute(
            "SELECT set_config('max_parallel_workers_per_gather', '0', true), "
            "set_config('jit', 'off', true); "
            f"WITH {', '.join(ctes)} {union}; "
            "RESET max_parallel_workers_per_gather; RESET jit",
            params,
        )
        cursor.nextset()
        found = cursor.fetchall()
    ids: list[int] = []
    for number in range(len(sources)):
        ids += [row[1] for row in found if row[0] == number][:limit]
    return ids


def _windows(
    rows: QuerySet[Any], bounds: tuple[timedelta, ...], prefix: str, limit: int, now: datetime
) -> list[tuple[str, str, tuple[Any, ...]]]:
    """Per window: a CTE name, its SQL and parameters. Only ORM-compiled SQL is spliced in;
    user input stays in the parameters."""
    windows: list[tuple[str, str, tuple[Any, ...]]] = []
    newer_than: datetime | None = None
    for older_than in [*(now - bound for bound in bounds), None]:
        window = rows
        if older_than is not None:
            window = window.filter(created_at__gte=older_than)
        if newer_than is not None:
            window = window.filter(created_at__lt=newer_than)
        try:
            sql, params = window[:limit].query.get_compiler(using=rows.db).as_sql()
        except EmptyResultSet:  # nothing visible: no window can match
            return []
        if windows:  # a pseudo-constant condition: PostgreSQL skips the window when false
            newer = " + ".join(
                f"(SELECT COUNT(*) FROM {name})"  # noqa: S608
                for name, _, _ in windows
            )
            sql = f"SELECT * FROM ({sql}) AS w WHERE {newer} < %s"  # noqa: S608
            params = (*params, limit)
        windows.append((f"{prefix}_{len(windows)}", sql, tuple(params)))
        newer_than = older_than
    return windows


def case_search_rank(
    cases: QuerySet[Case], text: str, *, masked: Q | None = None
) -> QuerySet[Case]:
    """Annotate ``search_rank`` (higher is more relevant) on an already matched, bounded set.
    Cases read masked (``masked``) get none and list after the ranked ones: their rank would
    be computed from the original text, and a word that also stands in a masked e-mail address
    would lift them."""
    text = normalise_query(text)
    if not text or looks_like_tracking_number(text):
        return cases
    text = viewer_query(text, masked=masked)
    vendor = connections[cases.db].vendor
    rank: Any
    if vendor == "postgresql":
        query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        rank = SearchRank(_case_document(), query)
    elif vendor == "sqlite" and (match := fts5_query(text)):
        rank = _sqlite_rank(match)
    else:
        return cases  # pragma: no cover - other backends
    if masked is not None:
        unranked = Value(None, output_field=FloatField())
        rank = CaseWhen(When(masked, then=unranked), default=rank, output_field=FloatField())
    return cases.annotate(search_rank=rank)


def case_find_by_tracking_number(cases: QuerySet[Case], text: str) -> Case | None:
    """The case whose tracking number is exactly ``text`` (the search box jumps to it)."""
    text = text.strip()
    if not looks_like_tracking_number(text):
        return None
    return cases.filter(tracking_number=text.upper()).first()
