"""extract: attributed sentences -> typed facts, each grounded in its sentence.

The loop over sentences; each fact has its own module, with its parser and its sentence logic:
``salaries``, ``requirements``, ``settings``, ``skills``, ``duties``.
"""

from __future__ import annotations

from pipeline.extract import duties, requirements, salaries, settings, skills
from pipeline.rules.components import Lexicon, lexicon_matches, lexicon_regions
from pipeline.rules.cues import names_money
from pipeline.types import Facts, RoleInfo, Segmented, Sentence


def extract(seg: Segmented, sentences: list[Sentence], roles: list[RoleInfo]) -> Facts:
    facts = Facts()
    for s in sentences:
        for m in s.roles.mentions:
            facts.surfaces.setdefault(m.role, set()).add(s.text[m.start : m.end])
    # Only the sentences whose facts come from the lexicons are tokenized, and only where a phrase may be.
    listed = settings.place_lists(sentences)
    needed = [(s.start + a, s.start + b) for i, s in enumerate(sentences)
              if _uses_lexicons(s, seg.sections[s.section].kind, i in listed) for a, b in lexicon_regions(s)]
    lexicons = {key: Lexicon(found) for key, found in lexicon_matches(seg.text, needed).items()}
    # What introduced the list being read ("X typically do the following:").
    intro: duties.ListIntro | None = None
    # Each table row's table (header, introduction, money columns), made at the first row: one pass.
    table_index: dict[int, salaries.Table] | None = None
    for i, s in enumerate(sentences):
        kind = seg.sections[s.section].kind
        if s.span.block.kind != "list_item":
            intro = duties.list_intro(s) if s.text[-1:] == ":" else None
        owners: list[str] | None = None
        if s.span.block.kind == "table_row":
            if table_index is None:
                table_index = salaries.tables(seg)
            table = table_index[id(s.span)]
            if table.money or names_money(s):
                salaries.table_salaries(s, table, roles, facts)
            # A row that is about no role gives facts of the table's role(s).
            owners = table.owners(roles)
        elif names_money(s) or kind == "salary":
            salaries.salaries_in(s, roles, kind, facts)
        if kind not in ("outlook",):
            requirements.requirements_in(s, roles, kind, facts)
        settings.settings_in(s, lexicons["settings"], roles, kind, facts, owners, listed.get(i))
        skills.skills_in(s, lexicons["skills"], roles, kind, facts)
        duties.duties_in(s, roles, kind, facts, intro)
    return facts


def _uses_lexicons(s: Sentence, kind: str, listed: bool) -> bool:
    return settings.wanted(s, kind, listed) or skills.wanted(s, kind)
