"""Datasette's own words in Chinese: its templates (Datasette 0.65, pinned <0.66) copied at start with each
English phrase a leader would read replaced by the catalogue's Chinese (ids web.w.*), into a folder
Datasette is given as its template_dir. A phrase that is no longer in a template fails loudly (the
translation would silently stop), so a new Datasette is noticed by the tests, not by a leader."""

import re
from pathlib import Path

from guside_cli.messages import text

# template -> (English as the template writes it, what replaces it); [[id]] is the catalogue's word for that id
COUNT = '{{ "{:,}".format(%s) }}'
PHRASES: dict[str, tuple[tuple[str, str], ...]] = {
    "base.html": (
        ("<html>", '<html lang="zh-CN">'),
        ('<title id="nav-menu-svg-title">Menu</title>', '<title id="nav-menu-svg-title">[[web.w.menu]]</title>'),
    ),
    "_footer.html": (
        (
            'Powered by <a href="https://datasette.io/" title="Datasette v{{ datasette_version }}">Datasette</a>',
            '<a href="https://datasette.io/" title="Datasette v{{ datasette_version }}">[[web.w.powered]]</a>',
        ),
        (
            "{% if query_ms %}&middot; Queries took {{ query_ms|round(3) }}ms{% endif %}",
            "{% if query_ms %}&middot; [[web.w.took]] {{ query_ms|round(1) }} ms{% endif %}",
        ),
        ("Data license:", "[[web.w.license]]"),
        ("Data source:", "[[web.w.source]]"),
        ("About:", "[[web.w.about]]"),
    ),
    "_description_source_license.html": (
        ("Data license:", "[[web.w.license]]"),
        ("Data source:", "[[web.w.source]]"),
        ("About:", "[[web.w.about]]"),
    ),
    "index.html": (
        (
            '{{ "{:,}".format(database.table_rows_sum) }} rows in {% endif %}{{ database.tables_count }} table'
            "{% if database.tables_count != 1 %}s{% endif %}",
            '{{ "{:,}".format(database.table_rows_sum) }} [[web.w.rows]]，{% endif %}{{ database.tables_count }} '
            "[[web.w.n_tables]]",
        ),
        (
            '{{ "{:,}".format(database.hidden_table_rows_sum) }} rows in {% endif %}{{ database.hidden_tables_count }}'
            " hidden table{% if database.hidden_tables_count != 1 %}s{% endif -%}",
            '{{ "{:,}".format(database.hidden_table_rows_sum) }} [[web.w.rows]]，{% endif %}'
            "{{ database.hidden_tables_count }} [[web.w.n_hidden_tables]]{%- if false %}{% endif -%}",
        ),
        (
            COUNT % "database.views_count" + " view{% if database.views_count != 1 %}s{% endif %}",
            COUNT % "database.views_count" + " [[web.w.views]]",
        ),
        ('title="{{ table.count }} rows"', 'title="{{ table.count }} [[web.w.rows]]"'),
    ),
    "database.html": (
        ('<h2 id="queries">Queries</h2>', '<h2 id="queries">[[web.w.queries]]</h2>'),
        ('<h2 id="tables">Tables</h2>', '<h2 id="tables">[[web.w.tables]]</h2>'),
        ('<h2 id="views">Views</h2>', '<h2 id="views">[[web.w.views]]</h2>'),
        ("<em> (hidden)</em>", "<em>[[web.w.hidden]]</em>"),
        (
            "{% if table.count is none %}Many rows{% else %}"
            + COUNT % "table.count"
            + " row{% if table.count == 1 %}{% else %}s{% endif %}{% endif %}",
            "{% if table.count is none %}[[web.w.many_rows]]{% else %}[[web.w.total]] "
            + COUNT % "table.count"
            + " [[web.w.rows]]{% endif %}",
        ),
        ("Table actions", "[[web.w.table_actions]]"),
        ("Custom SQL query", "[[web.w.custom_sql]]"),
        ("Format SQL", "[[web.w.format_sql]]"),
        ('value="Run SQL"', 'value="[[web.w.run]]"'),
        ("Download SQLite DB:", "[[web.w.download_db]]"),
    ),
    "query.html": (
        (
            "<h3>Custom SQL query{% if display_rows %} returning {% if truncated %}more than {% endif %}"
            + COUNT % "display_rows|length"
            + " row{% if display_rows|length == 1 %}{% else %}s{% endif %}{% endif %}",
            "<h3>[[web.w.results]]{% if display_rows %}：{% if truncated %}[[web.w.more_than]] {% endif %}"
            + COUNT % "display_rows|length"
            + " [[web.w.rows]]{% endif %}",
        ),
        ("<h3>Query parameters</h3>", "<h3>[[web.w.parameters]]</h3>"),
        ('class="canned-query-edit-sql">Edit SQL</a>', 'class="canned-query-edit-sql">[[web.w.edit_sql]]</a>'),
        (
            "{{ show_hide_text }}",
            '{% if show_hide_text == "hide" %}[[web.w.hide_sql]]{% else %}[[web.w.show_sql]]{% endif %}',
        ),
        ('value="Run SQL"', 'value="[[web.w.run]]"'),
        ("This data as ", "[[web.w.this_data_as]]"),
        (">CSV</a></p>", ">[[web.w.csv]]</a></p>"),
        ('<p class="zero-results">0 results</p>', '<p class="zero-results">[[web.w.zero_results]]</p>'),
        ("This query cannot be executed because the database is immutable.", "[[web.w.immutable]]"),
    ),
    "table.html": (
        (
            COUNT % "filtered_table_rows_count" + " row{% if filtered_table_rows_count == 1 %}{% else %}s{% endif %}",
            "[[web.w.total]] " + COUNT % "filtered_table_rows_count" + " [[web.w.rows]]",
        ),
        (
            "{% if human_description_en %} {{ human_description_en }}{% endif %}",
            "{% if human_description_en %}[[web.w.filtered]]{% endif %}",
        ),
        (
            "{% if human_description_en %}{{ human_description_en }}{% endif %}",
            "{% if human_description_en %}[[web.w.filtered]]{% endif %}",
        ),
        ("Table actions", "[[web.w.table_actions]]"),
        ('<label for="_search">Search:</label>', '<label for="_search">[[web.w.search]]</label>'),
        ("- remove filter -", "- [[web.w.remove_filter]] -"),
        ("- column -", "- [[web.w.column]] -"),
        (">Sort...<", ">[[web.w.sort]]<"),
        (">Sort by {{ column.name }}<", ">[[web.w.sort_by]]{{ column.name }}<"),
        ("> descending<", "> [[web.w.descending]]<"),
        ('value="Apply"', 'value="[[web.w.apply]]"'),
        (">View and edit SQL<", ">[[web.w.view_sql]]<"),
        ("This data as ", "[[web.w.this_data_as]]"),
        ('>CSV</a> (<a href="#export">advanced</a>)', '>[[web.w.csv]]</a>（<a href="#export">[[web.w.advanced]]</a>）'),
        ("These facets timed out:", "[[web.w.facets_timed_out]]"),
        (">Next page<", ">[[web.w.next_page]]<"),
        ("<h3>Advanced export</h3>", "<h3>[[web.w.advanced]]</h3>"),
        ("JSON shape:", "[[web.w.json_shape]]"),
        ("CSV options:", "[[web.w.csv_options]]"),
        ("> download file<", "> [[web.w.download_file]]<"),
        ("> expand labels<", "> [[web.w.expand_labels]]<"),
        ("> stream all rows<", "> [[web.w.stream_all]]<"),
        ('value="Export CSV"', 'value="[[web.w.export_csv]]"'),
    ),
    "_crumbs.html": (
        (
            "{{ item.label }}",
            '{% if item.label == "home" %}[[web.w.home]]{% else %}{{ item.label }}{% endif %}',
        ),
    ),
    "_table.html": (('<p class="zero-results">0 records</p>', '<p class="zero-results">[[web.w.zero_records]]</p>'),),
    "row.html": (("This data as ", "[[web.w.this_data_as]]"), ("Links from other tables", "[[web.w.links_from]]")),
    "_suggested_facets.html": (("Suggested facets:", "[[web.w.suggested_facets]]"),),
}


def chinese_templates(folder: Path, lang: str = "zh") -> Path:
    """Write Datasette's templates with their words in `lang` into `folder` (made if absent); return it."""
    import datasette

    source = Path(datasette.__file__).parent / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    for name, phrases in PHRASES.items():
        template = (source / name).read_text(encoding="utf-8")
        for english, replacement in phrases:
            if english not in template:
                raise RuntimeError(f"Datasette's {name} no longer says {english!r}: update guside_cli/web/chrome.py")
            template = template.replace(english, re.sub(r"\[\[([\w.]+)\]\]", lambda m: text(m[1], lang), replacement))
        (folder / name).write_text(template, encoding="utf-8")
    return folder
