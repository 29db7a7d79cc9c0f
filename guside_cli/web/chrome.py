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
        # the front page is the guide (metadata's description): no database names, row or table counts
        (
            '{% block title %}{{ metadata.title or "Datasette" }}: {% for database in databases %}{{ database.name }}'
            "{% if not loop.last %}, {% endif %}{% endfor %}{% endblock %}",
            '{% block title %}{{ metadata.title or "Datasette" }}{% endblock %}',
        ),
        ("{% for database in databases %}", "{% for database in databases if false %}"),
    ),
    "database.html": (
        (
            "{% block title %}{{ database }}{% endblock %}",
            "{% block title %}{{ metadata.title or database }}{% endblock %}",
        ),
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
            "{% block title %}{{ database }}{% if query and query.sql %}: {{ query.sql }}{% endif %}{% endblock %}",
            "{% block title %}{% if canned_query and metadata.title %}{{ metadata.title }}{% else %}{{ database }}"
            "{% endif %}{% endblock %}",
        ),
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
        ("{% block title %}{{ database }}: {{ table }}: ", "{% block title %}{{ metadata.title or table }}："),
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
            '{% if item.label == "home" %}[[web.w.home]]{% elif item.label == "public" %}[[web.w.public]]'
            '{% elif item.label == "ledger" %}[[web.w.raw]]{% else %}{{ item.label }}{% endif %}',
        ),
    ),
    "_table.html": (('<p class="zero-results">0 records</p>', '<p class="zero-results">[[web.w.zero_records]]</p>'),),
    "row.html": (("This data as ", "[[web.w.this_data_as]]"), ("Links from other tables", "[[web.w.links_from]]")),
    "_suggested_facets.html": (("Suggested facets:", "[[web.w.suggested_facets]]"),),
}


def chinese_templates(folder: Path, lang: str = "zh", *, style: str = "") -> Path:
    """Write Datasette's templates with their words in `lang` into `folder` (made if absent), `style` (CSS) in
    every page's head; return it."""
    import datasette

    source = Path(datasette.__file__).parent / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    for name, phrases in PHRASES.items():
        template = (source / name).read_text(encoding="utf-8")
        for english, replacement in phrases:
            if english not in template:
                raise RuntimeError(f"Datasette's {name} no longer says {english!r}: update guside_cli/web/chrome.py")
            template = template.replace(english, re.sub(r"\[\[([\w.]+)\]\]", lambda m: text(m[1], lang), replacement))
        if name == "base.html" and style:
            template = template.replace("</head>", f"<style>{style}</style>\n</head>", 1)
        (folder / name).write_text(template, encoding="utf-8")
    return folder
