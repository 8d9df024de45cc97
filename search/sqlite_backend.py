"""Norwegian stemming for Wagtail's SQLite FTS5 search backend.

Indexing: every page's title and body in the index get the Snowball stems of their
words appended («Brukerreisen» → also «brukerreis»). Querying: each term matches
itself or its stem («metoder» → "metoder" OR "metod"), so «metoder» finds a page that
only says «metode», as on PostgreSQL. Compound words: the parts of a page's compounds
(core/compounds.py) go to the index's spare `autocomplete` column, each marked with
`PART_MARK` so they never mix with the words there (the suggestions' prefix queries
cannot reach them); a term also matches its marked form in that column, and hits
are ranked by their own words first, by parts only after. Double quotes inside a term are escaped, which
the stock backend forgets (it fails with «unterminated string»). Ranking: a page of
hits is ranked in one pass over the matches instead of one MATCH per hit (see
`search()`), so a query that matches thousands of pages stays fast.

Written against django-modelsearch 1.3 (Wagtail 7.4); `add_items` follows its
SQLiteIndex.add_items with our indexer. tests/search/ covers it on SQLite.
"""

from functools import cached_property, reduce

from django.db.models import (
    Case,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.db.models.lookups import GreaterThan
from modelsearch.backends.database.sqlite.query import (
    BM25,
    LexemeCombinable,
    MatchExpression,
    SearchQueryExpression,
    SearchQueryField,
    normalize,
)
from modelsearch.backends.database.sqlite.query import Lexeme as BaseLexeme
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchAtomicRebuilder,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchRebuilder,
)
from modelsearch.index import SearchField
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from core.compounds import COMPOUND_PARTS_FIELD

from .backends import Prefix
from .stemming import stem, stemmed_term, stems_of, words

# A private-use character before each compound part in the index. FTS5's unicode61
# tokenizer counts it as a letter, so «\ue000rom» is one token that no query for «rom»
# or «ro*» matches unless it asks for it.
PART_MARK = "\ue000"
# The columns a search looks in: the page's words in title and body, the marked
# compound parts in `autocomplete` (where the suggestions find titles).
WORD_COLUMNS = "{title body}"
PART_COLUMNS = "{autocomplete}"


def with_stems(text):
    stems = stems_of(text)
    return f"{text} {' '.join(stems)}" if stems else text


def marked(text):
    """The stem of each word of `text`, marked as a compound part. Stems only: a query
    term looks for its stem too, and every token here lengthens the row, which lowers
    the page's BM25 score for its own words."""
    return " ".join(dict.fromkeys(PART_MARK + stem(word) for word in words(text)))


class NorwegianObjectIndexer(ObjectIndexer):
    """Title and body with their stems. The title column holds the page's own title
    only: the stock indexer also put the titles of related objects there (a case's
    methods), so a case outranked the method it mentions."""

    def _is_own_title(self, field):
        return isinstance(field, SearchField) and field.field_name == "title"

    @staticmethod
    def _is_compound_parts(field):
        return isinstance(field, SearchField) and field.field_name == COMPOUND_PARTS_FIELD

    @cached_property
    def title(self):
        texts = [
            self.prepare_value(field.get_value(self.obj))
            for field in self.search_fields
            if self._is_own_title(field)
        ]
        return with_stems(" ".join(texts))

    @cached_property
    def body(self):
        texts = []
        for field in self.search_fields:
            if self._is_own_title(field) or self._is_compound_parts(field):
                continue
            for current_field, value in self.prepare_field(self.obj, field):
                if isinstance(current_field, SearchField):
                    texts.append(value)
        return with_stems(" ".join(texts))

    @cached_property
    def autocomplete(self):
        """The suggestions' words (Wagtail's), then the marked compound parts."""
        parts = [
            self.prepare_value(field.get_value(self.obj))
            for field in self.search_fields
            if self._is_compound_parts(field)
        ]
        return " ".join(filter(None, [super().autocomplete, marked(" ".join(parts))]))


class NorwegianSQLiteIndex(SQLiteIndex):
    indexer_class = NorwegianObjectIndexer

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {
            indexer.id: {
                "title": indexer.title,
                "autocomplete": indexer.autocomplete,
                "body": indexer.body,
            }
            for indexer in indexers
        }
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed = frozenset(
            entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True)
        )
        for object_id in indexed:
            entries.filter(object_id=object_id).update(**data[object_id])
        self.entries.bulk_create(
            IndexEntry(content_type_id=content_type_pk, object_id=object_id, **values)
            for object_id, values in data.items()
            if object_id not in indexed
        )
        self._refresh_title_norms()


class Lexeme(BaseLexeme):
    """A quoted FTS5 term; a double quote inside it is doubled, as FTS5 escapes it."""

    def __init__(self, value, **kwargs):
        super().__init__(value.replace('"', '""'), **kwargs)


class Group(LexemeCombinable):
    """Lexemes in parentheses, so «(a OR b) AND c» keeps its meaning in FTS5; with
    `columns`, limited to those columns («{title body} : (a OR b)»)."""

    def __init__(self, inner, columns=""):
        super().__init__(output_field=SearchQueryField())
        self.inner = inner
        self.columns = columns

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.inner)
        scope = f"{self.columns} : " if self.columns else ""
        return "%s", [f"({scope}({sql % tuple(params)}))"]


class ScopedPhrase(LexemeCombinable):
    """A phrase in the page's own words only (not in the compound parts' column)."""

    def __init__(self, text):
        super().__init__(output_field=SearchQueryField())
        self.text = text

    def as_sql(self, compiler, connection):
        quoted = self.text.replace('"', '""')
        return "%s", [f'({WORD_COLUMNS} : "{quoted}")']


# Column weights for FTS5's bm25(): the table's columns are (autocomplete, body, title).
# The stock backend scores the whole row, so a word in the title counted no more than
# one in the body; here a title match weighs five times as much. The compound parts
# in `autocomplete` count nothing here: a hit through its parts only scores 0, after
# every hit with the word itself (whose scores are negative), and those are ordered
# among themselves by PARTS_WEIGHTS.
COLUMN_WEIGHTS = "0.0, 1.0, 5.0"
PARTS_WEIGHTS = "1.0, 0.0, 0.0"
# Added to a whole-word hit's relevance: above any parts-only hit's, whose bm25 over a
# handful of stems stays far below it.
WHOLE_WORD = 1_000_000.0


class WeightedBM25(BM25):
    weights = COLUMN_WEIGHTS

    def as_sql(self, compiler, connection, function=None, template=None):
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {self.weights})", []


class PartsBM25(WeightedBM25):
    weights = PARTS_WEIGHTS


class OnePassRanking:
    # A second score for hits the first scores alike (the compound parts'), or None.
    tiebreak = None

    def relevance(self, rank):
        """Higher for better hits. bm25() is lower for better matches, and 0 for a hit
        through the compound parts only: those come after every hit with the word
        itself, ordered among themselves by the tiebreak's score."""
        relevance = ExpressionWrapper(Value(0.0) - rank, output_field=FloatField())
        if self.tiebreak is None:
            return relevance
        return Case(
            When(GreaterThan(relevance, 0.0), then=Value(WHOLE_WORD) + relevance),
            default=ExpressionWrapper(Value(0.0) - self.tiebreak, output_field=FloatField()),
            output_field=FloatField(),
        )

    def ranked_rows(self, config):
        """(hit_id, hit_type, hit_relevance) of every matching page of the queryset,
        unordered, with relevance higher for better hits; None for what the stock path
        decides (match-all, negation, blank text). For search/onepass.py."""
        query = normalize(self.query)
        if isinstance(query, MatchAll | Not):
            return None
        search_query = self.build_search_query(query, config=config)
        if search_query is None:
            return None
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search_query)
        rank = self._build_rank_expression(self.get_search_vectors(), config)
        candidates = (
            self.queryset.order_by().annotate(_pk_text=Cast("pk", TextField())).values("_pk_text")
        )
        return (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(
                    self.queryset.model
                ),
                index_entry__object_id__in=candidates,
            )
            .annotate(
                hit_id=Cast("index_entry__object_id", IntegerField()),
                hit_type=F("index_entry__content_type_id"),
                hit_relevance=self.relevance(rank),
            )
            .values_list("hit_id", "hit_type", "hit_relevance")
        )

    def search(self, config, start, stop, score_field=None):
        """A page of hits ordered by relevance, scoring each hit once.

        The stock backend orders by a correlated subquery that runs the full-text
        MATCH again for every hit, so a page of results took seconds once a query
        matched thousands of pages. Here one query ranks the matching index entries of
        the (filtered) pages and takes the slice's ids; a second fetches those pages.
        Unsliced searches (counts, facets) and annotated scores keep the stock path.
        """
        rows = None
        if stop is not None and self.order_by_relevance and score_field is None:
            rows = self.ranked_rows(config)
        if rows is None:
            return super().search(config, start, stop, score_field)
        model = self.queryset.model
        ranked = rows.order_by("-hit_relevance", "-hit_id").values_list("hit_id", flat=True)
        ids = [model._meta.pk.to_python(object_id) for object_id in ranked[start:stop]]
        if not ids:
            return self.queryset.none()
        position = Case(*[When(pk=pk, then=Value(n)) for n, pk in enumerate(ids)])
        return self.queryset.filter(pk__in=ids).order_by(position)


class NorwegianSQLiteSearchQueryCompiler(OnePassRanking, SQLiteSearchQueryCompiler):
    # Each term says which of these it looks in (term()); a phrase, the words' only.
    FTS_TABLE_FIELDS = ["title", "body", "autocomplete"]

    @property
    def tiebreak(self):
        return PartsBM25()

    def build_search_query_content(self, query, config=None):
        if isinstance(query, Phrase):
            return SearchQueryExpression(ScopedPhrase(query.query_string), config=config)
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        terms = query.query_string.split()
        if not terms:
            return None
        prefix = isinstance(query, Prefix)
        lexemes = [self.term(term, prefix) for term in terms]
        if query.operator.upper() == "AND":
            combined = reduce(lambda a, b: a & b, lexemes)
        else:
            combined = reduce(lambda a, b: a | b, lexemes)
        return SearchQueryExpression(combined, config=config)

    def _build_rank_expression(self, vectors, config):
        # One weighted bm25() for the row. The stock expression adds the same whole-row
        # bm25 twice, once multiplied by a title-length factor, which ranked any page
        # with a short title first whatever matched.
        return self.build_tsrank(None, self.query, config=config)

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, Phrase | PlainText | Not):
            rank = WeightedBM25()
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    @staticmethod
    def term(term, prefix=False):
        """The term or its stem among the page's words, or marked among its compound
        parts: «(({title body} : ("rom")) OR ({autocomplete} : ("\ue000rom")))»."""
        stemmed = stemmed_term(term)
        if prefix:  # the fallback: words that begin with the term, not parts
            return Group(Lexeme(stemmed or term, prefix=True), WORD_COLUMNS)
        forms = [term, stemmed] if stemmed else [term]
        whole = Group(reduce(lambda a, b: a | b, [Lexeme(form) for form in forms]), WORD_COLUMNS)
        parts = Group(
            reduce(lambda a, b: a | b, [Lexeme(PART_MARK + form) for form in forms]),
            PART_COLUMNS,
        )
        return Group(whole | parts)


class NorwegianSQLiteAutocompleteQueryCompiler(OnePassRanking, SQLiteAutocompleteQueryCompiler):
    pass


class NorwegianSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = NorwegianSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = NorwegianSQLiteAutocompleteQueryCompiler
    index_class = NorwegianSQLiteIndex
    rebuilder_class = SQLiteSearchRebuilder
    atomic_rebuilder_class = SQLiteSearchAtomicRebuilder
    stems_norwegian = True
