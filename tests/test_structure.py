"""Table-driven tests for the structural stages: titles and roles, boilerplate, headings, sections."""

from __future__ import annotations

import pytest

from pipeline.process import process_bytes
from pipeline.rules.mentions import find_mentions
from pipeline.rules.titles import page_title, title_roles
from pipeline.stages.clean import clean, match_rule
from pipeline.stages.load import load_bytes
from pipeline.stages.roles import build_roles
from pipeline.stages.segment import classify_heading, looks_like_heading
from pipeline.types import Block

TITLE_CASES = [
    pytest.param("Dental Assistant vs. Dental Hygienist: What Are the Differences?",
                 ["Dental Assistant", "Dental Hygienist"], id="vs-dot"),
    pytest.param("Baker vs Pastry Chef", ["Baker", "Pastry Chef"], id="vs-no-dot"),
    pytest.param("Welder versus Pipefitter: Which Trade Pays More?", ["Welder", "Pipefitter"], id="versus"),
    pytest.param("Teller vs. Loan Officer vs. Branch Manager: What Are the Differences?",
                 ["Teller", "Loan Officer", "Branch Manager"], id="three-way"),
    pytest.param("Difference Between a Paralegal and a Legal Secretary", ["Paralegal", "Legal Secretary"],
                 id="difference-between"),
    pytest.param("Cook or Chef: Which Career Is Right for You?", ["Cook", "Chef"], id="or-which"),
    pytest.param("What Does a Sonographer Do?", ["Sonographer"], id="what-does"),
    pytest.param("What Is a Court Reporter?", ["Court Reporter"], id="what-is"),
    pytest.param("Forklift Operator Job Description and Salary", ["Forklift Operator"], id="job-description"),
    pytest.param("How to Become an Electrician", ["Electrician"], id="how-to-become"),
    pytest.param("Nurse Midwife (CNM) vs. Doula (CD): Key Differences", ["Nurse Midwife", "Doula"],
                 id="acronyms-in-title"),
    pytest.param("Is a Surveyor the Same as a Cartographer?", ["Surveyor", "Cartographer"], id="same-as"),
    pytest.param("A Day in the Life of a Firefighter", ["Firefighter"], id="day-in-life"),
    pytest.param("How Do Loan Officers and Bank Tellers Differ?", ["Loan Officer", "Bank Teller"], id="how-differ"),
    pytest.param("What I Really Earn as a Bank Teller (Six Years In)", ["Bank Teller"], id="what-i-earn-as"),
    pytest.param("My First Year as a Line Cook", ["Line Cook"], id="first-year-as"),
    pytest.param("Ten Years as a Roofer: The Good and the Bad", ["Roofer"], id="years-as"),
    pytest.param("How Does a Sommelier Differ From a Bartender?", ["Sommelier", "Bartender"], id="how-differ-from"),
    pytest.param("Pharmacist Salary and Job Outlook", ["Pharmacist"], id="salary-title"),
    pytest.param("How Much Do Welders Make?", ["Welder"], id="how-much"),
    pytest.param("Home > Careers > Trades", [], id="breadcrumb-is-not-a-title"),
    pytest.param("Salary Guide", [], id="plain-line"),
]


@pytest.mark.parametrize(("title", "names"), TITLE_CASES)
def test_title_roles(title: str, names: list[str]) -> None:
    assert title_roles(title) == names


def test_role_surface_forms() -> None:
    roles = build_roles(["Dental Assistant", "Dental Hygienist"],
                        "Dental assistants (DAs) and hygienists work together. DAs also file records.")
    text = "Most DAs and dental hygienists, like other hygienists, see patients."
    assert [m.role for m in find_mentions(roles, text)] == ["dental-assistant", "dental-hygienist", "dental-hygienist"]


def test_clipped_names_the_body_uses_are_forms() -> None:
    body = "Rad techs take X-rays. Rad techs also shield patients. Medical assistance is rare."
    (rad,) = build_roles(["Radiologic Technologist"], body)
    assert {"rad tech", "rad techs"} <= set(rad.forms)
    (assistant,) = build_roles(["Medical Assistant"], body + " Medical assistance helps.")
    assert "medical assistance" not in assistant.forms


def test_elliptic_pair_names_both_roles() -> None:
    roles = build_roles(["Web Developer", "Game Developer"], "")
    assert [m.role for m in find_mentions(roles, "Both web and game developers write code.")] == [
        "web-developer", "game-developer"]


def test_noun_modifier_makes_another_occupation() -> None:
    roles = build_roles(["Forklift Operator"], "")
    assert find_mentions(roles, "Crane operators earn more.") == []
    assert [m.role for m in find_mentions(roles, "Experienced operators earn more.")] == ["forklift-operator"]


BOILERPLATE_CASES = [
    pytest.param("Skip to content", "navigation", id="skip-link"),
    pytest.param("Jobs | Courses | Salaries | Sign in", "navigation", id="menu-line"),
    pytest.param("Home > Careers > Healthcare", "navigation", id="breadcrumb"),
    pytest.param("Back to Career Guides", "navigation", id="back-to"),
    pytest.param("Share this article: Facebook | Email", "share_bar", id="share"),
    pytest.param("We use cookies to personalise content.", "cookie_banner", id="cookies"),
    pytest.param("Subscribe to our weekly newsletter", "newsletter", id="newsletter"),
    pytest.param("© 2025 Example Media. All rights reserved.", "footer", id="copyright"),
    pytest.param("Advertisement", "advertisement", id="ad-marker"),
    pytest.param("You might also like", "related_link", id="related-heading"),
    pytest.param("By Ana Ruiz · 5 min read", "byline", id="byline"),
    pytest.param("Photo: Getty Images", "caption", id="photo-credit"),
    pytest.param("Read more: How to Become a Welder", "related_link", id="read-more"),
    pytest.param("Related: How to Read a Blueprint", "related_link", id="related-colon"),
    pytest.param("Comments (8)", "comments", id="comment-count"),
    pytest.param("Rate this guide: ★★★★☆ (96 ratings)", "feedback", id="star-rating"),
    pytest.param("Download our free 2025 Trades Pay Report (PDF)", "advertisement", id="download-offer"),
    pytest.param("Reject optional cookies", "cookie_banner", id="cookie-button"),
    pytest.param("Careers > Construction", "navigation", id="two-level-breadcrumb"),
    pytest.param("Sponsored: Learn to weld in six weeks.", "advertisement", id="sponsored-line"),
    pytest.param("Updated May 2025 | Reviewed by our careers desk", "byline", id="updated-dateline"),
    pytest.param("Fresh job leads delivered to your inbox every week.", "newsletter", id="inbox"),
    pytest.param("Medically reviewed by Dr. A. Lee, RN", "byline", id="reviewed-by"),
    pytest.param("Last updated June 3, 2025", "byline", id="last-updated"),
    pytest.param("Posted by Jane Roe | March 3, 2025", "byline", id="posted-by"),
    pytest.param("Sponsored content", "advertisement", id="sponsored-content"),
    pytest.param("Join our mailing list", "newsletter", id="mailing-list"),
    pytest.param("More career guides", "related_link", id="more-guides"),
    pytest.param("Tags: welding, trades, apprenticeships", "tags", id="tags-line"),
    pytest.param("Filed under: Careers", "tags", id="filed-under"),
    pytest.param("Find pharmacy technician jobs near you", "advertisement", id="job-search-link"),
    pytest.param("Browse welding jobs", "advertisement", id="browse-jobs"),
    pytest.param("Listen to this article", "share_bar", id="listen"),
    pytest.param("Find out which jobs pay the most in your state.", None, id="find-out-is-prose"),
    pytest.param("Topics covered include anatomy and billing codes.", None, id="topics-sentence-is-prose"),
    pytest.param("Pharmacists dispense medication and advise patients.", None, id="prose-is-kept"),
    pytest.param("Written exams are part of the licensing process.", None, id="written-exam-is-prose"),
]


@pytest.mark.parametrize(("line", "reason"), BOILERPLATE_CASES)
def test_boilerplate_lines(line: str, reason: str | None) -> None:
    rule = match_rule(line)
    assert (rule.value if rule else None) == reason


def test_clean_drops_chrome_and_keeps_content() -> None:
    raw = (b"SITE NAME\nHome | Jobs\n\nCook vs. Chef: What Are the Differences?\n\nCooks prepare food.\n\n"
           b"Advertisement\nBuy our knives today\n\nChefs plan menus.\n\nRelated articles\n"
           b"Chef vs. Baker: What Are the Differences?\nCopyright 2025 Example\n")
    doc = clean(load_bytes(raw, "a.txt"))
    kept = [b.text for b in doc.blocks if b.text]
    assert kept == ["Cook vs. Chef: What Are the Differences?", "Cooks prepare food.", "Chefs plan menus."]
    assert doc.related == ["Chef vs. Baker: What Are the Differences?"]
    assert {d.reason for d in doc.removed} >= {"navigation", "advertisement", "related_link"}


RELATED_OR_HEADING = [
    pytest.param("Cooks prepare food and keep the line moving through the dinner rush. " * 4, False,
                 id="a-title-line-over-prose-is-a-heading"),
    pytest.param("Chefs plan menus.", True, id="a-title-line-over-a-short-line-is-a-link"),
    pytest.param("On a busy night a line cook will:\n\n- prep vegetables\n- plate orders", False,
                 id="a-title-line-over-a-lead-in-to-a-list-is-a-heading"),
    pytest.param("Pastry Chef vs. Baker: Which Should You Choose?", True, id="a-title-line-over-another-is-a-link"),
]


@pytest.mark.parametrize(("after", "related"), RELATED_OR_HEADING)
def test_a_title_shaped_line_is_a_related_link_unless_it_heads_prose(after: str, related: bool) -> None:
    raw = (f"Baker vs. Cook: What Are the Differences?\n\nBakers bake bread.\n\n"
           f"Sous Chef vs. Line Cook: Kitchen Jobs Compared\n\n{after}\n").encode()
    doc = clean(load_bytes(raw, "a.txt"))
    assert ("Sous Chef vs. Line Cook: Kitchen Jobs Compared" in doc.related) == related


PROSE = "Kiln operators load and fire the kilns of ceramics plants, watching cones and logs all shift. " * 3
OPENING_CASES = [
    pytest.param(f"{PROSE}\n\nBecoming a Kiln Operator\n\n{PROSE}\n", None, [],
                 id="a-title-shaped-line-after-the-prose-is-a-heading"),
    pytest.param(f"KilnJobs Daily\nListen to this article (4 min)\n\n{PROSE}\n", None, ["KilnJobs Daily"],
                 id="a-site-name-over-boilerplate-is-chrome"),
    pytest.param(f"Median Salary\n\n{PROSE}\n", None, [], id="a-heading-over-prose-stays"),
    pytest.param(f"Pay at a glance\n\nJob Title | Median Pay\nKiln Operator | $41,000\nGlaze Chemist | $68,000\n\n"
                 f"{PROSE}\n", None, [], id="a-heading-over-a-table-stays"),
    pytest.param(f"How to Become a Kiln Operator\n\n{PROSE}\n", "How to Become a Kiln Operator", [],
                 id="a-title-before-the-prose"),
]


@pytest.mark.parametrize(("text", "title", "navigation"), OPENING_CASES)
def test_the_opening_of_an_untagged_text(text: str, title: str | None, navigation: list[str]) -> None:
    article = process_bytes(text.encode(), "a.txt")
    assert article.title == title
    assert [d.text for d in article.removed if d.reason == "navigation"] == navigation


HEADING_CASES = [
    pytest.param("What does a sonographer do?", True, id="question"),
    pytest.param("JOB OUTLOOK", True, id="all-caps"),
    pytest.param("2. Salary and benefits", True, id="numbered"),
    pytest.param("Work environment", True, id="short-line"),
    pytest.param("Sonographers use ultrasound machines to image organs.", False, id="sentence"),
    pytest.param("Pay: $38,000 a year", False, id="money-line"),
]


@pytest.mark.parametrize(("line", "expected"), HEADING_CASES)
def test_plain_text_heading_shapes(line: str, expected: bool) -> None:
    assert looks_like_heading(Block("paragraph", line), "text/plain") is expected


KIND_CASES = [
    pytest.param("What does a sonographer do?", "role_overview", id="what-does"),
    pytest.param("Salary comparison", "salary", id="salary"),
    pytest.param("How to become a welder", "requirements", id="how-to-become"),
    pytest.param("Where do welders work?", "work_environment", id="where-work"),
    pytest.param("Job outlook", "outlook", id="outlook"),
    pytest.param("Pros and cons of each career", "pros_cons", id="pros-cons"),
    pytest.param("Frequently asked questions", "faq", id="faq"),
    pytest.param("Which career should you choose?", "conclusion", id="conclusion"),
    pytest.param("Key skills", "skills", id="skills"),
    pytest.param("Daily duties", "duties", id="duties"),
    pytest.param("What the role pays", "salary", id="pays"),
    pytest.param("Best-paying industries", "salary", id="paying"),
    pytest.param("Sonographers earn more in hospitals", "salary", id="earn"),
    pytest.param("Habits that pay off", "other", id="pay-off-is-no-pay"),
    pytest.param("What ultrasound techs do", "duties", id="what-x-y-do"),
    pytest.param("What the work involves", "duties", id="work-involves"),
    pytest.param("A day in the life", "duties", id="day-in-the-life"),
    pytest.param("Getting hired", "requirements", id="getting-hired"),
    pytest.param("Jobs and openings", "outlook", id="openings"),
    pytest.param("What makes a good sonographer", "skills", id="what-makes-a-good"),
    pytest.param("Similar titles, different jobs", "comparison", id="different-jobs"),
    pytest.param("Two trades, one building site", "comparison", id="two-trades"),
    pytest.param("What the job looks like", "duties", id="job-looks-like"),
    pytest.param("What the work is actually like", "duties", id="work-is-like"),
    pytest.param("What you need to get hired", "requirements", id="get-hired"),
    pytest.param("Which trade suits you?", "conclusion", id="which-suits"),
    pytest.param("Skills that lift a sonographer's pay", "skills", id="skills-head-noun-before-pay"),
    pytest.param("Pay for skilled sonographers", "salary", id="skilled-pay-is-pay"),
    pytest.param("Life at the front desk", "duties", id="life-at-a-post"),
    pytest.param("Work-life balance", "other", id="work-life-balance-is-no-duty"),
]


@pytest.mark.parametrize(("heading", "kind"), KIND_CASES)
def test_heading_kinds(heading: str, kind: str) -> None:
    assert classify_heading(heading, build_roles(["Sonographer"], ""))[0] == kind


# In an article comparing roles, a heading about one role's work introduces that role.
COMPARISON_KIND_CASES = [
    pytest.param("What welders do", "role_overview", id="what-x-do"),
    pytest.param("The pipefitter's day", "role_overview", id="xs-day"),
    pytest.param("A day in the life", "role_overview", id="day-in-the-life"),
    pytest.param("Life on the pipe crew", "role_overview", id="life-on-a-crew"),
    pytest.param("Welder duties", "duties", id="duties-word-stays"),
    pytest.param("Job duties: welder vs. pipefitter", "duties", id="duties-of-both"),
]


@pytest.mark.parametrize(("heading", "kind"), COMPARISON_KIND_CASES)
def test_heading_kinds_in_a_comparison(heading: str, kind: str) -> None:
    assert classify_heading(heading, build_roles(["Welder", "Pipefitter"], ""))[0] == kind


def test_a_heading_that_names_no_kind_takes_its_texts() -> None:
    raw = (b"Welder vs. Pipefitter: What Are the Differences?\n\nBoth trades join metal.\n\nThe short version\n\n"
           b"Welders need a high school diploma and a certificate; pipefitters complete an apprenticeship.\n\n"
           b"Where they work\n\nBoth work on construction sites.\n")
    kinds = [s.kind for s in process_bytes(raw, "welder.txt").sections]
    assert kinds == ["intro", "requirements", "work_environment"]


def test_a_question_heading_that_opens_the_article_is_its_introduction() -> None:
    raw = b"## Who keeps the lights on?\n\nWelders and pipefitters do.\n\n## Pay\n\nWelders earn $48,000 a year.\n"
    assert [s.kind for s in process_bytes(raw, "lights.md").sections] == ["intro", "salary"]


def test_headingless_sections_are_inferred_from_content() -> None:
    raw = (b"Cook vs. Chef: What Are the Differences?\n\nCooks and chefs both work in kitchens.\n\n"
           b"What does a cook do?\n\nCooks prepare food.\n\n\n"
           b"Cooks earn $35,000 a year, while chefs earn $58,000 a year.\n")
    article = process_bytes(raw, "cook.txt")
    assert [(s.kind, s.heading_inferred) for s in article.sections] == [
        ("intro", True), ("role_overview", False), ("salary", True)]


def test_a_summary_right_under_the_title_opens_the_article() -> None:
    raw = (b"# Glassblowers\n\n## Summary\n\nGlassblowers shape molten glass into vessels.\n\n"
           b"## In summary\n\nIt is hot work.\n")
    sections = process_bytes(raw, "g.md").sections
    assert [(s.heading, s.kind, s.start) for s in sections] == [
        ("Summary", "intro", 0), ("In summary", "conclusion", sections[1].start)]


def test_faq_questions_stay_in_the_faq_section() -> None:
    raw = (b"# What Does a Sonographer Do?\n\nSonographers image organs.\n\n## FAQ\n\n"
           b"### Is the job hard?\n\nIt can be.\n\n### Do they work nights?\n\nSome do.\n")
    assert [s.kind for s in process_bytes(raw, "s.md").sections] == ["intro", "faq"]


def test_pay_table_reads_roles_from_the_header_and_figures_from_the_label() -> None:
    raw = (b"<html><body><article><h1>Cook vs. Chef: What Are the Differences?</h1><h2>Pay</h2><table>"
           b"<tr><th></th><th>Cook</th><th>Chef</th></tr>"
           b"<tr><td>Median hourly wage</td><td>$16.50</td><td>$27.10</td></tr>"
           b"<tr><td>Number of jobs</td><td>2,000</td><td>150,000</td></tr>"
           b"</table></article></body></html>")
    pay = [(s.roles, s.amount, s.period, s.statistic) for s in process_bytes(raw, "t.html").salaries]
    assert pay == [(["cook"], 16.5, "hour", "median"), (["chef"], 27.1, "hour", "median")]


TEXT_TABLE_CASES = [
    pytest.param("Job Title | Education | Median Pay\nCook | High school diploma | $34,000\n"
                 "Chef | Culinary certificate | $58,000\n", [(["cook"], 34000.0), (["chef"], 58000.0)], id="pipes"),
    pytest.param("Job Title\tEducation\tMedian Pay\nCook\tHigh school diploma\t$34,000\n"
                 "Chef\tCulinary certificate\t$58,000\n", [(["cook"], 34000.0), (["chef"], 58000.0)], id="tabs"),
]


@pytest.mark.parametrize(("table", "pay"), TEXT_TABLE_CASES)
def test_a_table_pasted_as_text(table: str, pay: list[tuple[list[str], float]]) -> None:
    raw = f"Cook vs. Chef: What Are the Differences?\n\nAt a glance\n\n{table}".encode()
    article = process_bytes(raw, "t.txt")
    assert [(s.roles, s.amount) for s in article.salaries] == pay
    assert not article.duties


def test_menu_lines_pasted_as_text_stay_chrome() -> None:
    raw = b"Home | Jobs | Salaries\nAbout | Contact | Advertise\n\nWhat Does a Cook Do?\n\nCooks prepare food.\n"
    article = process_bytes(raw, "m.txt")
    assert "Home" not in article.text and {d.reason for d in article.removed} == {"navigation"}


PAGE_TITLE_CASES = [
    pytest.param("Cook vs Chef: Key Differences | FoodJobs", "Cook vs Chef: Key Differences", id="pipe-suffix"),
    pytest.param("FoodJobs - What Does a Line Cook Do?", "What Does a Line Cook Do?", id="site-prefix"),
    pytest.param("Careers in food", "Careers in food", id="no-separator"),
]


@pytest.mark.parametrize(("raw", "title"), PAGE_TITLE_CASES)
def test_page_title_drops_the_site_name(raw: str, title: str) -> None:
    assert page_title(raw) == title


def test_html_without_h1_takes_roles_from_the_page_title() -> None:
    raw = (b"<html><head><title>Cook vs Chef: Key Differences - FoodJobs</title></head><body>"
           b"<div class='site-header'><div class='logo'>FoodJobs</div></div><div class='entry-content'>"
           b"<p>This post may contain affiliate links.</p><h2>What is a cook?</h2><p>Cooks prepare food.</p>"
           b"</div></body></html>")
    article = process_bytes(raw, "p.html")
    assert [r.name for r in article.roles] == ["Cook", "Chef"]
    assert article.title == "Cook vs Chef: Key Differences"
    assert "FoodJobs" not in article.text and "affiliate" not in article.text


def test_post_header_with_the_h1_is_kept() -> None:
    raw = (b"<html><body><article><div class='post-header'><h1>What Does a Line Cook Do?</h1>"
           b"<p class='byline'>By A. Writer</p></div><p>Line cooks prepare food.</p></article></body></html>")
    article = process_bytes(raw, "p.html")
    assert article.title == "What Does a Line Cook Do?"
    assert "A. Writer" not in article.text


def test_a_head_noun_opening_another_occupations_name_is_no_mention() -> None:
    roles = build_roles(["Technical Writer", "Copy Editor"], "")
    text = "Writers and authors earn more. Most writers work alone."
    assert [text[m.start : m.end] for m in find_mentions(roles, text)] == ["writers"]


def test_role_name_used_as_a_verb_is_not_a_mention() -> None:
    roles = build_roles(["Chef", "Cook"], "")
    assert [m.role for m in find_mentions(roles, "Private chefs may cook in clients' homes.")] == ["chef"]
    assert [m.role for m in find_mentions(roles, "A cook preps food; cooks earn less.")] == ["cook", "cook"]


def test_school_programmes_and_certifying_bodies() -> None:
    raw = (b"# What Does a Pastry Cook Do?\n\n## Training\n\nMany attend culinary school, which takes one to two "
           b"years. Certification from the American Culinary Federation is optional.\n")
    found = {(q.type, q.education_level or q.name, q.required) for q in process_bytes(raw, "p.md").requirements}
    assert ("education", "postsecondary_nondegree", True) in found
    assert ("certification", "American Culinary Federation", False) in found


def test_markdown_setext_headings() -> None:
    raw = (b"Cook vs. Chef: What Are the Differences?\n========================================\n\n"
           b"Cooks and chefs both feed people.\n\nSalary\n------\n\nCooks earn $35,000 a year.\n")
    article = process_bytes(raw, "s.md")
    assert article.title == "Cook vs. Chef: What Are the Differences?"
    assert [(s.heading, s.kind) for s in article.sections] == [(None, "intro"), ("Salary", "salary")]
    assert "===" not in article.text and "---" not in article.text


def test_html_noise_words_are_single_words() -> None:
    from pipeline.rules.loader import load_lexicon

    # Class and id values are split into words before the lookup, so an entry with a separator never matches.
    assert all(word.isalnum() for word in load_lexicon("html_noise_classes.tsv"))


def test_a_verb_before_the_head_noun_keeps_the_role() -> None:
    roles = build_roles(["Forklift Operator"], "")
    assert [m.role for m in find_mentions(roles, "Warehouses hire operators with a licence.")] == ["forklift-operator"]


def test_a_setting_word_used_as_a_verb_is_not_a_setting() -> None:
    raw = (b"# What Does a Database Administrator Do?\n\n## Where they work\n\n"
           b"Database administrators work in banks and maintain the software that stores customer records.\n")
    assert [s.setting for s in process_bytes(raw, "d.md").settings] == ["bank_financial"]


def test_html_dek_without_a_class_is_a_short_single_sentence_under_the_title() -> None:
    raw = (b"<html><body><article><h1>Cook vs. Chef: What Are the Differences?</h1>"
           b"<p>Two kitchen jobs with different paths.</p><p>Cooks prepare food. Chefs plan menus and run the "
           b"kitchen.</p></article></body></html>")
    assert process_bytes(raw, "k.html").summary == "Two kitchen jobs with different paths."


def test_numbered_lines_together_are_a_list_and_alone_are_headings() -> None:
    raw = (b"Welder vs. Pipefitter: What Are the Differences?\n\n1. What welders do\n\nA typical day:\n"
           b"1. Read blueprints\n2. Cut and join metal\n\n2. Salary\n\nWelders earn $48,000 a year.\n")
    article = process_bytes(raw, "w.txt")
    assert [s.heading for s in article.sections if s.heading] == ["What welders do", "Salary"]
    assert {d.text for d in article.duties} >= {"read blueprints", "cut and join metal"}


def test_short_items_of_a_skills_list_are_skills_as_written() -> None:
    raw = (b"# What Does a Line Cook Do?\n\n## Skills\n\n- Working well under pressure\n- Strong knife work\n"
           b"- Communication\n")
    skills = {s.skill for s in process_bytes(raw, "c.md").skills}
    assert skills == {"working well under pressure", "knife work", "communication"}


def test_titles_in_html_sidebars_are_related_links() -> None:
    raw = (b"<html><body><article><h1>Cook vs. Chef: What Are the Differences?</h1><p>Cooks cook.</p></article>"
           b"<aside class='sidebar'><ul><li><a>Baker vs. Chef: What Are the Differences?</a></li>"
           b"<li><a>Contact us</a></li></ul></aside></body></html>")
    assert process_bytes(raw, "r.html").related == ["Baker vs. Chef: What Are the Differences?"]


def test_roles_from_headings_when_the_title_names_none() -> None:
    raw = (b"# Two Ways Into Health Care\n\nAn intro.\n\n## What is a phlebotomy tech?\n\nThey draw blood.\n\n"
           b"## What is a dialysis tech?\n\nThey run dialysis machines.\n")
    article = process_bytes(raw, "h.md")
    assert article.article_type == "comparison"
    assert [r.name for r in article.roles] == ["Phlebotomy Tech", "Dialysis Tech"]


def test_html_class_words_are_read_as_written() -> None:
    """The parser leaves class attributes as strings; a block's css is their words, one space apart."""
    page = (b"<html><body><article><h1>Kiln Operator vs. Glaze Chemist</h1>"
            b"<p class=' lead\n  intro '>Kiln operators fire kilns in ceramics plants every day.</p>"
            b"<div class='sidebar  promo'><p>Buy our course now and save big.</p></div>"
            b"</article></body></html>")
    doc = load_bytes(page, "kiln.html")
    assert [b.css for b in doc.blocks if b.kind == "paragraph"] == ["lead intro"]
    assert [d.text for d in doc.removed] == ["Buy our course now and save big."]


def test_mentions_follow_a_roles_list_that_grows() -> None:
    """The mention finder keys on the roles list it was last asked with; a longer list is new."""
    roles = build_roles(["Kiln Operator"], "")
    assert [m.role for m in find_mentions(roles, "Kiln operators and glaze chemists")] == ["kiln-operator"]
    roles += build_roles(["Glaze Chemist"], "")
    assert [m.role for m in find_mentions(roles, "Kiln operators and glaze chemists")] == [
        "kiln-operator", "glaze-chemist"]


# Lines the per-line regexes are asked about: the first-character tests in front of them must let
# every line through that the regex alone would take.
LINES = ["- item", "* item", "+ item", "• item", "–item", "– item", "1. Read plans", "12) Fix pipes", "123. No",
         "  3. indented", "\t4) tab", "Plain text", "", "#", "# Title", "#NoSpace", "## Heading ##", "---", "***",
         "_ _ _", "- - -", "===", "  ==", "Salary - 2024", "٣. Arabic-Indic digit", "related: Plumber vs. Welder",
         "RELATED : Baker vs. Chef", "Relatedness of jobs", "e.g.", "u.s.", "a.b.c.", "a.b.c.d."]


@pytest.mark.parametrize("line", LINES)
def test_first_character_tests_agree_with_the_line_regexes(line: str) -> None:
    from pipeline.stages import clean as clean_module
    from pipeline.stages import load

    assert load._bullet(line) == bool(load.BULLET.match(line))
    assert clean_module._unprefixed(line) == clean_module.RELATED_PREFIX.sub("", line)


def test_numbered_lines_next_to_each_other_are_a_list_and_alone_a_heading() -> None:
    from pipeline.stages.load import text_blocks

    blocks = text_blocks("Intro line.\n\n1. Salary\n\nText.\n\n1. Read plans\n 2. Fix pipes\n\n3. Outlook\n")
    assert [(b.kind, b.text) for b in blocks if b.text[:1].isdigit() or b.kind == "list_item"] == [
        ("paragraph", "1. Salary"), ("list_item", "Read plans"), ("list_item", "Fix pipes"),
        ("paragraph", "3. Outlook")]


@pytest.mark.parametrize("path", ["a.txt", "A.TXT", "dir.v2/page.HTML", "notes.md", "x.markdown", "a..txt", ".txt",
                                  "dir/.md", "name.", "noext", "arch.tar.gz", "dir/sub/file.htm"])
def test_media_type_is_read_off_the_path_as_pathlib_reads_its_suffix(path: str) -> None:
    import os
    from pathlib import Path

    from pipeline.types import MEDIA_TYPES

    assert MEDIA_TYPES.get(os.path.splitext(path)[1].lower()) == MEDIA_TYPES.get(Path(path).suffix.lower())
