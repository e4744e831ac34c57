"""Table-driven tests for duty phrases: splitting, base forms, subjects and what is not a duty."""

from __future__ import annotations

import pytest

from pipeline.process import process_bytes
from pipeline.rules.tasks import verb_phrases
from pipeline.rules.words import base_form
from tests.helpers import run_article

SPLIT_CASES = [
    pytest.param("prune trees, mow lawns, rake leaves", ["prune trees", "mow lawns", "rake leaves"],
                 id="three-base"),
    pytest.param("prune trees and rake leaves", ["prune trees", "rake leaves"], id="noun-verb-after-and",
                 marks=pytest.mark.xfail(strict=True, reason="after a bare 'and', a word that is also a noun "
                                         "('rake') is not split off unless duty_verbs.txt lists it")),
    pytest.param("Grooming dogs and trimming their nails", ["groom dogs", "trim their nails"], id="gerunds"),
    pytest.param("sands, stains and varnishes the floors", ["sand, stain and varnish the floors"],
                 id="shared-object"),
    pytest.param("searching for and booking flights", ["search for and book flights"], id="shared-preposition"),
    pytest.param("uses scanners to read and sort parcels", ["use scanners to read and sort parcels"],
                 id="infinitive-pair-stays"),
    pytest.param("inspects pipes, valves and pumps", ["inspect pipes, valves and pumps"], id="object-list-stays"),
    pytest.param("loads trucks because the depot is busy", ["load trucks"], id="cut-at-because"),
    pytest.param("help residents wash, dress and eat", ["help residents wash, dress and eat"], id="help-someone-do"),
    pytest.param("lift or reposition patients", ["lift or reposition patients"], id="keeps-or"),
    pytest.param("draw up and revise firing schedules", ["draw up and revise firing schedules"],
                 id="phrasal-verb-shares-the-object"),
    pytest.param("set up kilns and test glazes", ["set up kilns", "test glazes"], id="phrasal-verb-with-its-object"),
    pytest.param("inspect the ware and chip off drips of glaze", ["inspect the ware", "chip off drips of glaze"],
                 id="phrasal-verb-after-a-bare-and"),
    pytest.param("record kiln loads and shelf layouts", ["record kiln loads and shelf layouts"],
                 id="a-noun-after-a-bare-and-stays"),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT_CASES)
def test_verb_phrases(text: str, expected: list[str]) -> None:
    assert [p.text for p in verb_phrases(text)] == expected


@pytest.mark.parametrize(("word", "base"), [
    ("prunes", "prune"), ("mowing", "mow"), ("carries", "carry"), ("running", "run"), ("quickly", None),
    ("earns", None),
])
def test_base_form(word: str, base: str | None) -> None:
    assert base_form(word) == base


def test_strict_base_form_rejects_noun_verbs() -> None:
    assert base_form("tables") == "table"
    assert base_form("tables", loose=False) is None


PROSE_CASES = [
    pytest.param("Kiln operators load kilns, set firing schedules and unload finished ware.",
                 {("kiln-operator", "load kilns"), ("kiln-operator", "set firing schedules"),
                  ("kiln-operator", "unload finished ware")}, id="subject-and-list"),
    pytest.param("A kiln operator, sometimes called a firer, monitors temperatures.",
                 {("kiln-operator", "monitor temperatures")}, id="appositive"),
    pytest.param("Kiln operators are responsible for stacking ware and logging each firing.",
                 {("kiln-operator", "stack ware"), ("kiln-operator", "log each firing")}, id="responsible-for"),
    pytest.param("During a firing, they watch cones through a spy hole.", {("glaze-chemist", "watch cones through a "
                 "spy hole")}, id="pronoun-after-intro"),
    pytest.param("Kiln operators load the kilns. Afterward they unload finished ware.",
                 {("kiln-operator", "load the kilns"), ("kiln-operator", "unload finished ware")},
                 id="pronoun-after-a-time-adverb"),
    pytest.param("Kiln operators spend part of each shift checking cones.", {("kiln-operator", "check cones")},
                 id="spend-part-of-each-shift"),
    pytest.param("Glaze chemists, by contrast, spend more of their week testing new recipes, adjusting firing "
                 "schedules and writing safety sheets.",
                 {("glaze-chemist", "test new recipes"), ("glaze-chemist", "adjust firing schedules"),
                  ("glaze-chemist", "write safety sheets")}, id="spend-more-of-their-week-first-task-kept"),
    pytest.param("Kiln operators spend their days loading kilns and logging temperatures.",
                 {("kiln-operator", "load kilns"), ("kiln-operator", "log temperatures")}, id="spend-their-days"),
    pytest.param("Kiln operators spend their evenings with family.", set(), id="spend-time-off-is-no-task"),
    pytest.param("Glaze chemists test recipes, while kiln operators clean the kilns.",
                 {("glaze-chemist", "test recipes"), ("kiln-operator", "clean the kilns")}, id="two-clauses"),
    pytest.param("Kiln operators do not mix glazes.", set(), id="negated"),
    pytest.param("Kiln operators rarely mix glazes.", set(), id="rarely"),
    pytest.param("Most kiln operators hold a bachelor's degree.", set(), id="credential-is-not-a-duty"),
    pytest.param("Registered nurses give injections.", set(), id="another-occupation"),
]


@pytest.mark.parametrize(("sentence", "expected"), PROSE_CASES)
def test_prose_duties(sentence: str, expected: set[tuple[str, str]]) -> None:
    body = "Glaze chemists develop glazes. " + sentence if "they" in sentence.split(",")[-1][:6] else sentence
    article = run_article(body, heading="What they do")
    found = {(role, d.text) for d in article.duties for role in d.roles}
    if "develop glazes" in body:
        found.discard(("glaze-chemist", "develop glazes"))
    assert found == expected


def test_duty_list_items_take_the_list_subject() -> None:
    article = run_article("On a typical day, a glaze chemist might:\n\n- mix test batches\n- fire sample tiles\n",
                          heading="What they do")
    assert {(tuple(d.roles), d.text) for d in article.duties} == {
        (("glaze-chemist",), "mix test batches"), (("glaze-chemist",), "fire sample tiles")}


LIST_CASES = [
    pytest.param("Kiln operators typically do the following:\n\n- Load kilns with green ware\n- Log each firing",
                 "What they do",
                 {("kiln-operator", "load kilns with green ware"), ("kiln-operator", "log each firing")},
                 "duty-task-list", id="do-the-following"),
    pytest.param("Glaze chemists' duties include:\n\n- Mix test batches\n- Fire sample tiles", "Duties",
                 {("glaze-chemist", "mix test batches"), ("glaze-chemist", "fire sample tiles")},
                 "duty-task-list", id="duties-include"),
    pytest.param("Kiln operators typically do the following:\n\n- Carefully stack ware, such as plates and bowls, "
                 "on shelves", "What they do",
                 {("kiln-operator", "stack ware, such as plates and bowls, on shelves")}, "duty-task-list",
                 id="adverb-and-examples-stay"),
    pytest.param("Kiln operators typically do the following:\n\n- Analyze firing logs", "What they do",
                 {("kiln-operator", "analyze firing logs")}, "duty-task-list", id="verb-ending-in-ly-letters"),
    pytest.param("Kiln operators need the following:\n\n- Steady hands\n- Patience", "What they do", set(), "",
                 id="not-tasks", marks=pytest.mark.xfail(strict=True, reason="an item of a list introduced as "
                                                         "something else is still read as a task when its first "
                                                         "word may be a verb ('steady')")),
    pytest.param("Kiln operators typically do the following:\n\n- Load kilns", "Pay", set(), "",
                 id="not-in-a-pay-section"),
    pytest.param("Kiln operators typically do the following:\n\n- As the plant requires, load kilns", "What they do",
                 {("kiln-operator", "load kilns")}, "duty-task-list", id="opening-clause",
                 marks=pytest.mark.xfail(strict=True, reason="an item that opens with a clause before its verb "
                                         "is not read")),
]


@pytest.mark.parametrize(("body", "heading", "expected", "rule"), LIST_CASES)
def test_list_items_under_a_task_intro(body: str, heading: str, expected: set[tuple[str, str]], rule: str) -> None:
    article = run_article(body, heading=heading)
    found = {(role, d.text) for d in article.duties for role in d.roles}
    assert found == expected
    assert all(d.rule == rule for d in article.duties)


SPLIT_SHAPES = [
    pytest.param("inspect, clean and reline the kilns and flues that vent heat, smoke and steam",
                 ["inspect, clean and reline the kilns and flues that vent heat, smoke and steam"],
                 id="long-coordination-stays-whole"),
    pytest.param("weigh raw clay, feldspar, silica and colorants for each test batch so that the chemist can "
                 "compare them with the tiles fired last week",
                 ["weigh raw clay, feldspar, silica and colorants for each test batch so that the chemist can "
                  "compare them"], id="a-long-phrase-ends-on-a-content-word"),
    pytest.param("write the firing notes that operators rely on, and clean the spy holes",
                 ["write the firing notes that operators rely on", "clean the spy holes"],
                 id="a-long-phrase-ending-in-a-preposition-is-whole"),
    pytest.param("load the kilns by hand, checking each shelf for cracks", ["load the kilns by hand"],
                 id="a-participle-clause-is-no-task"),
    pytest.param("help potters with glazing, firing and packing", ["help potters with glazing, firing and packing"],
                 id="a-gerund-list-stays"),
    pytest.param("mix glazes, and in large plants they test them", ["mix glazes"], id="cut-before-a-new-clause"),
    pytest.param("weigh the clay and position the molds on the bench",
                 ["weigh the clay", "position the molds on the bench"], id="noun-verb-before-its-object"),
    pytest.param("log firing data such as temperature, pressure and humidity",
                 ["log firing data such as temperature, pressure and humidity"], id="examples-are-nouns"),
    pytest.param("file purchase orders, tax forms and supplier invoices",
                 ["file purchase orders, tax forms and supplier invoices"], id="a-list-of-compound-nouns"),
    pytest.param("mix glazes, crate tiles and ship the orders", ["mix glazes", "crate tiles", "ship the orders"],
                 id="a-noun-verb-in-a-list-of-tasks"),
    pytest.param("trade glazes, exchange foreign clays and sell tools",
                 ["trade glazes", "exchange foreign clays", "sell tools"], id="noun-verb-before-an-adjective"),
    pytest.param("sort ware by size, then sort seconds from firsts", ["sort ware by size", "sort seconds from firsts"],
                 id="then-after-a-comma"),
    pytest.param("glaze plates and bowls, but also tiles, sinks and tubs",
                 ["glaze plates and bowls, but also tiles, sinks and tubs"], id="but-also-more-objects"),
    pytest.param("glaze plates and bowls, but also repair cracked molds",
                 ["glaze plates and bowls", "repair cracked molds"], id="but-also-another-task"),
    pytest.param("raise the kiln to 1.5 times its usual heat", ["raise the kiln to 1.5 times its usual heat"],
                 id="no-cut-at-a-decimal-point"),
    pytest.param("test soil, clay, grog and local sand", ["test soil, clay, grog and local sand"],
                 id="a-list-of-objects-after-the-first"),
    pytest.param("review shipping notes, sample reports and kiln logs",
                 ["review shipping notes, sample reports and kiln logs"], id="sure-verb-used-as-a-noun",
                 marks=pytest.mark.xfail(strict=True, reason="a word duty_verbs.txt lists ('sample') is split off "
                                         "after a comma even inside a list of nouns")),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT_SHAPES)
def test_verb_phrase_shapes(text: str, expected: list[str]) -> None:
    assert [p.text for p in verb_phrases(text)] == expected


A, B = "kiln-operator", "glaze-chemist"
SUBJECT_CASES = [
    pytest.param("Kiln operators work nights: they stack ware and fire the kilns.",
                 {(A, "stack ware"), (A, "fire the kilns")}, id="pronoun-after-a-colon"),
    pytest.param("Kiln operators stack ware on shelves, and in large plants they fire tunnel kilns.",
                 {(A, "stack ware on shelves"), (A, "fire tunnel kilns")}, id="pronoun-after-a-place"),
    pytest.param("Glaze chemists test recipes. Many also write safety data sheets.",
                 {(B, "test recipes"), (B, "write safety data sheets")}, id="quantifier-opens-the-sentence"),
    pytest.param("Glaze chemists test recipes, and a growing number model glazes on the computer.",
                 {(B, "test recipes"), (B, "model glazes on the computer")}, id="quantifier-after-a-clause-break"),
    pytest.param("Glaze chemists test recipes. Many chemists' labs sell their glazes.", {(B, "test recipes")},
                 id="quantifier-before-a-noun"),
    pytest.param("Glaze chemists test recipes. Some states license the labs.", {(B, "test recipes")},
                 id="quantifier-before-a-plural-noun"),
    pytest.param("Studio glaze chemists mix small batches for potters.", {(B, "mix small batches for potters")},
                 id="a-kind-of-the-role-opens-the-sentence"),
    pytest.param("Glaze chemists test recipes. Mold makers carve the plaster molds that kiln operators fill: they "
                 "shape the clay and trim it.", {(B, "test recipes")}, id="pronoun-after-another-occupation"),
    pytest.param("Both jobs start early, but they lead to very different paychecks.", set(),
                 id="pronoun-for-the-jobs"),
    pytest.param("Glaze chemists test recipes. Some specialize in lead-free glazes.", {(B, "test recipes")},
                 id="a-specialty-is-no-task"),
    pytest.param("Kiln operators who work in large plants unload the cars each morning.",
                 {(A, "unload the cars each morning")}, id="relative-clause-on-the-subject"),
    pytest.param("Kiln operators who work in large plants earn more.", set(), id="relative-clause-then-no-task"),
    pytest.param("Kiln operators often work a few feet apart.", set(), id="working-conditions"),
    pytest.param("Anagama Wood Fired kiln operators stoke the fireboxes.", {(A, "stoke the fireboxes")},
                 id="a-named-kind-of-the-role"),
    pytest.param("Both jobs start early, but glaze chemists mix glazes and kiln operators fire what they mix.",
                 {(B, "mix glazes"), (A, "fire what they mix")}, id="each-clause-its-own-role"),
    pytest.param("Kiln operators sweep the floors, sort ware, and look for cracks in the shelves.",
                 {(A, "sweep the floors"), (A, "sort ware"), (A, "look for cracks in the shelves")},
                 id="a-noun-verb-ends-a-list-of-tasks"),
    pytest.param("Kiln operators load kilns, and their supervisors set the firing schedules.", {(A, "load kilns")},
                 id="a-supervisor's-clause"),
    pytest.param("Kiln operators load kilns while shift supervisors check the logs.", {(A, "load kilns")},
                 id="while-another-occupation"),
    pytest.param("Kiln operators watch the cones while the kiln cools.", {(A, "watch the cones while the kiln cools")},
                 id="while-a-thing"),
    pytest.param("Glaze chemists test recipes. Ceramic engineers, a neighbouring profession, design new kilns. They "
                 "also test refractory bricks.", {(B, "test recipes")}, id="a-neighbouring-occupation"),
    pytest.param("Glaze chemists test recipes. Mold makers, a neighbouring trade, carve plaster molds. They also "
                 "pour slip.", {(B, "test recipes")}, id="a-neighbouring-occupation-the-gazetteer-lacks"),
    pytest.param("Glaze chemists test recipes. Both manage budgets and hire contractors. Both trades require a "
                 "licence. Both sides of the work matter.",
                 {(B, "test recipes"), (A, "manage budgets"), (B, "manage budgets"), (A, "hire contractors"),
                  (B, "hire contractors")}, id="both-as-the-subject"),
    pytest.param("Glaze chemists test recipes. Both keep the kilns busy, but glaze chemists also mix glazes.",
                 {(B, "test recipes"), (B, "mix glazes")}, id="a-shared-summary-before-the-contrast"),
    pytest.param("Both jobs reward patience, but glaze chemists test recipes while kiln operators load kilns.",
                 {(B, "test recipes"), (A, "load kilns")}, id="roles-after-but-and-while"),
    pytest.param("Glaze chemists test recipes. A typical week might include weighing oxides and firing test tiles.",
                 {(B, "test recipes"), (B, "weigh oxides"), (B, "fire test tiles")}, id="a-week-that-might-include"),
]


@pytest.mark.parametrize(("body", "expected"), SUBJECT_CASES)
def test_subject_shapes(body: str, expected: set[tuple[str, str]]) -> None:
    article = run_article(body, heading="What they do")
    assert {(role, d.text) for d in article.duties for role in d.roles} == expected


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("I'm a kiln operator at a brick plant.\n\nDaily duties\n\nWe stack the ware and fire the kilns. We "
                 "also log every firing.\n", {"stack the ware", "fire the kilns", "log every firing"},
                 id="the-writers-job"),
    pytest.param("Kiln operators stack ware.\n\nDaily duties\n\nWe review kiln brands for our readers. We test "
                 "them in our studio.\n", {"stack ware"}, id="we-the-site"),
    pytest.param("I started out sweeping the yard.\n\nDaily duties\n\nAs a kiln operator I stack the ware and fire "
                 "the kilns. On Fridays I log every firing.\n",
                 {"stack the ware", "fire the kilns", "log every firing"}, id="i-as-the-writers-job"),
    pytest.param("Kiln operators stack ware.\n\nDaily duties\n\nI review kiln brands for readers. I test them in "
                 "my garage.\n", {"stack ware"}, id="i-the-reviewer"),
])
def test_we_is_the_role_only_where_the_writer_does_the_job(body: str, expected: set[str]) -> None:
    article = process_bytes(("What Does a Kiln Operator Do?\n\n" + body).encode(), "case.txt")
    assert {d.text for d in article.duties} == expected
