"""The roles of an article and their SOC codes, table-driven through the whole pipeline; and the
occupations the gazetteer finds in a sentence.

Each article case is a title or first lines written for the test with a short body; the check is
the roles' names (and SOC codes where given). Pipeline gaps stay as strict xfails.
"""

from __future__ import annotations

from collections import Counter

import pytest

from pipeline.process import process_bytes
from pipeline.rules.full_names import unclipped_name
from pipeline.rules.groups import coordinated, title_members
from pipeline.rules.mentions import find_mentions
from pipeline.rules.nouns import plural, singular
from pipeline.rules.occupations import occupation_of, occupations_in
from pipeline.rules.page_names import row_name
from pipeline.rules.role_count import merge_shorter
from pipeline.rules.role_names import fuller_name
from pipeline.stages.roles import build_roles


def gap(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


def roles_of(text: str, name: str = "case.txt") -> list[tuple[str, str | None]]:
    art = process_bytes(text.encode("utf-8"), name)
    return [(r.name, r.soc) for r in art.roles]


def assert_roles(got: list[tuple[str, str | None]], expected: list[tuple[str, str | None]]) -> None:
    """The roles' names in order, and their SOC codes where expected gives one ("?": not checked)."""
    assert [n for n, _ in got] == [n for n, _ in expected]
    for (_, soc), (_, want) in zip(got, expected, strict=True):
        if want != "?":
            assert soc == want


def html(title: str, h1: str = "", body: str = "<p>Some text about the work.</p>") -> str:
    head = f"<h1>{h1}</h1>" if h1 else ""
    return f"<html><head><title>{title}</title></head><body><main>{head}{body}</main></body></html>"


BODY = "\n\nThe work is varied and the hours are regular.\n"
# A body that names each member of "... Assistants and Aides" on its own: the page treats them as several.
SEVERAL_ASSISTANTS_AIDES = ("\n\nAssistants help patients exercise. Most assistants need an associate degree.\n\n"
                            "Aides clean the treatment area. Aides learn on the job.\n")

# (first lines of an article, expected roles as (name, SOC code or None); a SOC of "?" is not checked)
TITLE_CASES = [
    # title patterns, now linked to SOC codes
    pytest.param("Dental Hygienist vs. Dental Assistant: What Are the Differences?" + BODY,
                 [("Dental Hygienist", "29-1292"), ("Dental Assistant", "31-9091")], id="vs"),
    pytest.param("What Does a Respiratory Therapist Do?" + BODY, [("Respiratory Therapist", "29-1126")],
                 id="what-does"),
    pytest.param("How to Become a Paralegal" + BODY, [("Paralegal", "23-2011")], id="how-to-become"),
    pytest.param("Geodetic, Hydraulic or Coastal Engineer: Which Specialty Fits You?" + BODY,
                 [("Geodetic Engineer", "?"), ("Hydraulic Engineer", "?"), ("Coastal Engineer", "?")],
                 id="a-modifier-the-lexicon-lacks-shares-the-head"),
    pytest.param("Is a glazier the same thing as a window fitter?" + BODY,
                 [("Glazier", "47-2121"), ("Window Fitter", "?")], id="the-same-thing-as"),
    pytest.param("Plumber vs. Electrician: Which Career Is Right for You?" + BODY,
                 [("Plumber", "47-2152"), ("Electrician", "47-2111")], id="vs-which"),
    pytest.param("Glazier Salary, Job Description & Training (2025)" + BODY, [("Glazier", "47-2121")],
                 id="salary-job-description-and-training"),
    pytest.param("Which Pays More, a Glazier or a Roofer?" + BODY,
                 [("Glazier", "47-2121"), ("Roofer", "47-2181")], id="which-question-before-or"),
    pytest.param("Line Cook vs. Prep Cook: What Are the Differences?" + BODY,
                 [("Line Cook", "35-2014"), ("Prep Cook", "35-2021")], id="vs-aliases"),
    pytest.param("Medical Coder vs. Medical Biller: What Are the Differences?" + BODY,
                 [("Medical Coder", "29-2072"), ("Medical Biller", "43-3021")], id="vs-coder-biller"),
    pytest.param("Lineman vs. Electrician: What Are the Differences?" + BODY,
                 [("Lineman", "49-9051"), ("Electrician", "47-2111")], id="vs-lineman"),
    pytest.param("CNA vs. Home Health Aide: What Are the Differences?" + BODY,
                 [("CNA", "31-1131"), ("Home Health Aide", "31-1120")], id="vs-acronym"),
    pytest.param("Kiln Operator vs. Glaze Chemist: What Are the Differences?" + BODY,
                 [("Kiln Operator", "?"), ("Glaze Chemist", "?")], id="vs-unusual-names-kept"),
    pytest.param("Sommelier vs. Brewmaster: What Are the Differences?" + BODY,
                 [("Sommelier", None), ("Brewmaster", None)], id="vs-unknown-soc-null"),
    pytest.param("Pediatric Nurse vs. Registered Nurse: What Are the Differences?" + BODY,
                 [("Pediatric Nurse", "?"), ("Registered Nurse", "29-1141")], id="vs-registered-nurse"),
    pytest.param("Software Developer Salary and Job Outlook" + BODY, [("Software Developer", "15-1252")],
                 id="salary-title"),
    # a title that is occupations itself
    pytest.param("Respiratory Therapists" + BODY, [("Respiratory Therapist", "29-1126")], id="plain-plural"),
    pytest.param("Carpenters" + BODY, [("Carpenter", "47-2031")], id="plain-one-word"),
    pytest.param("Pharmacy Technicians" + BODY, [("Pharmacy Technician", "29-2052")], id="plain-two-words"),
    pytest.param("Heavy and Tractor-trailer Truck Drivers" + BODY,
                 [("Heavy and Tractor-Trailer Truck Driver", "53-3032")], id="group-one-occupation"),
    pytest.param("Accountants and Auditors" + BODY, [("Accountant and Auditor", "13-2011")], id="soc-title-one-role"),
    pytest.param("Paralegals and Legal Assistants" + BODY, [("Paralegal and Legal Assistant", "23-2011")],
                 id="soc-title-two-names"),
    pytest.param("Nurse Anesthetists, Nurse Midwives, and Nurse Practitioners" + BODY,
                 [("Nurse Anesthetist", "29-1151"), ("Nurse Midwife", "29-1161"), ("Nurse Practitioner", "29-1171")],
                 id="group-of-three"),
    pytest.param("Dietitians and Nutritionists" + BODY, [("Dietitian and Nutritionist", "29-1031")], id="one-soc"),
    pytest.param("Welders, Cutters, Solderers, and Brazers" + BODY,
                 [("Welder, Cutter, Solderer, and Brazer", "51-4121")], id="comma-list-one-soc"),
    pytest.param("Hand Laborers and Material Movers" + BODY,
                 [("Hand Laborer and Material Mover", "53-7062")], id="two-names-of-one-occupation"),
    pytest.param("Kindergarten and Elementary School Teachers" + BODY,
                 [("Kindergarten and Elementary School Teacher", "25-2000")], id="modifier-group"),
    pytest.param("Physical Therapist Assistants and Aides" + SEVERAL_ASSISTANTS_AIDES,
                 [("Physical Therapist Assistant", "31-2021"), ("Physical Therapist Aide", "31-2022")],
                 id="lone-head-takes-modifiers"),
    pytest.param("Elementary, Middle, and High School Principals" + BODY,
                 [("Elementary, Middle, and High School Principal", "11-9032")], id="principals"),
    pytest.param("Opticians, Dispensing" + BODY, [("Opticians, Dispensing", "29-2081")], id="inverted-soc-title",
                 marks=gap("an inverted SOC title keeps its order as the role name")),
    # HTML: <title> minus the site's name, or <h1>
    pytest.param(html("Respiratory Therapists : Occupational Outlook Handbook : U.S. Bureau of Labor Statistics"),
                 [("Respiratory Therapist", "29-1126")], id="html-title-site-after-colon"),
    pytest.param(html("Veterinary Technicians | Careers Weekly"), [("Veterinary Technician", "29-2056")],
                 id="html-title-site-after-bar"),
    pytest.param(html("Some Site", h1="Massage Therapists"), [("Massage Therapist", "31-9011")], id="html-h1"),
    pytest.param(html("Firefighter vs. EMT: What Are the Differences? - Job Site"),
                 [("Firefighter", "33-2011"), ("EMT", "29-2042")], id="html-vs-with-site"),
    # headings and words that are no occupation
    pytest.param("Median Salary\n\nRadiation therapists earn a good wage. Radiation therapists treat cancer.\n"
                 "Radiation therapists work in hospitals.\n", [("Radiation Therapist", "29-1124")],
                 id="median-heading"),
    pytest.param("Average Salary: £22,000 - £28,000\n\nDispensing opticians fit glasses. Dispensing opticians "
                 "advise customers on frames.\n", [("Dispensing Optician", "29-2081")], id="average-heading"),
    pytest.param("Job Title | Educational Requirements | Median Annual Salary\nCourt reporter | Certificate | $60,000\n"
                 "Paralegal | Associate degree | $59,000\n\nCourt reporters and paralegals both work in law.\n",
                 [("Court Reporter", "27-3092"), ("Paralegal", "23-2011")], id="header-row-table"),
    pytest.param("Compare the Salaries of Nurses vs. Doctors" + BODY, [("Nurse", "?"), ("Doctor", "?")],
                 id="heading-words-before-roles"),
    pytest.param("Job Title vs. Job Description\n\nWelders join metal. Welders read blueprints. Welders work "
                 "outdoors.\n", [("Welder", "51-4121")], id="no-occupation-vs"),
    pytest.param("Compare the Careers: Salary and Education\n\nMost chefs work in restaurants. Chefs plan "
                 "menus. Chefs hire cooks.\n", [("Chef", "?")], id="compare-the-careers"),
    pytest.param("Compare the Careers\n\nMost pharmacists work in pharmacies. Pharmacists check prescriptions. "
                 "Pharmacists counsel patients.\n", [("Pharmacist", "29-1051")], id="compare-heading"),
    pytest.param("What factors influence a dental hygienist's salary?\n\nDental hygienists earn more in cities. "
                 "Dental hygienists with experience earn more.\n", [("Dental Hygienist", "29-1292")],
                 id="question-heading"),
    # the body: subject, frequency, acronyms; not mentioned in passing
    pytest.param("When I started out, I wanted to work with children.\n\nPhysical therapists (PTs) help patients "
                 "move. PTs plan treatment. Most PTs work in clinics. A doctor refers the patient.\n",
                 [("Physical Therapist", "29-1123")], id="anecdote-acronym"),
    pytest.param("What they do\n\nElectricians install wiring. Electricians read blueprints. Plumbers sometimes work "
                 "beside electricians on a site.\n", [("Electrician", "47-2111")], id="passing-mention-left-out"),
    pytest.param("Pay at a glance\n\nRegistered nurses (RNs) and licensed practical nurses (LPNs) work side by side. "
                 "RNs plan care; LPNs give it. RNs earn more than LPNs. Both RNs and LPNs work shifts.\n",
                 [("Registered Nurse", "29-1141"), ("Licensed Practical Nurse", "29-2061")], id="two-by-acronym"),
    pytest.param("Overview\n\nTruck drivers haul freight. Truck drivers need a licence. Truck drivers spend nights "
                 "away.\n", [("Truck Driver", "53-3032")], id="overview-heading"),
    pytest.param("Summary\n\nThe weather was bad that day.\n", [], id="no-occupation-no-role"),
    # a handbook's quick-facts header
    pytest.param("Summary\n\nQuick Facts: Respiratory Therapists\n\n2023 Median Pay $77,960 per year\n",
                 [("Respiratory Therapist", "29-1126")], id="quick-facts"),
    pytest.param("Quick Facts: Carpenters\n\nNumber of Jobs, 2023: 942,900\n", [("Carpenter", "47-2031")],
                 id="quick-facts-first-line"),
]


@pytest.mark.parametrize(("text", "expected"), TITLE_CASES)
def test_roles_of_an_article(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert_roles(roles_of(text, "case.html" if text.startswith("<html>") else "case.txt"), expected)


# (sentence, expected [(surface, SOC code)] in order)
SENTENCE_CASES = [
    pytest.param("Medical coders translate diagnoses into codes.", [("Medical coders", "29-2072")], id="coder"),
    pytest.param("A lineman climbs utility poles.", [("lineman", "49-9051")], id="lineman"),
    pytest.param("Linemen often travel after storms.", [("Linemen", "49-9051")], id="linemen"),
    pytest.param("Most paralegals work in law firms.", [("paralegals", "23-2011")], id="paralegal"),
    pytest.param("She worked as a line cook for years.", [("line cook", "35-2014")], id="line-cook"),
    pytest.param("Every CNA must pass a state exam.", [("CNA", "31-1131")], id="cna"),
    pytest.param("Registered nurses supervise nursing assistants.",
                 [("Registered nurses", "29-1141"), ("nursing assistants", "31-1131")], id="two"),
    pytest.param("respiratory therapists treat patients with asthma.", [("respiratory therapists", "29-1126")],
                 id="lower-case"),
    pytest.param("RESPIRATORY THERAPISTS work in hospitals.", [("RESPIRATORY THERAPISTS", "29-1126")], id="upper-case"),
    pytest.param("Dental hygienists clean teeth.", [("Dental hygienists", "29-1292")], id="hygienist"),
    pytest.param("Electricians and plumbers share job sites.", [("Electricians", "47-2111"), ("plumbers", "47-2152")],
                 id="pair"),
    pytest.param("The firefighter answered the call.", [("firefighter", "33-2011")], id="firefighter"),
    pytest.param("Dispensing opticians fit eyeglasses.", [("Dispensing opticians", "29-2081")], id="optician"),
    pytest.param("Massage therapists knead muscles.", [("Massage therapists", "31-9011")], id="massage"),
    pytest.param("Welders join metal parts.", [("Welders", "51-4121")], id="welder"),
    pytest.param("Librarians help patrons find books.", [("Librarians", "25-4022")], id="librarian"),
    pytest.param("Library technicians catalog new items.", [("Library technicians", "25-4031")], id="library-tech"),
    pytest.param("Security guards patrol the mall.", [("Security guards", "33-9032")], id="guard"),
    pytest.param("Correctional officers oversee inmates.", [("Correctional officers", "33-3012")], id="co"),
    pytest.param("Veterinary technicians assist veterinarians.",
                 [("Veterinary technicians", "29-2056"), ("veterinarians", "29-1131")], id="vet"),
    pytest.param("A nurse practitioner can prescribe drugs.", [("nurse practitioner", "29-1171")], id="np"),
    pytest.param("Nurse midwives deliver babies.", [("Nurse midwives", "29-1161")], id="midwives"),
    pytest.param("Heavy and tractor-trailer truck drivers haul goods.",
                 [("Heavy and tractor-trailer truck drivers", "53-3032")], id="group-title"),
    pytest.param("Software developers write programs.", [("Software developers", "15-1252")], id="developer"),
    pytest.param("Pharmacists fill prescriptions.", [("Pharmacists", "29-1051")], id="pharmacist"),
    pytest.param("Accountants prepare tax returns.", [("Accountants", "13-2011")], id="accountant"),
    pytest.param("Carpenters build frames.", [("Carpenters", "47-2031")], id="carpenter"),
    pytest.param("Physical therapist assistants help patients exercise.",
                 [("Physical therapist assistants", "31-2021")], id="pta-longest-wins"),
    pytest.param("Occupational therapy assistants teach daily skills.",
                 [("Occupational therapy assistants", "31-2011")], id="ota"),
    pytest.param("Radiation therapists give treatments.", [("Radiation therapists", "29-1124")], id="radiation"),
    pytest.param("Physical therapists (PTs) plan care. Most PTs work in clinics.",
                 [("Physical therapists", "29-1123"), ("PTs", "29-1123"), ("PTs", "29-1123")], id="defined-acronym"),
    pytest.param("Speech-language pathologists (SLPs) treat stuttering; an SLP may work in schools.",
                 [("Speech-language pathologists", "29-1127"), ("SLPs", "29-1127"), ("SLP", "29-1127")],
                 id="defined-acronym-singular"),
    pytest.param("The PT said the OT would call.", [], id="undefined-acronym-is-none"),
    pytest.param("Median salary and job outlook", [], id="no-occupation"),
    pytest.param("The average wage rose in New York.", [], id="no-occupation-new"),
    pytest.param("Therapists help people.", [], id="bare-group-head-is-none"),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCE_CASES)
def test_occupations_in_a_sentence(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(o.text, o.soc) for o in occupations_in(sentence)] == expected


@pytest.mark.parametrize(("name", "soc"), [
    ("Pediatric Registered Nurse", "29-1141"),
    ("Accountant and Auditor", "13-2011"),
    ("Registered Nurse", "29-1141"),
    ("Median", None),
    ("Job Title", None),
    ("Controller", "11-3031"),
    ("Air Traffic Controller", "53-2021"),
    # a general head one detailed title happens to end with names none of them
    ("Slot Supervisor", None),
    ("Supervisor", None),
    ("Coordinator", None),
    # a trade's helpers have their own codes, not the trade's
    ("Roofer's Helper", "47-3016"),
    ("Electrician Helper", "47-3013"),
    ("Maintenance Helper", "49-9098"),
    ("Helper", None),
    # physicians by specialty
    ("Otolaryngologist", "29-1229"),
    ("Pathologist", "29-1222"),
])
def test_soc_of_a_role_name(name: str, soc: str | None) -> None:
    found = occupation_of(name)
    assert (found[0] if found else None) == soc


def test_occupations_are_spans_of_the_component() -> None:
    from pipeline.rules.occupations import occupation_nlp

    nlp = occupation_nlp()
    doc = nlp("Paralegals and court reporters")
    assert [(s.text, s.label_) for s in doc.spans["occupations"]] == [("Paralegals", "23-2011"),
                                                                       ("court reporters", "27-3092")]


@pytest.mark.parametrize(("text", "role", "alias"), [
    ("Pharmacy Technician vs. Pharmacist: What Are the Differences?\n\nMost pharmacy techs work in "
     "drugstores. Pharmacists supervise them.\n", "pharmacy-technician", "pharmacy techs"),
    ("Surgical Technician vs. Nurse: What Are the Differences?\n\nA surgical tech hands instruments to "
     "the surgeon. Nurses care for patients.\n", "surgical-technician", "surgical tech"),
])
def test_clipped_head_is_an_alias(text: str, role: str, alias: str) -> None:
    art = process_bytes(text.encode("utf-8"), "case.txt")
    assert alias in {a.lower() for r in art.roles if r.id == role for a in r.aliases}


# Group titles: each member occupation is a role where the body names each on its own (apart from the
# group's phrase), else the group is one role with its group code. (title, body, expected roles)
GROUP_CASES = [
    pytest.param("Financial Analysts and Advisors",
                 "Financial analysts and advisors work with money.\n\nAnalysts study stocks for banks. Most analysts "
                 "work in offices.\n\nAdvisors meet clients to plan retirement. Advisors often earn fees.\n",
                 [("Financial Analyst", "13-2051"), ("Financial Advisor", "13-2052")], id="lone-head-several"),
    pytest.param("Financial Analysts and Advisors",
                 "Financial analysts and advisors work with money. Analysts and advisors need a degree. Many "
                 "analysts or advisors work long hours.\n",
                 [("Financial Analyst and Advisor", "13-2050")], id="only-the-group-named"),
    pytest.param("Financial Analysts and Advisors",
                 "Financial analysts and advisors work with money.\n\nAnalysts study stocks for banks. Most analysts "
                 "work in offices.\n", [("Financial Analyst and Advisor", "13-2050")], id="one-member-named"),
    pytest.param("Financial Analysts and Advisors",
                 "Financial analysts and advisors work with money.\n\nAnalysts study stocks. Advisors meet clients.\n",
                 [("Financial Analyst and Advisor", "13-2050")], id="each-named-once-is-too-few"),
    pytest.param("Occupational Therapy Assistants and Aides",
                 "Assistants lead therapy exercises. Assistants need an associate degree. Aides prepare the room. "
                 "Aides learn on the job.\n",
                 [("Occupational Therapy Assistant", "31-2011"), ("Occupational Therapy Aide", "31-2012")],
                 id="therapy-assistants-aides"),
    pytest.param("Physical Therapist Assistants and Aides", BODY.strip() + "\n",
                 [("Physical Therapist Assistant and Aide", "31-2020")], id="group-not-treated-as-several"),
    pytest.param("Computer Numerically Controlled Tool Operators and Programmers",
                 "Operators run the machines on the shop floor. Operators load metal stock. Programmers write the "
                 "code the machines follow. Programmers test each program.\n",
                 [("Computer Numerically Controlled Tool Operator", "51-9161"),
                  ("Computer Numerically Controlled Tool Programmer", "51-9162")], id="long-shared-modifier"),
    pytest.param("Locomotive Engineers and Operators",
                 "Engineers drive trains. Engineers watch signals. Operators run yard engines. Operators couple "
                 "cars.\n", [("Locomotive Engineer and Operator", "53-4010")], id="member-outside-the-group"),
    pytest.param("Power Distributors and Dispatchers",
                 "Distributors balance the grid. Distributors watch loads. Dispatchers route crews. Dispatchers "
                 "log outages.\n", [("Power Distributor and Dispatcher", "51-8012")], id="one-detailed-occupation"),
    pytest.param("Clinical Laboratory Technologists and Technicians",
                 "Clinical laboratory technologists and technicians test samples of blood.\n",
                 [("Clinical Laboratory Technologist and Technician", "29-2010")], id="merged-code-one-role"),
    pytest.param("Medical and Clinical Laboratory Technicians",
                 "Technicians run routine tests. Technicians label samples.\n",
                 [("Medical and Clinical Laboratory Technician", "29-2012")], id="merged-member-own-code"),
    pytest.param("Heavy and Tractor-trailer Truck Drivers",
                 "Heavy truck drivers haul gravel. Tractor-trailer drivers haul freight. Drivers sleep in cabs.\n",
                 [("Heavy and Tractor-Trailer Truck Driver", "53-3032")], id="coordinated-modifiers-one-occupation"),
    # "X and Related Workers" is X's group; "related workers" names no occupation of its own
    pytest.param("Food Processing and Related Workers", "Food processing workers run mixers and ovens.\n",
                 [("Food Processing and Related Worker", "51-3000")], id="related-workers-group"),
    pytest.param("Carpet Installers and Related Workers", "Carpet installers measure rooms and lay carpet.\n",
                 [("Carpet Installer and Related Worker", "47-2041")], id="related-workers-occupation"),
    pytest.param("Kiln Stokers and Related Workers", "Kiln stokers feed the fires overnight.\n",
                 [("Kiln Stoker and Related Worker", None)], id="related-workers-unknown-null"),
]


@pytest.mark.parametrize(("title", "body", "expected"), GROUP_CASES)
def test_group_title_roles(title: str, body: str, expected: list[tuple[str, str | None]]) -> None:
    assert roles_of(f"{title}\n\n{body}") == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Occupational Therapy Assistants and Aides", ["Occupational Therapy Assistants", "Aides"]),
    ("Fish and Game Wardens and Inspectors", ["Fish and Game Wardens", "Inspectors"]),
    ("Bakers and Cake and Pastry Decorators", ["Bakers", "Cake and Pastry Decorators"]),
    ("Heavy and Tractor-trailer Truck Drivers", ["Heavy and Tractor-trailer Truck Drivers"]),
    ("Dancers, Singers, and Choreographers", ["Dancers", "Singers", "Choreographers"]),
])
def test_coordinated_parts_of_a_title(title: str, expected: list[str]) -> None:
    assert coordinated(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Financial Analysts and Advisors", [("Financial Analysts", "Analysts", "13-2051"),
                                         ("Financial Advisors", "Advisors", "13-2052")]),
    ("Astronomers and Physicists", [("Astronomers", "Astronomers", "19-2011"),
                                    ("Physicists", "Physicists", "19-2012")]),
    ("Accountants and Auditors", []),  # one occupation's two names
    ("Power Distributors and Dispatchers", []),  # the title is one detailed occupation
    ("Locomotive Engineers and Operators", []),  # "operators" alone is an occupation of another group
    ("Kiln Stokers and Glaze Mixers", []),  # members the gazetteer does not know
])
def test_members_of_a_group_title(title: str, expected: list[tuple[str, str, str]]) -> None:
    assert [tuple(m) for m in title_members(title)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Bakers and related workers start before dawn.", [("Bakers", "51-3011")]),
    ("Related workers load the trucks.", []),
    ("Street vendors and related workers sell snacks.", [("Street vendors", "41-9091")]),
])
def test_related_workers_name_no_occupation(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(o.text, o.soc) for o in occupations_in(sentence)] == expected


@pytest.mark.parametrize(("name", "soc"), [
    ("Clinical Laboratory Technologist", "29-2011"),  # a merged OEWS code's member has its own code
    ("Medical Laboratory Technician", "29-2012"),
    ("Clinical Laboratory Technologist and Technician", "29-2010"),
    ("Team Assembler", "51-2092"),
    ("Travel Guide", "39-7012"),
    ("Food Processing and Related Worker", "51-3000"),
    ("Kiln Stoker and Related Worker", None),
])
def test_soc_of_merged_members_and_residuals(name: str, soc: str | None) -> None:
    found = occupation_of(name)
    assert (found[0] if found else None) == soc


# (page text with a pay table near the top, the roles it has or, with "not", a name that is no role)
TABLE_ROLE_CASES = [
    pytest.param("Three stops on the line\n\nJob Title | Median Pay\nGlass Furnace Operator | $44,000\nGlass Press "
                 "Operator | $47,000\nMold Maker | $39,000\n\nMold makers carve the molds, press operators run the "
                 "presses and furnace operators watch the melt. Press operators work nights. Furnace operators start "
                 "early. Mold makers work days.\n", ["Glass Furnace Operator", "Glass Press Operator", "Mold Maker"],
                 id="a-row-named-by-its-last-modifier-and-head"),
    pytest.param("HR generalist or budget analyst? Start with the numbers\n\nJob Title | Median Pay\nHuman "
                 "Resources Generalist | $64,000\nBudget Analyst | $82,000\n\nHR generalists and budget analysts both "
                 "read numbers all day. Most HR generalists and budget analysts work in offices.\n",
                 ["Human Resources Generalist", "Budget Analyst"], id="a-row-an-acronym-led-name-shortens"),
    pytest.param("Pay at a glance\n\nJob Title | Median Pay\nElectrical Drafter | $64,000\nMechanical Drafter | "
                 "$62,000\n\nElectrical and electronics drafters, usually just called electrical drafters, draw "
                 "wiring plans while mechanical drafters draw machine parts. Most electrical drafters and "
                 "mechanical drafters work in offices.\n",
                 ["Electrical Drafter", "Mechanical Drafter"], id="a-row-keeps-the-name-it-writes"),
    pytest.param("I spent two summers on crews before college.\n\nJob Title | Median Pay\nCarpenter Helper | "
                 "$36,000\nElectrician Helper | $38,000\n\nAs a carpenter's helper I carried lumber. An "
                 "electrician's helper pulls wire. Each carpenter's helper and electrician's helper starts at the "
                 "bottom.\n", ["Carpenter Helper", "Electrician Helper"], id="rows-the-prose-names-by-a-possessive"),
    pytest.param("Two jobs on one line.\n\nJob Title | Median Pay\nGlazier (storefronts) | $48,000\nRoofer "
                 "(commercial) | $47,000\n\nGlaziers set glass while roofers lay membranes. Most glaziers and roofers "
                 "work outdoors.\n", ["Glazier", "Roofer"], id="rows-with-an-aside"),
    pytest.param("Two ways into the shipyard.\n\nJob Title | Median Pay\nWelder Trainee | $31,000\nRigger Trainee | "
                 "$33,000\n\nWelder trainees tack seams while rigger trainees sling loads. Most welder trainees and "
                 "rigger trainees finish in a year.\n", ["Welder Trainee", "Rigger Trainee"],
                 id="rows-that-open-with-an-occupation"),
    pytest.param("Pay at a glance\n\nJob Title | Typical Education | Median Pay\nPastry Chef | Culinary certificate "
                 "| $52,000\nLine Cook | High school diploma | $34,000\n\n"
                 + "Kitchens run on both jobs, and the two share long hours. " * 5
                 + "\n\nLine cooks prepare food to order. Pastry chefs bake. Line cooks and pastry chefs start "
                 "early.\n",
                 ["Pastry Chef", "Line Cook"], id="rows-the-prose-names"),
    pytest.param("Which aide job pays more?\n\nJob Title | Median Pay\nPharmacy Aide | $35,000\n"
                 "Occupational Therapy Aide | $37,000\n\nOT aides earn more than pharmacy aides. Pharmacy aides "
                 "stock shelves, and OT aides set up equipment.\n",
                 ["Pharmacy Aide", "Occupational Therapy Aide"], id="a-row-the-prose-names-by-its-initials"),
    pytest.param("Pay at a glance\n\nJob Title | Typical Education | Median Pay\nPastry Chef | Culinary certificate "
                 "| $52,000\nLine Cook | High school diploma | $34,000\nBaker | High school diploma | $35,000\n\n"
                 "Pastry chefs bake cakes. Most pastry chefs start before dawn, and pastry chefs earn more than a "
                 "line cook.\n", "not Baker", id="a-row-the-prose-hardly-names"),
    pytest.param("When I started fixing washers I was paid $19 an hour. Appliance repairers fix washers, dryers and "
                 "ovens, and most appliance repairers work for repair shops.\n\nPay\n\nOccupation | Median pay\n"
                 "Home appliance repairers | $46,000\nElevator installers | $99,000\n\nAppliance repairers earn "
                 "less than elevator installers.\n", "not Elevator Installer", id="a-pay-tables-neighbouring-job"),
    pytest.param("I have fixed boilers for twenty years.\n\nBoilermakers, usually called boiler techs, repair "
                 "boilers. Boiler techs weld tubes, and boiler techs test valves. Pipe work belongs to pipefitters "
                 "and plumbers.\n\nPay\n\nOccupation | Median pay\nBoilermakers | $70,000\nPipefitters and plumbers "
                 "| $61,000\n\nMost boiler techs travel.\n",
                 "not Plumber", id="a-neighbour-beside-a-role-the-page-calls-by-another-name"),
    pytest.param("Two jobs, one shelter\n\nJob Title | Median Pay\nYouth Counselor | $41,000\nShelter Counselor | "
                 "$37,000\n\nYouth counselors run group sessions, and shelter counselors work nights. Most youth "
                 "counselors and shelter counselors start young.\n",
                 ["Youth Counselor", "Shelter Counselor"], id="rows-the-gazetteer-knows-by-head-noun"),
    pytest.param("Pay at a glance\n\nJob Title | Median Pay\nSoil and Plant Scientists | $67,000\nFarmers, Ranchers, "
                 "and Other Agricultural Managers | $75,000\n\nI work as a soil scientist. Soil scientists map soils, "
                 "and farmers grow crops; farmers also run the farm business.\n",
                 ["Soil Scientist", "Farmer"], id="group-rows-named-as-the-prose-names-them"),
    pytest.param("Two therapy jobs\n\nJob Title | Median Pay\nPhysical Therapist Assistant | $64,000\nPhysical "
                 "Therapist Aide | $31,000\n\nAssistants treat patients under a therapist's direction, while aides "
                 "clean the equipment. Most assistants hold an associate degree; aides learn on the job.\n",
                 ["Physical Therapist Assistant", "Physical Therapist Aide"], id="rows-the-prose-names-by-head-noun"),
    pytest.param("Quick comparison\n\nJob Title | Median Pay\nHull Scraper | $38,000\nSail Mender | $41,000\n\n"
                 "Hull scrapers clean boat bottoms in dry dock, and sail menders stitch torn canvas. Most hull "
                 "scrapers and sail menders learn on the job.\n",
                 ["Hull Scraper", "Sail Mender"], id="rows-of-a-job-title-column-the-gazetteer-lacks"),
    pytest.param("Barge Pilot vs. Sail Mender\n\nJob Title | Median Pay\nRiver barge pilot | $58,000\nSail mender | "
                 "$41,000\n\nBarge pilots steer tows through locks, and sail menders stitch canvas. Most barge pilots "
                 "and sail menders learn on the job.\n",
                 ["River Barge Pilot", "Sail Mender"], id="a-job-column-spells-the-titles-name-out"),
    pytest.param("I worked on a rail gang for ten years before I moved to signals.\n\nJob Title | Median Pay\n"
                 "Tracklayer | $52,000\nSignal Maintainer | $78,000\n\nI started as a track layer, setting ties and "
                 "spiking rail. Signal maintainers test crossing gates, and signal maintainers are on call at night. "
                 "Tracklayers work outdoors.\n", ["Tracklayer", "Signal Maintainer"],
                 id="a-one-word-row-the-prose-writes-as-two"),
]


@pytest.mark.parametrize(("text", "expected"), TABLE_ROLE_CASES)
def test_roles_from_a_pay_table_near_the_top(text: str, expected: list[str] | str) -> None:
    names = [r.name for r in process_bytes(text.encode(), "t.txt").roles]
    if isinstance(expected, str):
        assert expected.removeprefix("not ") not in names
    else:
        assert names == expected


# Titles across the SOC, written for this table in the shapes articles and profile pages take: group
# titles, comma forms, acronyms, "X and Related Workers", comparison and question shapes, titles with
# a site's name, and untitled openings. Each row: the page's text (title line and a short body) and
# the roles it has, with their SOC 2018 codes.
def page(title: str, body: str = "The work suits people who like routine and steady hours.") -> str:
    return f"{title}\n\n{body}\n"


SOC_TITLE_TABLE = [
    # group titles: one role with the whole name, the group's or the occupation's code
    pytest.param(page("Civil Engineering Technologists and Technicians: Duties and Pay"),
                 [("Civil Engineering Technologist and Technician", "17-3022")], id="technologists-and-technicians"),
    pytest.param(page("Financial Analysts and Advisors: Career Overview"),
                 [("Financial Analyst and Advisor", "13-2050")], id="analysts-and-advisors"),
    pytest.param(page("Veterinary Technologists and Technicians: What They Do"),
                 [("Veterinary Technologist and Technician", "29-2056")], id="vet-techs"),
    pytest.param(page("Aircraft Mechanics and Service Technicians: Salary and Training"),
                 [("Aircraft Mechanic and Service Technician", "49-3011")], id="aircraft-mechanics"),
    pytest.param(page("Tour and Travel Guides: Skills You Need"), [("Tour and Travel Guide", "39-7010")],
                 id="coordinated-modifiers"),
    pytest.param(page("Dentists: Education Requirements"), [("Dentist", "29-1020")], id="dentists-group"),
    pytest.param(page("Cooks: Job Description and Duties"), [("Cook", "35-2010")], id="cooks-group"),
    pytest.param(page("Psychologists: Salary and Outlook"), [("Psychologist", "19-3030")], id="psychologists"),
    pytest.param(page("Bus Drivers: How to Become One"), [("Bus Driver", "53-3050")], id="bus-drivers"),
    pytest.param(page("Opticians: Duties and Skills"), [("Optician", "29-2081")], id="opticians"),
    pytest.param(page("Mental Health Counselors: How to Become One"), [("Mental Health Counselor", "21-1014")],
                 id="no-oews-aggregate"),
    pytest.param(page("Paralegals and Legal Assistants: Job Description"),
                 [("Paralegal and Legal Assistant", "23-2011")], id="paralegals"),
    pytest.param(page("Accountants and Auditors: Skills and Education"), [("Accountant and Auditor", "13-2011")],
                 id="accountants"),
    pytest.param(page("Interpreters and Translators: Career Profile"), [("Interpreter and Translator", "27-3091")],
                 id="one-occupation-two-words"),
    pytest.param(page("Heating, Air Conditioning, and Refrigeration Mechanics and Installers: Salary"),
                 [("Heating, Air Conditioning, and Refrigeration Mechanic and Installer", "49-9021")], id="hvac-title"),
    pytest.param(page("Preschool and Childcare Center Directors: Job Description"),
                 [("Preschool and Childcare Center Director", "11-9031")], id="not-producers-and-directors"),
    pytest.param(page("Teacher Assistants: Job Description"), [("Teacher Assistant", "25-9040")],
                 id="teacher-assistants"),
    pytest.param(page("High School Teachers: Salary"), [("High School Teacher", "25-2031")], id="high-school"),
    pytest.param(page("Kindergarten and Elementary School Teachers: Job Description"),
                 [("Kindergarten and Elementary School Teacher", "25-2000")], id="modifiers-share-a-head"),
    pytest.param(page("Home Health and Personal Care Aides: Career Guide"),
                 [("Home Health and Personal Care Aide", "31-1120")], id="aides"),
    pytest.param(page("Landscaping and Groundskeeping Workers: Job Description"),
                 [("Landscaping and Groundskeeping Worker", "37-3011")], id="groundskeeping"),
    pytest.param(page("Postsecondary Teachers: Career Guide"), [("Postsecondary Teacher", "25-1000")],
                 id="minor-group"),
    pytest.param(page("Software and Web Developers, Programmers, and Testers: Career Overview"),
                 [("Software and Web Developer, Programmer, and Tester", "15-1250")], id="serial-group"),
    pytest.param(page("Compensation, Benefits, and Job Analysis Specialists: Job Description"),
                 [("Compensation, Benefits, and Job Analysis Specialist", "13-1141")], id="heading-word-in-name"),
    pytest.param(page("Mental Health and Substance Abuse Social Workers: Job Description"),
                 [("Mental Health and Substance Abuse Social Worker", "21-1023")], id="social-workers"),
    pytest.param(page("Substance Abuse, Behavioral Disorder, and Mental Health Counselors: Salary"),
                 [("Substance Abuse, Behavioral Disorder, and Mental Health Counselor", "21-1010")],
                 id="oews-aggregate-to-group"),
    pytest.param(page("Physicians and Surgeons: Career Guide"), [("Physician", "29-1210"), ("Surgeon", "29-1240")],
                 id="two-groups-two-roles"),
    pytest.param(page("Electricians and Plumbers: Salary Compared"),
                 [("Electrician", "47-2111"), ("Plumber", "47-2152")], id="two-trades"),
    pytest.param(page("Clinical Laboratory Technologists and Technicians: How to Become One"),
                 [("Clinical Laboratory Technologist and Technician", "29-2010")], id="lab-group-whole"),
    pytest.param(page("Clinical Laboratory Technologists and Technicians: How to Become One",
                      "Technologists run complex tests. Technicians run routine tests. Technologists hold a degree, "
                      "and technicians often hold an associate degree."),
                 [("Clinical Laboratory Technologist", "29-2011"), ("Clinical Laboratory Technician", "29-2012")],
                 id="lab-group-apart"),
    pytest.param(page("Technician vs. Technologist: Key Differences"), [("Technician", None), ("Technologist", None)],
                 id="bare-heads-name-nothing-more"),
    # comma forms, as SOC writes them and as prose reads them
    pytest.param(page("Dentists, General: Job Description"), [("Dentist, General", "29-1021")], id="comma-general"),
    pytest.param(page("General Dentists: Salary"), [("General Dentist", "29-1021")], id="general-dentists"),
    pytest.param(page("Architects: Job Description"), [("Architect", "17-1011")], id="except-dropped"),
    pytest.param(page("Short Order Cooks: Pay and Hours"), [("Short Order Cook", "35-2015")], id="short-order"),
    pytest.param(page("Cooks, Restaurant: Duties"), [("Cook, Restaurant", "35-2014")], id="comma-restaurant"),
    pytest.param(page("Restaurant, Lounge, and Coffee Shop Hosts and Hostesses: Job Description"),
                 [("Restaurant, Lounge, and Coffee Shop Host and Hostess", "35-9031")], id="hosts-read"),
    pytest.param(page("Hosts and Hostesses, Restaurant, Lounge, and Coffee Shop: Salary"),
                 [("Host and Hostess, Restaurant, Lounge, and Coffee Shop", "35-9031")], id="hosts-comma"),
    pytest.param(page("Crop, Nursery, and Greenhouse Farmworkers and Laborers: Salary"),
                 [("Crop, Nursery, and Greenhouse Farmworker and Laborer", "45-2092")], id="farmworkers"),
    pytest.param(page("Nursing Instructors and Teachers, Postsecondary: Job Description"),
                 [("Nursing Instructor and Teacher, Postsecondary", "25-1072")], id="postsecondary-comma"),
    pytest.param(page("School Bus Drivers: Salary"), [("School Bus Driver", "53-3051")], id="school-bus"),
    pytest.param(page("Transit and Intercity Bus Drivers: Job Description"),
                 [("Transit and Intercity Bus Driver", "53-3052")], id="transit-bus"),
    pytest.param(page("Metal and Plastic Rolling Machine Setters, Operators, and Tenders: Salary"),
                 [("Metal and Plastic Rolling Machine Setter, Operator, and Tender", "51-4023")], id="qualifier-list"),
    pytest.param(page("Derrick Operators, Oil and Gas: Job Description"),
                 [("Derrick Operator, Oil and Gas", "47-5011")], id="comma-oil-and-gas"),
    pytest.param(page("Oil and Gas Derrick Operators: Salary"), [("Oil and Gas Derrick Operator", "47-5011")],
                 id="oil-and-gas-read"),
    pytest.param(page("Elementary School Teachers: Job Description"), [("Elementary School Teacher", "25-2021")],
                 id="except-special-education"),
    pytest.param(page("Pediatric Dentists: Salary"), [("Pediatric Dentist", "29-1020")], id="ends-with-a-group"),
    # "of" names
    pytest.param(page("Agents and Business Managers of Artists, Performers, and Athletes: Career Guide"),
                 [("Agent and Business Manager of Artists, Performers, and Athletes", "13-1011")], id="agents-of"),
    pytest.param(page("First-Line Supervisors of Police and Detectives: Salary"),
                 [("First-Line Supervisor of Police and Detectives", "33-1012")], id="supervisors-of"),
    pytest.param(page("Sales Representatives of Services: Job Description"),
                 [("Sales Representative of Services", "41-3091")], id="representatives-of"),
    # acronyms
    pytest.param(page("RN vs. LPN: What Are the Differences?",
                      "Registered nurses (RNs) plan care. Licensed practical nurses (LPNs) give basic care."),
                 [("Registered Nurse", "29-1141"), ("Licensed Practical Nurse", "29-2061")], id="acronyms-defined"),
    pytest.param(page("EMT vs. Paramedic: Key Differences"), [("EMT", "29-2042"), ("Paramedic", "29-2043")],
                 id="acronym-known"),
    pytest.param(page("HVAC Technician vs. Electrician"), [("HVAC Technician", "49-9021"), ("Electrician", "47-2111")],
                 id="acronym-in-name"),
    pytest.param(page("PTA vs. OTA: Which Assistant Role Fits You?",
                      "Physical therapist assistants (PTAs) help with exercise. Occupational therapy assistants "
                      "(OTAs) help with daily tasks."),
                 [("Physical Therapist Assistant", "31-2021"), ("Occupational Therapy Assistant", "31-2011")],
                 id="assistant-acronyms"),
    # "X and Related Workers"
    pytest.param(page("Artists and Related Workers: Career Overview"), [("Artist and Related Worker", "27-1010")],
                 id="artists-related"),
    pytest.param(page("Musicians, Singers, and Related Workers: Salary"),
                 [("Musician, Singer, and Related Worker", "27-2040")], id="musicians-related"),
    pytest.param(page("Athletes, Coaches, Umpires, and Related Workers: Job Description"),
                 [("Athlete, Coach, Umpire, and Related Worker", "27-2020")], id="athletes-related"),
    pytest.param(page("Automotive Body and Related Repairers: Duties"),
                 [("Automotive Body and Related Repairer", "49-3021")], id="body-related"),
    pytest.param(page("Door-to-Door Sales Workers, News and Street Vendors, and Related Workers: Job Description"),
                 [("Door-to-Door Sales Worker, News and Street Vendor, and Related Worker", "41-9091")],
                 id="vendors-related"),
    pytest.param(page("Electric Motor, Power Tool, and Related Repairers: Salary"),
                 [("Electric Motor, Power Tool, and Related Repairer", "49-2092")], id="repairers-related"),
    # comparison and question shapes
    pytest.param(page("Difference Between a Pharmacist and a Pharmacy Technician"),
                 [("Pharmacist", "29-1051"), ("Pharmacy Technician", "29-2052")], id="difference-between"),
    pytest.param(page("What's the Difference Between Welders and Machinists?"),
                 [("Welder", "51-4121"), ("Machinist", "51-4041")], id="whats-the-difference"),
    pytest.param(page("Carpenter or Electrician: Which Career Is Right for You?"),
                 [("Carpenter", "47-2031"), ("Electrician", "47-2111")], id="or-which"),
    pytest.param(page("Should You Become a Paralegal or a Legal Secretary?"),
                 [("Paralegal", "23-2011"), ("Legal Secretary", "43-6012")], id="should-you-become"),
    pytest.param(page("Should You Be a Welder or a Machinist? | ShopJobs"),
                 [("Welder", "51-4121"), ("Machinist", "51-4041")], id="should-you-be"),
    pytest.param(page("Is a Phlebotomist the Same as a Medical Assistant?"),
                 [("Phlebotomist", "31-9097"), ("Medical Assistant", "31-9092")], id="same-as"),
    pytest.param(page("How Much Does a Dental Hygienist Make? (2024 Salary Guide)"),
                 [("Dental Hygienist", "29-1292")], id="how-much"),
    pytest.param(page("How Much Do Glaziers Really Make? (2025 Salary Guide)"), [("Glazier", "47-2121")],
                 id="how-much-really"),
    pytest.param(page("Do Welders and Machinists Do the Same Job?"),
                 [("Welder", "51-4121"), ("Machinist", "51-4041")], id="do-the-same-job"),
    pytest.param(page("Are Roofers and Carpenters Really Different?"),
                 [("Roofer", "47-2181"), ("Carpenter", "47-2031")], id="really-different"),
    pytest.param(page("Should You Be a Welder, Pipefitter or Boilermaker?"),
                 [("Welder", "51-4121"), ("Pipefitter", "47-2152"), ("Boilermaker", "47-2011")], id="three-with-or"),
    pytest.param(page("Welder, Roofer or Glazier? (2025 Salary Guide)"),
                 [("Welder", "51-4121"), ("Roofer", "47-2181"), ("Glazier", "47-2121")], id="three-then-guide"),
    pytest.param(page("Roofer, Glazier or Carpenter: Who Earns the Most?"),
                 [("Roofer", "47-2181"), ("Glazier", "47-2121"), ("Carpenter", "47-2031")], id="three-then-who"),
    pytest.param(page("Hammers or Hoses? How Carpenters and Plumbers Compare"),
                 [("Carpenter", "47-2031"), ("Plumber", "47-2152")], id="a-hook-then-how-they-compare"),
    pytest.param(page("Civil vs. Mechanical vs. Aerospace Engineering Technician: Pay and Training"),
                 [("Civil Engineering Technician", "17-3022"), ("Mechanical Engineering Technician", "17-3027"),
                  ("Aerospace Engineering Technician", "17-3029")], id="modifiers-share-the-last-name"),
    pytest.param(page("Dental, Medical or Veterinary Assistant: Which Fits You?"),
                 [("Dental Assistant", "31-9091"), ("Medical Assistant", "31-9092"),
                  ("Veterinary Assistant", "31-9096")], id="modifiers-share-the-head"),
    pytest.param(page("How Much Do Career and Technical Education Teachers Make?"),
                 [("Career and Technical Education Teacher", None)], id="a-heading-word-coordinated-in-a-name"),
    pytest.param(page("Should You Become a Glazier or an Orthoptist?"), [("Glazier", "47-2121"), ("Orthoptist", None)],
                 id="should-you-become-names-careers-the-gazetteer-lacks"),
    pytest.param(page("Should You Become a Nurse or Go Back to School?"), [], id="should-you-become-or-a-plan"),
    pytest.param(page("IT Manager or Sales Manager? Two Leadership Careers Compared"),
                 [("IT Manager", None), ("Sales Manager", "11-2022")], id="an-acronym-is-no-heading-word"),
    pytest.param(page("How Much Do Electricians and Plumbers Make? (2024 Salary Guide)"),
                 [("Electrician", "47-2111"), ("Plumber", "47-2152")], id="how-much-two"),
    pytest.param(page("Roofer vs. Carpenter | TradeHub"), [("Roofer", "47-2181"), ("Carpenter", "47-2031")],
                 id="site-name"),
    pytest.param(page("How to Become a Loan Officer | MoneyJobs"), [("Loan Officer", "13-2072")],
                 id="how-to-become-site"),
    pytest.param(page("Electrician Careers & Wages"), [("Electrician", "47-2111")], id="careers-and-wages"),
    pytest.param(page("Airline Jobs & Wages", "The pay varies with the carrier and the route."), [],
                 id="no-role-airline-jobs"),
    pytest.param(page("What Does a Respiratory Therapist Do?"), [("Respiratory Therapist", "29-1126")],
                 id="what-does"),
    pytest.param(page("What Does a First-Line Supervisor of Food Preparation and Serving Workers Do?"),
                 [("First-Line Supervisor of Food Preparation and Serving Workers", "35-1012")], id="long-what-does"),
    pytest.param(page("A Day in the Life of a Firefighter"), [("Firefighter", "33-2011")], id="day-in-life"),
    pytest.param(page("Financial Analysts vs. Personal Financial Advisors"),
                 [("Financial Analyst", "13-2051"), ("Personal Financial Advisor", "13-2052")], id="vs-two-members"),
    pytest.param(page("Nurse Midwives vs. Nurse Practitioners"),
                 [("Nurse Midwife", "29-1161"), ("Nurse Practitioner", "29-1171")], id="midwives"),
    pytest.param(page("Marketing Managers vs. Sales Managers"),
                 [("Marketing Manager", "11-2021"), ("Sales Manager", "11-2022")], id="managers"),
    pytest.param(page("Preschool Teachers vs. Kindergarten Teachers"),
                 [("Preschool Teacher", "25-2011"), ("Kindergarten Teacher", "25-2012")], id="teachers"),
    pytest.param(page("Auto Mechanic vs. Diesel Mechanic"),
                 [("Auto Mechanic", "49-3023"), ("Diesel Mechanic", "49-3031")], id="aliases"),
    pytest.param(page("Diesel Tech vs. Auto Tech: What Sets Them Apart",
                      "Diesel service technicians, or diesel techs, fix engines in trucks. Automotive service "
                      "technicians, also called auto techs, fix cars."),
                 [("Diesel Service Technician", "49-3031"), ("Automotive Service Technician", "49-3023")],
                 id="full-name-from-body", marks=gap("the gazetteer knows neither 'diesel service technicians' nor "
                                                     "'diesel techs': the role is named but has no code")),
    pytest.param(page("Auto Tech vs. Diesel Mechanic",
                      "Automotive service technicians (auto techs) repair cars in dealerships. Diesel mechanics "
                      "repair trucks."),
                 [("Automotive Service Technician", "49-3023"), ("Diesel Mechanic", "49-3031")],
                 id="full-name-in-parentheses"),
    pytest.param(page("Legislators: Job Description"), [("Legislator", "11-1031")], id="no-oews-figure"),
    pytest.param(page("Anesthesiologists: Salary"), [("Anesthesiologist", "29-1211")], id="physician-specialty"),
    pytest.param(page("Food Preparation Workers: Salary"), [("Food Preparation Worker", "35-2021")], id="food-prep"),
    pytest.param(page("Childcare Workers: How to Become One"), [("Childcare Worker", "39-9011")], id="childcare"),
    # untitled openings: the roles come from the text
    pytest.param("Most bakers start work before dawn. Bakers mix dough and shape loaves, and many bakers work in "
                 "grocery stores.\n", [("Baker", "51-3011")], id="untitled-one"),
    pytest.param("Cashiers ring up sales at the front of a shop, while retail salespersons help shoppers choose. "
                 "Cashiers stand for long hours. Retail salespersons know the stock, and retail salespersons earn "
                 "commission.\n", [("Cashier", "41-2011"), ("Retail Salesperson", "41-2031")], id="untitled-two"),
    pytest.param("Wedding photographers spend weekends at ceremonies. Wedding photographers edit hundreds of images "
                 "a week, and most photographers sell prints too.\n",
                 [("Wedding Photographer", "27-4021")], id="untitled-full-name"),
    pytest.param("Most general and operations managers work full time. General and operations managers plan "
                 "budgets.\n", [("General and Operations Manager", "11-1021")], id="untitled-coordinated"),
    pytest.param("Marketing and sales managers set prices. Most marketing and sales managers work in offices.\n",
                 [("Marketing and Sales Manager", "11-2020")], id="untitled-group"),
    # a name known only as the head of a title takes the title's fuller name the text writes
    pytest.param("The conductor is the boss of a freight train. Conductors check the cars before each run, and "
                 "most railroad conductors join the crew straight from a training class.\n",
                 [("Railroad Conductor", "53-4031")], id="untitled-head-noun-fuller-title"),
    pytest.param(page("What Does a Conductor Do?", "Conductors check the cars before each run, and the conductor "
                      "signs the train's papers."), [("Conductor", "53-4031")], id="head-noun-alone"),
    pytest.param(page("What Does a Conductor Do?", "The conductor signs the train's papers. Most railroad conductors "
                      "check the cars before each run."), [("Railroad Conductor", "53-4031")],
                 id="head-noun-fuller-title"),
    # a title's name the body writes only with another modifier joined to its own
    pytest.param(page("Tool Maker vs. Machinist", "Tool and die makers build the dies that stamp metal parts, while "
                      "machinists turn parts on lathes. Tool and die makers read blueprints and grind punches."),
                 [("Tool and Die Maker", "51-4111"), ("Machinist", "51-4041")], id="modifier-joined-in-body"),
    # an acronym inside a title's name, spelled out in the body
    pytest.param(page("Electrician or Solar PV Installer: Which Trade Pays More?",
                      "Electricians wire buildings. Rooftop crews of solar photovoltaic (PV) installers mount panels, "
                      "and PV installers connect them to inverters."),
                 [("Electrician", "47-2111"), ("Solar Photovoltaic Installer", "47-2231")], id="acronym-inside-name"),
]


@pytest.mark.parametrize(("text", "expected"), SOC_TITLE_TABLE)
def test_soc_title_table(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert_roles(roles_of(text), expected)


def test_the_title_table_is_large() -> None:
    assert len(SOC_TITLE_TABLE) >= 80


# Untitled pages, in the shapes career sites open with: the roles come from the headings that name
# them and from an opening sentence that compares them, whether or not the gazetteer knows the names.
# A paragraph under a title-shaped heading is prose-length: a title-shaped line over a short one reads
# as a link to another article.
PROSE_TAIL = (" Most of them learn the trade on the job over several years, and many go on to run a small "
              "business of their own once they have a steady list of clients and a van that is paid for.")
UNTITLED_CASES = [
    pytest.param("## Which job pays more?\n\nIt depends on the region. Drywallers earn about $50,000 a year, "
                 "while plasterers earn about $52,000.\n\n## What drywallers do\n\nDrywallers hang gypsum panels "
                 "and tape the joints.\n\n## What plasterers do\n\nPlasterers spread plaster over walls with a "
                 "trowel.\n", ["Drywaller", "Plasterer"], id="question-heading-first"),
    pytest.param("Salary\n\nTile setters typically earn $48,000 a year, compared with $45,000 for carpet "
                 "installers.\n\nWhat tile setters do\n\nTile setters lay ceramic tile on floors.\n\nWhat carpet "
                 "installers do\n\nCarpet installers stretch carpet over padding.\n",
                 ["Tile Setter", "Carpet Installer"], id="salary-section-first"),
    pytest.param("What stonemasons do\n\nStonemasons cut and lay stone for walls. Stonemasons restore old "
                 "buildings.\n\nWhat drywallers do\n\nDrywallers hang gypsum board. Drywallers work indoors.\n",
                 ["Stonemason", "Drywaller"], id="two-what-do-headings"),
    pytest.param("Employed stonemasons typically earn $52,000 a year, compared with $47,000 for roofers. Both "
                 "jobs are physical.\n\nThe stonemason's job\n\nStonemasons cut stone to size.\n\nThe roofer's "
                 "job\n\nRoofers strip old roofs and lay new shingles.\n", ["Stonemason", "Roofer"],
                 id="comparison-sentence-and-possessive-headings"),
    pytest.param("Bricklayers usually earn more than roofers, though both trades pay well in busy cities. "
                 "Bricklayers lay brick and block, while roofers strip and replace roofs.\n\nTraining\n\n"
                 "Bricklayers train through apprenticeships. Roofers often learn on the job.\n",
                 ["Bricklayer", "Roofer"], id="comparison-sentence-one-known"),
    pytest.param("Most couples meet the wedding planner months before the day. Few ever meet the caterer.\n\n"
                 "The wedding planner's job\n\nWedding planners book venues and keep the day on schedule. Wedding "
                 "planners meet couples often.\n\nThe caterer's job\n\nCaterers plan menus and cook for large "
                 "events. Caterers hire servers.\n", ["Wedding Planner", "Caterer"], id="possessive-headings-unknown"),
    pytest.param("A locksmith's day\n\nLocksmiths install locks and cut keys. Locksmiths drive between jobs.\n\n"
                 "A glazier's day\n\nGlaziers fit glass in windows. Glaziers carry heavy panes.\n",
                 ["Locksmith", "Glazier"], id="a-roles-day"),
    pytest.param("A day in the life of a farrier\n\nFarriers trim hooves and fit horseshoes." + PROSE_TAIL + "\n\n"
                 "A day in the life of a saddler\n\nSaddlers make and repair saddles by hand." + PROSE_TAIL + "\n",
                 ["Farrier", "Saddler"], id="parallel-title-shaped-headings"),
    pytest.param("Life as a farrier\n\nFarriers trim hooves. Farriers travel to stables.\n\nWorking as a saddler"
                 "\n\nSaddlers stitch leather. Saddlers work in small shops.\n", ["Farrier", "Saddler"],
                 id="life-as-working-as"),
    pytest.param("Salary\n\nSaddlers typically earn £24,000 a year, compared with £28,000 for farriers.\n\n"
                 "The saddler's job\n\nSaddlers cut and stitch leather into saddles.\n\nThe farrier's job\n\n"
                 "Farriers trim and balance hooves.\n", ["Saddler", "Farrier"], id="uk-salary-first-unknown"),
    pytest.param("What customers expect\n\nCustomers expect a locksmith to arrive quickly. Locksmiths cut keys and "
                 "repair locks, and many locksmiths run their own vans.\n\nWhat locksmiths earn\n\nLocksmiths earn "
                 "about $48,000 a year.\n", ["Locksmith"], id="customers-are-no-role"),
    pytest.param("What employers look for\n\nEmployers want welders who pass a bend test. Welders join metal "
                 "parts, and most welders learn at a technical school.\n\nWelder pay\n\nWelders earn a median of "
                 "$48,000 a year.\n", ["Welder"], id="employers-are-no-role"),
    pytest.param("Pharmacists check prescriptions, while pharmacy technicians count pills and ring up orders. "
                 "Pharmacists need a doctorate.\n\nPay\n\nPharmacists earn more than pharmacy technicians.\n",
                 ["Pharmacist", "Pharmacy Technician"], id="while-sentence-known"),
    pytest.param("Plumber job duties\n\nPlumbers install pipes in homes." + PROSE_TAIL + "\n\nElectrician job duties"
                 "\n\nElectricians wire buildings." + PROSE_TAIL + "\n", ["Plumber", "Electrician"],
                 id="parallel-job-duties-headings"),
    pytest.param("Plumber salary\n\nPlumbers earn about $60,000 a year." + PROSE_TAIL + "\n\nElectrician salary\n\n"
                 "Electricians earn about $61,000 a year." + PROSE_TAIL + "\n", ["Plumber", "Electrician"],
                 id="parallel-salary-headings"),
    pytest.param("## How much do bricklayers make?\n\nBricklayers earn about £30,000 a year." + PROSE_TAIL + "\n\n"
                 "## How much do plasterers make?\n\nPlasterers earn about £28,000 a year." + PROSE_TAIL + "\n",
                 ["Bricklayer", "Plasterer"], id="parallel-question-headings"),
    pytest.param("What a glassblower does\n\nA glassblower shapes molten glass. Glassblowers work in hot studios.\n\n"
                 "What a potter does\n\nA potter throws pots on a wheel. Potters fire them in a kiln.\n",
                 ["Glassblower", "Potter"], id="what-a-x-does"),
    pytest.param("What embalmers do\n\nEmbalmers prepare bodies for viewing. Embalmers work downstairs.\n\n"
                 "Your employer's rules\n\nYour employer sets the hours.\n\nWhat embalmers earn\n\nEmbalmers earn "
                 "about $50,000.\n", ["Embalmer"], id="an-employer-is-no-role"),
    pytest.param("Share: Email | Print\nKT vs. GG at a glance\n\nRole | Training | Median pay\n"
                 "Kiln Technician (KT) | Certificate | $41,000\nGlaze Grinder (GG) | On the job | $36,000\n\n"
                 "A KT loads and fires the kilns." + PROSE_TAIL + "\n\nA GG smooths the fired ware."
                 + PROSE_TAIL + "\n",
                 ["Kiln Technician", "Glaze Grinder"], id="first-line-compares-acronyms-over-a-table"),
    pytest.param("Bladesmiths typically earn about $40,000 a year, compared with $45,000 for stonecutters. "
                 "Bladesmiths work in hot forges, while stonecutters work in dusty yards.\n\nPay\n\nBladesmiths "
                 "earn more at craft fairs. Stonecutters earn more on building projects.\n",
                 ["Bladesmith", "Stonecutter"], id="two-unknown-no-headings",
                 marks=gap("occupations the gazetteer lacks are found only where a heading names one or a known "
                           "occupation is compared with it")),
    pytest.param("# Stonemason vs. Drywaller Salary and Career Facts\n\nStonemasons cut stone. Drywallers hang "
                 "gypsum board.\n", ["Stonemason", "Drywaller"], id="title-ends-with-topic-words"),
    pytest.param("What factors affect a drywaller's pay?\n\nRegion matters most. Drywallers in big cities earn "
                 "more.\n\nWhat drywallers do\n\nDrywallers hang gypsum board and tape the joints.\n", ["Drywaller"],
                 id="question-about-a-roles-pay-first"),
    pytest.param("Pay on the water\n\nDeckhands earn less than captains.\n\nWhat deckhands do\n\nDeckhands tie up "
                 "the boat.\n\nWhat captains do\n\nCaptains steer the boat and command the crew.\n",
                 ["Deckhand", "Captain"], id="captain-is-a-head-noun"),
    pytest.param("A public safety telecommunicator takes the call first.\n\nPay\n\nPolice dispatchers earn "
                 "about $48,000 a year, and public safety telecommunicators in big cities earn more.\n\nTraining\n\n"
                 "Most police dispatchers train for months. Police dispatchers often work nights.\n",
                 ["Public Safety Telecommunicator"], id="one-occupation-named-two-ways"),
    pytest.param("Two sewing trades\n\nTailors and dressmakers both sew to measure, and both jobs pay about "
                 "the same.\n\nWhat tailors do\n\nTailors alter suits and coats. Tailors work in shops.\n\n"
                 "What dressmakers do\n\nDressmakers make dresses from a pattern. Dressmakers often work from "
                 "home.\n", ["Tailor", "Dressmaker"], id="one-code-two-headed-jobs"),
    pytest.param("One clinic, two jobs\n\nDietitians and nutritionists both advise people on food, and most "
                 "dietitians and nutritionists work in clinics.\n\nWhat dietitians do\n\nDietitians plan "
                 "meals for patients.\n\nWhat nutritionists do\n\nNutritionists run healthy-eating classes.\n",
                 ["Dietitian", "Nutritionist"], id="coordinated-name-whose-members-head-sections"),
    pytest.param("Who runs the studio?\n\nMost studios have one of each.\n\nKiln loaders: the hot end\n\nKiln loaders "
                 "stack the ware and watch the cones. Kiln loaders start early.\n\nGlaze mixers: the lab side\n\n"
                 "Glaze mixers weigh the oxides. Glaze mixers test each batch.\n", ["Kiln Loader", "Glaze Mixer"],
                 id="headings-that-are-plural-names"),
    pytest.param("## Retail vs. wholesale at a glance\n\n| Job Title | Education | Median Salary |\n|---|---|---|\n"
                 "| Retail Buyer | Bachelor's degree | $64,000 |\n| Wholesale Buyer | Bachelor's degree | $71,000 |\n\n"
                 "Retail buyers choose what a store sells. Wholesale buyers buy in bulk for distributors. Retail "
                 "buyers travel to trade shows, and wholesale buyers negotiate contracts.\n",
                 ["Retail Buyer", "Wholesale Buyer"], id="a-first-line-comparing-kinds-of-work"),
    pytest.param("Two ways to teach movement\n\nYoga instructors lead group classes in studios, and fitness trainers "
                 "coach clients one on one in gyms. Both jobs reward patience.\n\nA day at the studio\n\nYoga "
                 "instructors plan sequences. Yoga instructors adjust poses. Yoga instructors run workshops.\n\nA day "
                 "at the gym\n\nFitness trainers write programs. Fitness trainers track progress. Fitness trainers "
                 "sell sessions.\n", ["Yoga Instructor", "Fitness Trainer"], id="one-code-two-jobs-set-side-by-side"),
    pytest.param("Climbing the ranks\n\nEvery kiln worker can rise through the plant.\n\nThe first step: shift "
                 "chief\n\nShift chiefs run one crew. Shift chiefs sign the logs. Kiln workers report to shift chiefs."
                 "\n\nThe top job: plant chief\n\nPlant chiefs run the whole site. Plant chiefs set budgets. Kiln "
                 "workers rarely meet plant chiefs.\n\nKiln workers earn less than shift chiefs, and kiln workers "
                 "earn far less than plant chiefs. Kiln workers often start young. Kiln workers learn on the job.\n",
                 ["Shift Chief", "Plant Chief"], id="headings-that-name-a-role-after-a-colon"),
    pytest.param("Two desks\n\nOn a typical day, a glaze tinter will:\n\n- weigh pigments\n- match colors\n\nGlaze "
                 "tinters work in labs. Glaze tinters check batches. Glaze tinters answer questions.\n",
                 ["Glaze Tinter"], id="on-a-typical-day-a-x-will"),
    pytest.param("Can you make a living from clay?\n\nWhat a glassblower's day looks like\n\nGlassblowers shape molten "
                 "glass.\n\nWhat a potter's day looks like\n\nPotters throw pots on a wheel.\n",
                 ["Glassblower", "Potter"], id="what-a-xs-day-looks-like"),
    pytest.param("Who earns more in a kitchen?\n\nLine cooks work the grill, and chefs plan the menu. Line cooks "
                 "start early. Chefs order food, chefs train staff, and a few private chefs cook in homes. Most chefs "
                 "earn more than line cooks.\n", ["Line Cook", "Chef"], id="a-kind-named-once-beside-its-occupation"),
    pytest.param("What glassblowers really do\n\nGlassblowers shape molten glass. Glassblowers work in hot studios.\n\n"
                 "Pay\n\nMost glassblowers sell at craft fairs.\n", ["Glassblower"], id="what-x-really-do"),
    pytest.param("I started on a help desk.\n\nWhat a database admin actually does\n\nDatabase admins back up data "
                 "and tune slow queries. Database admins are on call.\n\nThe money\n\nDatabase administrators and "
                 "architects earned a median of $101,000. Software developers, a step over, write the code; "
                 "software developers earn more.\n", ["Database Administrator"], id="a-clipped-name-in-a-heading"),
    pytest.param("I fixed my first mower at twelve.\n\nWhat mower techs do\n\nOutdoor power equipment "
                 "mechanics, usually called mower techs, fix mowers and trimmers. Mower techs sharpen blades. "
                 "Some mower techs earn a degree in mower repair technology.\n",
                 ["Outdoor Power Equipment Mechanic"], id="another-name-a-heading-uses"),
    pytest.param("Pay at a glance\n\nTrainee reef technician: $24,000\n\nWhat the job involves\n\nReef survey "
                 "technicians, usually just called reef technicians, count corals on long dives. Reef technicians "
                 "log water samples, and senior reef technicians train new divers.\n",
                 ["Reef Survey Technician"], id="a-head-noun-name-the-gazetteer-lacks"),
    pytest.param("I started stoking at nineteen.\n\nSo what does a kiln stoker actually do?\n\nKiln stokers feed "
                 "the fireboxes through the night.\n\nHow to become one\n\nMost learn on the job.\n",
                 ["Kiln Stoker"], id="so-what-does-and-how-to-become-one"),
    pytest.param("Home > Careers > Ports > Cargo inspector\n\nSalary: £25,000 to £31,000\n\nInspectors open "
                 "containers on the quay. Most inspectors work shifts, and inspectors earn overtime.\n",
                 ["Cargo Inspector"], id="the-last-step-of-the-breadcrumb-trail"),
    pytest.param("Home > Careers > Salary guides\n\nSalary: £25,000 to £31,000\n\nInspectors open "
                 "containers on the quay. Most inspectors work shifts, and inspectors earn overtime.\n",
                 [], id="a-breadcrumb-that-names-no-job"),
    pytest.param("I have worked the early route for nine years.\n\nMy day\n\nI ride the back step, tip the carts and "
                 "run the packer blade; when the packer blade jams, I clear it with a bar. Sanitation workers like me "
                 "start before dawn.\n\nPay\n\nMost sanitation workers earn about $21 an hour, and sanitation "
                 "workers with a CDL earn more.\n", ["Sanitation Worker"], id="an-occupation-word-modifying-a-noun"),
    pytest.param("I never planned to inspect orchards for the county. I grew up picking apples.\n\nWhat an orchard "
                 "inspector actually does\n\nOrchard inspectors walk the rows and look for blight and borers. Farmers "
                 "call us when a block fails, and farmers hate to hear the word quarantine. Most farmers I visit run "
                 "small family orchards.\n\nPay\n\nOrchard inspectors earn about $48,000 a year.\n",
                 ["Orchard Inspector"], id="a-section-names-the-role-not-its-clients"),
    pytest.param("I spent three summers on a spray rig.\n\nWhat a pesticide applicator actually does\n\nMost of us "
                 "just say sprayers. Sprayers mix the tank and calibrate the booms, and sprayers drive the field in "
                 "passes. Good sprayers watch the wind.\n\nPay\n\nSprayers earn about $19 an hour.\n",
                 ["Pesticide Applicator"], id="a-section-names-the-roles-occupation-otherwise"),
    pytest.param("Two trades, one license board.\n\nWhat orthotists do\n\nOrthotists fit braces. Orthotists "
                 "measure limbs.\n\nWhat prosthetists do\n\nProsthetists build artificial limbs. Prosthetists "
                 "fit sockets.\n", ["Orthotist", "Prosthetist"], id="two-sections-of-one-occupation"),
    pytest.param("I have been a special education paraprofessional for six years.\n\nWhat paras actually do\n\nI sit "
                 "with a fourth grader who reads below level, and with two fifth graders at math time. The special "
                 "education teacher writes the plans; the special education teacher also leads the meetings, and "
                 "the special education teacher grades. Paras carry them out.\n\nPay\n\nParas earn about $33,000 "
                 "a year.\n", ["Special Education Paraprofessional"], id="pupils-and-the-teacher-a-para-assists"),
    pytest.param("## Front of house or back of house?\n\nServers take orders and carry plates, while line cooks work "
                 "the grill. Servers earn tips; line cooks earn a wage.\n\n## What servers do\n\nServers greet "
                 "guests.\n\n## What line cooks do\n\nLine cooks prep and cook food.\n", ["Server", "Line Cook"],
                 id="or-question-naming-no-occupation"),
]


@pytest.mark.parametrize(("text", "expected"), [
    # a section on what one does names a role the prose writes in the plural, whatever its noun
    pytest.param("Notes from the tower\n\nI spent four summers alone on a peak.\n\nWhat a lookout actually does\n\n"
                 "A fire lookout watches for smoke. Lookouts radio in each smoke, and lookouts log the weather. Most "
                 "lookouts work alone.\n", ["Fire Lookout"], id="a-known-name-in-full"),
    pytest.param("My two jobs\n\nI coordinated volunteers before I moved on.\n\nWhat a CSW actually does\n\nCommunity "
                 "support workers (CSWs) visit tenants. CSWs run drop-in sessions, and CSWs write reports.\n\nWhat a "
                 "volunteer coordinator does\n\nVolunteer coordinators recruit helpers. Volunteer coordinators train "
                 "them, and volunteer coordinators thank them.\n",
                 ["Community Support Worker", "Volunteer Coordinator"], id="an-acronym-the-prose-defines"),
    pytest.param("Notes from the shop\n\nI bent steel for ten years.\n\nWhat does a tile grinder do?\n\nTile grinders "
                 "smooth edges. Tile grinders check sizes, and tile grinders sweep up.\n", ["Tile Grinder"],
                 id="what-does-a-x-do"),
    # a name written once is no role
    pytest.param("Notes\n\nWhat a sunset does\n\nA sunset ends the day. Welders weld steel. Welders earn well. "
                 "Welders work in shops.\n", ["Welder"], id="a-thing-written-once"),
])
def test_a_section_on_what_one_does_names_a_role(text: str, expected: list[str]) -> None:
    assert [n for n, _ in roles_of(text, "case.txt")] == expected


def test_bold_lines_of_markdown_name_two_jobs_of_one_code() -> None:
    text = ("Posted by a glassblower\n\nI blow glass in a shared studio; my partner throws pots.\n\n**Glassblower**"
            "\n\n- Starter: £15,000\n\n**Potter**\n\n- Starter: £16,000\n\nGlassblowers sell vases and potters sell "
            "mugs. Most glassblowers and potters teach a class or two.\n")
    assert [n for n, _ in roles_of(text, "case.md")] == ["Glassblower", "Potter"]


@pytest.mark.parametrize(("text", "expected"), UNTITLED_CASES)
def test_roles_of_an_untitled_page(text: str, expected: list[str]) -> None:
    assert [n for n, _ in roles_of(text, "case.md" if text.startswith("#") else "case.txt")] == expected


# A role's name where the body gives its full name with the title's short name: "X, or Y", "X (Y)",
# "Y, also called X", "X — Y for short", "usually just called", "known in the trade as". Never where the
# other name is no fuller form of it (another occupation, or a disjunction).
FULL_NAME_CASES = [
    pytest.param("Car Wash Attendant vs. Auto Detailer",
                 "Car wash attendants dry cars on the line, while automotive detailers, better known as auto "
                 "detailers, restore paint.", ["Car Wash Attendant", "Automotive Detailer"],
                 id="a-function-word-opens-no-full-name"),
    pytest.param("How Much Does an NDE Inspector Earn?",
                 "Non-destructive examination (NDE) inspectors check welds on bridges. NDE inspectors travel a lot.",
                 ["Non-Destructive Examination Inspector"], id="a-hyphened-word-gives-two-initials"),
    pytest.param("I-O Psychologist vs. Loan Officer",
                 "Industrial-organizational (I-O) psychologists study how teams work. Loan officers approve loans.",
                 ["Industrial-Organizational Psychologist", "Loan Officer"], id="hyphened-acronym-spelled-out"),
    pytest.param("Sound Engineer vs. Loan Officer",
                 "Sound engineering technicians, whom nearly everyone in the trade simply calls sound engineers, "
                 "mix records. Loan officers approve loans.",
                 ["Sound Engineering Technician", "Loan Officer"], id="whom-everyone-calls"),
    pytest.param("Do Bank Tellers and QA Testers Do the Same Job?",
                 "Bank tellers and software quality assurance analysts, often shortened to QA engineers or QA "
                 "testers, both check numbers all day.", ["Bank Teller", "Software Quality Assurance Analyst"],
                 id="the-second-of-two-short-names"),
    pytest.param("EV Technician vs. Loan Officer",
                 "Electric vehicle (EV) technicians repair battery packs. Loan officers approve loans.",
                 ["EV Technician", "Loan Officer"], id="acronym-spelled-out-unknown-stays"),
    pytest.param("PV Installer vs. Loan Officer",
                 "Solar photovoltaic (PV) installers mount panels on roofs. Loan officers approve loans.",
                 ["Solar Photovoltaic Installer", "Loan Officer"], id="acronym-spelled-out-inside-a-known-name"),
    pytest.param("Financial Advisor vs. Loan Officer",
                 "Personal financial advisors, usually just called financial advisors, plan for retirement. "
                 "Loan officers approve loans.", ["Personal Financial Advisor", "Loan Officer"],
                 id="usually-just-called"),
    pytest.param("Financial Advisor vs. Loan Officer",
                 "Personal financial advisors, better known as financial advisors, plan for retirement. "
                 "Loan officers approve loans.", ["Personal Financial Advisor", "Loan Officer"],
                 id="better-known-as"),
    pytest.param("KSA Inspector vs. Loan Officer",
                 "A kiln safety authority inspector checks kilns before they are fired. Loan officers approve loans.",
                 ["Kiln Safety Authority Inspector", "Loan Officer"], id="three-initials-spelled-out"),
    pytest.param("Financial Advisor vs. Loan Officer",
                 "Personal financial advisors, or financial advisors, plan for retirement. Loan officers approve "
                 "loans.", ["Personal Financial Advisor", "Loan Officer"], id="x-or-y"),
    pytest.param("Financial Advisor vs. Loan Officer",
                 "Personal financial advisors (financial advisors) plan for retirement. Loan officers approve loans.",
                 ["Personal Financial Advisor", "Loan Officer"], id="x-parenthesis-y"),
    pytest.param("Financial Advisor vs. Loan Officer",
                 "Financial advisors, also called personal financial advisors, plan for retirement. Loan officers "
                 "approve loans.", ["Personal Financial Advisor", "Loan Officer"], id="y-also-called-x"),
    pytest.param("Financial Advisor vs. Loan Officer",
                 "Financial advisors (officially, personal financial advisors) plan for retirement. Loan officers "
                 "approve loans.", ["Personal Financial Advisor", "Loan Officer"], id="y-parenthesis-officially-x"),
    pytest.param("EMT vs. Firefighter",
                 "Emergency medical technicians — EMTs for short — treat patients on the way to hospital. "
                 "Firefighters put out fires.", ["Emergency Medical Technician", "Firefighter"],
                 id="x-dash-y-for-short"),
    pytest.param("LPN or Medical Assistant: Which Career Is Right for You?",
                 "Licensed practical nurses, LPNs for short, check vital signs. Medical assistants book visits.",
                 ["Licensed Practical Nurse", "Medical Assistant"], id="x-comma-y-for-short"),
    pytest.param("How to Become a Kiln Tech",
                 "Kiln technicians, known in the trade as kiln techs, load and fire kilns. Kiln techs work shifts.",
                 ["Kiln Technician"], id="known-in-the-trade-unknown-name"),
    pytest.param("Glass Tech vs. Glazier",
                 "Glass techs, also called glass technicians, cut panes in a workshop. Glaziers fit them on site.",
                 ["Glass Technician", "Glazier"], id="also-called-unknown-name"),
    pytest.param("Plumber vs. Welder",
                 "Plumbers, or pipefitters, install pipes. Welders join metal.", ["Plumber", "Welder"],
                 id="another-name-is-no-full-name"),
    pytest.param("Financial Advisor vs. Loan Officer",
                 "Financial advisors or personal bankers plan for retirement. Loan officers approve loans.",
                 ["Financial Advisor", "Loan Officer"], id="disjunction-is-no-full-name"),
    pytest.param("Nurse vs. Doctor: What Are the Differences?",
                 "Nurses (registered nurses and licensed practical nurses) care for patients. Doctors diagnose.",
                 ["Nurse", "Doctor"], id="kinds-listed-are-no-full-name"),
    pytest.param("Nurse vs. Doctor: What Are the Differences?",
                 "Nurses, or the doctors they work with, see patients every day. Doctors diagnose illness.",
                 ["Nurse", "Doctor"], id="longer-phrase-not-the-name"),
    pytest.param("Doorman vs. Valet: Which Hotel Job Pays More?",
                 "Valet parking attendants, usually just called valets, park and fetch cars for guests. Valets work "
                 "outdoors in all weather. Doormen greet guests.", ["Doorman", "Valet Parking Attendant"],
                 id="a-one-word-name-that-opens-the-full-one"),
    pytest.param("Setter or Grinder: Which Shop Job Pays More?",
                 "Tool setters adjust the presses before each run, and lens grinders shape glass blanks. Tool "
                 "setters work days, while lens grinders often work nights.", ["Tool Setter", "Lens Grinder"],
                 id="one-word-title-names-the-body-opens-with"),
    pytest.param("How to Become a Pump Tech",
                 "I have been a booster pump technician for nine years. Booster pump technicians keep water "
                 "moving uphill, and a pump tech is on call most weekends.", ["Booster Pump Technician"],
                 id="a-name-the-gazetteer-lacks-takes-the-bodys-fuller-one"),
    pytest.param("Reading Tutor vs. CTE Instructor",
                 "Career and technical education (CTE) instructors teach welding and nursing basics. Reading tutors "
                 "work one on one.", ["Reading Tutor", "Career and Technical Education Instructor"],
                 id="three-initials-spelled-out-before-parentheses"),
    pytest.param("Treasurer or CFO: Which Finance Job Fits You?",
                 "Both the treasurer and the chief financial officer (CFO) report to the board. Treasurers manage "
                 "cash.", ["Treasurer", "Chief Financial Officer"], id="acronym-longer-than-the-occupation-it-ends"),
    pytest.param("Driller vs. Pumper",
                 "Rotary drill operators, called drillers on every rig, run the drill floor. Pumpers check wells.",
                 ["Rotary Drill Operator", "Pumper"], id="an-occupation-called-by-another-name"),
    pytest.param("Case Manager vs. QIDP",
                 "Case managers arrange services. Qualified intellectual disability professionals, often "
                 "abbreviated to QIDPs, write care plans.", ["Case Manager", "Qualified Intellectual Disability "
                 "Professional"], id="abbreviated-to"),
    pytest.param("Optician vs. O&M Tech",
                 "Opticians fit glasses. Orientation and mobility technicians, usually shortened to O&M techs, "
                 "teach cane travel.", ["Optician", "Orientation and Mobility Technician"],
                 id="shortened-to-an-acronym-of-words-joined-by-and"),
    pytest.param("How Much Does a Sign Painter Make?",
                 "Lettering artists, still called sign painters by most shop owners, paint storefront windows.",
                 ["Lettering Artist"], id="a-workers-name-that-opens-the-sentence"),
    pytest.param("County Lawmaker vs. Sheriff",
                 "County legislators pass budgets. Most county legislators serve part time. Sheriffs run jails.",
                 ["County Legislator", "Sheriff"], id="the-bodys-name-for-the-titles-occupation"),
    pytest.param("Crane Operator vs. Tile Grinder",
                 "Crane operators, also called derrick crane operators or tower operators, lift steel. Tile grinders "
                 "smooth edges.", ["Crane Operator", "Tile Grinder"], id="names-to-choose-from-are-no-full-name"),
    pytest.param("Crane Operator vs. Hoist Operator",
                 "Crane operators lift steel. Hoist operators, also called hoist and winch operators, raise loads "
                 "on drums.", ["Crane Operator", "Hoist Operator"], id="a-group-name-after-the-short-one-is-the-socs"),
    pytest.param("Crane Operator vs. Hoist Operator",
                 "Crane operators lift steel. Hoist and winch operators, usually just called hoist operators, "
                 "raise loads on drums.", ["Crane Operator", "Hoist and Winch Operator"],
                 id="a-group-name-the-page-opens-with-is-its-own"),
    # an occupation's own title keeps it against a fuller name the gazetteer lacks
    pytest.param("Pharmacy Aide vs. Pharmacist",
                 "Pharmacy aides, also known as pharmacy counter aides, run the register and stock shelves, while "
                 "pharmacists check every prescription.", ["Pharmacy Aide", "Pharmacist"], id="soc-title-kept"),
    # a name known only as part of a title, whose first use in the body is that title in full
    pytest.param("What Does a Benefits Manager Do?",
                 "Compensation and benefits managers design the pay and leave plans of a firm. Benefits managers "
                 "also choose health insurers.", ["Compensation and Benefits Manager"], id="soc-title-at-first-use"),
    # the title written with a hyphen the name leaves out
    pytest.param("What Does an Enrichment Teacher Do?",
                 "Self-enrichment teachers run evening classes in art and music. Self-enrichment teachers set "
                 "their own hours.", ["Self-Enrichment Teacher"], id="soc-title-with-a-hyphen"),
    # a name the gazetteer lacks, never written in the body, which writes its modifier with a known head
    pytest.param("Tax Advisor or Bookkeeper: Which Job Suits You?",
                 "Tax preparers fill in returns for families, while bookkeepers keep the books all year. Tax "
                 "preparers are busiest in spring.", ["Tax Preparer", "Bookkeeper"], id="unknown-name-known-synonym"),
]


@pytest.mark.parametrize(("name", "body", "expected"), [
    # a verb's -ing form before every other use is a noun of the name
    ("Inspector", "Boating inspectors check hulls before the season. Boating inspectors also test lights, and "
     "inspectors write tickets.", "Boating Inspector"),
    # two words before the first use that make a known occupation with the name
    ("Driver", "A tractor trailer driver hauls freight across states. Drivers sleep in the cab.",
     "Tractor Trailer Driver"),
    ("Aide", "A home health aide visits clients each morning. Aides help with meals.", "Home Health Aide"),
    # a first use inside an aside that names kinds of the job is no fuller name
    ("Welder", "Grades: junior, senior, lead (ship welder).\nShip welders earn more. Ship welders work in "
     "yards.", "Welder"),
])
def test_the_fuller_name_a_body_gives_a_short_one(name: str, body: str, expected: str) -> None:
    assert fuller_name(name, body) == expected


def test_a_job_table_that_names_the_role_as_it_is_keeps_the_name() -> None:
    # the other rows are the job's grades: "Junior structural engineer" is no fuller name of it
    rows = ["Junior structural engineer", "Structural engineer", "Principal structural engineer"]
    assert row_name("Structural Engineer", rows, "Structural engineers check loads.") == "Structural Engineer"
    junior = row_name("Structural Engineer", rows[:1], "Structural engineers check loads.")
    assert junior == "Junior Structural Engineer"


def test_a_job_table_row_the_body_calls_by_the_roles_name() -> None:
    body = "Tile finishing technicians (also called finishing line technicians, or just kiln hands) load kilns."
    rows = ["Tile Finishing Technician", "Quality Control Inspector"]
    assert row_name("Kiln Hand", rows, body) == "Tile Finishing Technician"
    assert row_name("Kiln Hand", rows, "Tile finishing technicians and kiln hands load kilns.") == "Kiln Hand"


@pytest.mark.parametrize(("name", "row", "body", "expected"), [
    # one job whose name holds an "and", which the body uses more than the short name
    ("Oral Surgeon", "Oral and Maxillofacial Surgeon",
     "An oral surgeon, formally an oral and maxillofacial surgeon, removes teeth. Oral and maxillofacial surgeons "
     "also set jaws.", "Oral and Maxillofacial Surgeon"),
    # a group of two kinds, of which the body mostly names one
    ("Soil Scientist", "Soil and Plant Scientist",
     "Soil scientists sample fields. Most soil scientists work for agencies; soil and plant scientists earn more.",
     "Soil Scientist"),
    # a row that lists several jobs stands for none of them
    ("Paralegal", "Paralegals and Legal Assistants", "Paralegals and legal assistants draft files.", "Paralegal"),
    # the short name's uses inside the row's own do not count for the short name
    ("Conservation Technician", "Forest and Conservation Technician",
     "Conservation technicians measure streams. Forest and conservation technicians mark trees, and forest and "
     "conservation technicians fight small fires.", "Forest and Conservation Technician"),
])
def test_a_job_table_row_with_and(name: str, row: str, body: str, expected: str) -> None:
    assert row_name(name, [row, "Court Clerk"], body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), FULL_NAME_CASES)
def test_a_role_takes_the_full_name_the_body_gives(title: str, body: str, expected: list[str]) -> None:
    assert [n for n, _ in roles_of(f"{title}\n\n{body}\n")] == expected


# Mentions by a role's bare head noun: a noun compound ("X-ray", "tractor-trailer"), an acronym or a
# noun before it, or words that make with it another occupation the gazetteer knows, name another
# occupation; adjectives, participles and hyphenated adjectives describe the role's own workers.
MENTION_CASES = [
    pytest.param("Cardiovascular Technologist", "X-ray technologists take images of bones.", [], id="x-ray"),
    pytest.param("Cardiovascular Technologist", "MRI technologists run the scanner.", [], id="acronym-modifier"),
    pytest.param("Cardiovascular Technologist", "Surgical technologists pass instruments.", [],
                 id="adjective-makes-known-occupation"),
    pytest.param("Cardiovascular Technologist", "Nuclear medicine technologists give tracers.", [],
                 id="known-occupation-two-words"),
    pytest.param("Forklift Operator", "Tractor-trailer operators haul freight.", [], id="noun-noun-compound"),
    pytest.param("Forklift Operator", "Crane operators earn more.", [], id="noun-modifier"),
    pytest.param("Licensed Practical Nurse", "Registered nurses supervise the ward.", [], id="another-nurse"),
    pytest.param("Cardiovascular Technologist", "Entry-level technologists earn less.", ["technologists"],
                 id="entry-level"),
    pytest.param("Cardiovascular Technologist", "Board-certified technologists earn more.", ["technologists"],
                 id="participle-compound"),
    pytest.param("Cardiovascular Technologist", "Full-time technologists get benefits.", ["technologists"],
                 id="full-time"),
    pytest.param("Cardiovascular Technologist", "On-call technologists sleep at the hospital.", ["technologists"],
                 id="on-call"),
    pytest.param("Cardiovascular Technologist", "First-year technologists shadow a senior colleague.",
                 ["technologists"], id="first-year"),
    pytest.param("Cardiovascular Technologist", "Experienced technologists earn more.", ["technologists"],
                 id="adjective"),
    pytest.param("Licensed Practical Nurse", "Most nurses work shifts.", ["nurses"], id="quantifier"),
    pytest.param("Forklift Operator", "Trainee operators ride along for a month.", ["operators"], id="trainee"),
    pytest.param("Forklift Operator", "Seasoned operators train the new hires.", ["operators"], id="seasoned"),
]


@pytest.mark.parametrize(("role", "sentence", "expected"), MENTION_CASES)
def test_a_modifier_before_a_head_noun_may_make_another_occupation(role: str, sentence: str,
                                                                   expected: list[str]) -> None:
    from pipeline.rules.mentions import find_mentions
    from pipeline.stages.roles import build_roles

    roles = build_roles([role], "")
    assert [sentence[m.start : m.end] for m in find_mentions(roles, sentence)] == expected


# Openings in the shapes career sites use, with their noise (breadcrumbs, bylines, a site's name, a
# year after the name), titled and untitled.
LEAD = ("Both jobs reward people who like steady work with their hands, and both can be learned without a "
        "four-year degree, though the training, the pay and the daily routine differ more than most expect.")
OPENING_CASES = [
    pytest.param(f"Home › Careers › Trades\n\nGlazier vs. Roofer: Which Trade Pays More?\n\nBy Dana Fox · 6 min "
                 f"read\n\n{LEAD}\n", ["Glazier", "Roofer"], id="breadcrumb-byline"),
    pytest.param(f"Careers Hub | Jobs | Salaries\n\nHow Much Does a Crane Operator Make? (2025 Salary Guide)\n\n"
                 f"Last updated March 2025\n\n{LEAD}\n", ["Crane Operator"], id="menu-how-much"),
    # an untitled page whose breadcrumb trail ends with an occupation's one-word name
    pytest.param("Home > Explore careers > Healthcare > Audiologist\n\nAudiologist pay in the NHS\n\nMost work for "
                 "hospital trusts on a national pay scale.\n\nWhat does an audiologist do?\n\nIn a typical week you "
                 "could:\n\n- fit hearing aids\n- test hearing in children\n", ["Audiologist"], id="one-word-crumb"),
    # "X Pay, Explained": a title, though a heading below has the same shape ("Skills that pay") and no job
    pytest.param("Dental Assistant Pay, Explained (2025 Salary Guide)\n\nLast reviewed March 2025 | By the "
                 "SmileJobs team\n\nEvery dentist needs a second pair of hands, and assistants prepare the tools, "
                 "take X-rays and keep the charts from the first patient to the last.\n\nSkills that pay\n\n"
                 "Assistants who can take X-rays and record charts well earn the most.\n", ["Dental Assistant"],
                 id="pay-explained"),
    # every use of the name comes with one word: it is part of the name
    pytest.param("Marine electricians wire ships, ferries and yachts, and they test the generators below deck. "
                 "Marine electricians read wiring plans, and most marine electricians join a shipyard straight from "
                 "an apprenticeship. The work is cramped but varied.\n", ["Marine Electrician"],
                 id="one-word-before-every-use"),
    pytest.param(html("Locksmith Careers & Wages | TradePath", body=f"<p>{LEAD}</p>"), ["Locksmith"],
                 id="html-careers-wages"),
    pytest.param(html("Is a Sous Chef the Same as a Line Cook? | KitchenJobs",
                      h1="Is a Sous Chef the Same as a Line Cook?", body=f"<p>{LEAD}</p>"),
                 ["Sous Chef", "Line Cook"], id="html-same-as"),
    pytest.param(f"Sonographer or Radiologic Technologist: Which Career Is Right for You?\n\n{LEAD}\n",
                 ["Sonographer", "Radiologic Technologist"], id="or-which"),
    pytest.param(f"What Does a Court Clerk Do? Duties, Pay and Training\n\n{LEAD}\n", ["Court Clerk"],
                 id="what-does-with-dek"),
    pytest.param(f"Difference Between an Optician and an Optometrist\n\n{LEAD}\n", ["Optician", "Optometrist"],
                 id="difference-between-an"),
    pytest.param(f"What's the Difference Between a Paralegal and a Law Clerk?\n\n{LEAD}\n",
                 ["Paralegal", "Law Clerk"], id="whats-the-difference"),
    pytest.param(f"Becoming a Surveyor: Education, Licensing and Pay\n\n{LEAD}\n", ["Surveyor"], id="becoming"),
    pytest.param(f"Medical Scribe Job Description\n\n{LEAD}\n", ["Medical Scribe"], id="job-description"),
    pytest.param(f"# Electrician vs. Plumber vs. HVAC Technician: Pay, Training and Hours\n\n{LEAD}\n",
                 ["Electrician", "Plumber", "HVAC Technician"], id="three-way"),
    pytest.param(f"Veterinary Technician vs. Veterinary Assistant | PetCareers\n\n{LEAD}\n",
                 ["Veterinary Technician", "Veterinary Assistant"], id="site-after-bar"),
    pytest.param(f"How to Become a Pharmacy Technician in 2025\n\n{LEAD}\n", ["Pharmacy Technician"],
                 id="year-after-name"),
    pytest.param(f"How to Become a Dental Assistant in Ohio\n\n{LEAD}\n", ["Dental Assistant"],
                 id="place-after-name"),
    pytest.param(f"Firefighter: Job Description, Salary and Training\n\n{LEAD}\n", ["Firefighter"],
                 id="name-colon"),
    pytest.param(f"What Is a Phlebotomist?\n\n{LEAD}\n", ["Phlebotomist"], id="what-is"),
    pytest.param(f"Archivist or Director of Visitor Education: Which Museum Job Is Right for You?\n\n{LEAD}\n",
                 ["Archivist", "Director of Visitor Education"], id="a-topic-word-inside-an-of-phrase"),
    pytest.param("Skip to content\n\nMost people never meet the court reporter who types every word of a trial. "
                 "Court reporters sit near the judge and record testimony, and many court reporters caption live "
                 "television.\n\nWhat court reporters earn\n\nCourt reporters earn about $66,000 a year.\n",
                 ["Court Reporter"], id="untitled-skip-link"),
]


@pytest.mark.parametrize(("text", "expected"), OPENING_CASES)
def test_roles_of_career_site_openings(text: str, expected: list[str]) -> None:
    name = "case.html" if text.startswith("<html>") else ("case.md" if text.startswith("#") else "case.txt")
    assert [n for n, _ in roles_of(text, name)] == expected


# A role the gazetteer lacks takes the code of another name the body calls it by; a disjunction or a
# list is no other name. (text, expected roles with their codes)
SYNONYM_CASES = [
    pytest.param("Pane Setter vs. Roofer\n\nPane setters, sometimes called glaziers, fit windows. Roofers lay "
                 "shingles.\n", [("Pane Setter", "47-2121"), ("Roofer", "47-2181")], id="sometimes-called"),
    pytest.param("Share Trader vs. Loan Officer\n\nShare traders, officially securities sales agents, buy stock for "
                 "clients. Loan officers approve loans.\n",
                 [("Share Trader", "41-3031"), ("Loan Officer", "13-2072")], id="officially"),
    pytest.param("Hoof Trimmer vs. Veterinarian\n\nHoof trimmers (also known as farriers) shoe horses. Veterinarians "
                 "treat them.\n", [("Hoof Trimmer", "?"), ("Veterinarian", "29-1131")], id="parenthesis-also-known-as"),
    pytest.param("Horse Shoer vs. Roofer\n\nHorse shoers, or roofers on some sites, fit windows. Roofers lay "
                 "shingles.\n", [("Horse Shoer", None), ("Roofer", "47-2181")], id="disjunction-is-no-synonym"),
    pytest.param("Carpenter vs. Roofer\n\nCarpenters, sometimes called joiners, frame houses. Roofers lay shingles.\n",
                 [("Carpenter", "47-2031"), ("Roofer", "47-2181")], id="known-name-keeps-its-code"),
]


@pytest.mark.parametrize(("text", "expected"), SYNONYM_CASES)
def test_a_role_takes_the_code_of_another_name_the_body_gives(text: str,
                                                                expected: list[tuple[str, str | None]]) -> None:
    assert_roles(roles_of(text), expected)


# A title that names fields of work ("Medical Coding vs. Medical Billing") is about their workers: the
# noun of a person the body writes with the field's modifiers and stem; a worker's name ending like a
# field ("Notary") stays where the body counts it. (text, expected roles with their codes)
FIELD_CASES = [
    pytest.param("Medical Coding vs. Medical Billing: What's the Difference?\n\nMedical coders turn notes into "
                 "codes, while medical billers send claims. Most medical coders work in hospitals.\n",
                 [("Medical Coder", "29-2072"), ("Medical Biller", "43-3021")], id="coding-billing"),
    pytest.param("Dental Hygiene vs. Dental Assisting: Which Program Is Right for You?\n\nDental hygienists clean "
                 "teeth, while dental assistants prepare rooms and pass instruments.\n",
                 [("Dental Hygienist", "29-1292"), ("Dental Assistant", "31-9091")], id="hygiene-assisting"),
    pytest.param("Welding vs. Machining: Which Trade Pays More?\n\nWelders join metal with heat, while machinists "
                 "cut parts on lathes.\n", [("Welder", "51-4121"), ("Machinist", "51-4041")], id="trades"),
    pytest.param("Cosmetology or Barbering: Which Career Is Right for You?\n\nCosmetologists colour and style hair, "
                 "while barbers cut it short and shave faces.\n",
                 [("Cosmetologist", "?"), ("Barber", "39-5011")], id="ology-and-ing"),
    pytest.param("Pharmacy vs. Nursing: Which Career?\n\nPharmacists check prescriptions in the pharmacy, while "
                 "nurses care for patients.\n", [("Pharmacist", "29-1051"), ("Nurse", "?")], id="y-and-ing"),
    pytest.param("Notary vs. Paralegal\n\nA notary witnesses signatures. Notaries charge a small fee. Paralegals "
                 "draft documents.\n", [("Notary", None), ("Paralegal", "23-2011")], id="worker-ending-in-y"),
    pytest.param("Nursing vs. Medicine: Which Career Is Right for You?\n\nNurses care for patients, while "
                 "physicians diagnose illness.\n", [("Nurse", "?"), ("Physician", "?")], id="no-stem-shared",
                 marks=gap("'medicine' shares no stem with 'physicians': the field is read as a role")),
]


@pytest.mark.parametrize(("text", "expected"), FIELD_CASES)
def test_a_field_of_work_in_a_title_is_its_workers(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert_roles(roles_of(text), expected)


# A title's shortened name where the body writes the occupation out: a clipped head ("Tech"), clipped
# words of a name the gazetteer lacks ("Vet Assistant"); two names of one occupation in an untitled
# page are one role. (text, expected roles with their codes)
SPELLED_OUT_CASES = [
    pytest.param("Becoming an HVAC Tech: What to Expect\n\nHVAC technicians install heating systems. Most HVAC "
                 "technicians train in a program.\n", [("HVAC Technician", "49-9021")], id="clipped-head"),
    pytest.param("Vet Tech vs. Vet Assistant\n\nVeterinary technicians take x-rays, while veterinary assistants feed "
                 "the animals.\n", [("Veterinary Technician", "29-2056"), ("Veterinary Assistant", "31-9096")],
                 id="clipped-modifiers"),
    pytest.param("Surgical Tech vs. Nurse\n\nSurgical technologists pass instruments, while nurses watch the "
                 "patient.\n", [("Surgical Technologist", "29-2055"), ("Nurse", "?")], id="tech-is-technologist"),
    pytest.param("Lab Tech or Phlebotomist: Which Career Is Right for You?\n\nMost medical laboratory technicians "
                 "run tests, while phlebotomists draw blood.\n",
                 [("Medical Laboratory Technician", "29-2012"), ("Phlebotomist", "31-9097")],
                 id="known-longer-name-preferred"),
    pytest.param("Pharmacy Tech vs. Pharmacist\n\nMost pharmacy techs count pills. Pharmacists check them.\n",
                 [("Pharmacy Tech", "29-2052"), ("Pharmacist", "29-1051")], id="body-writes-it-clipped-too"),
    pytest.param("Kiln Operator vs. Glaze Chemist\n\nGas kiln operators load kilns. Glaze chemists mix glazes.\n",
                 [("Kiln Operator", "?"), ("Glaze Chemist", "?")], id="a-kind-is-no-spelled-out-name"),
    pytest.param("Nurse vs. Doctor: What Are the Differences?\n\nRegistered nurses care for patients. Doctors "
                 "diagnose illness.\n", [("Nurse", "?"), ("Doctor", "?")], id="one-word-name-kept"),
    pytest.param("Pharmacy Tech Salary Guide\n\nPharmacy technicians earn about $40,000 a year.\n",
                 [("Pharmacy Technician", "29-2052")], id="salary-guide-title"),
    pytest.param("Pay\n\nMost pharmacy techs count pills. Pharmacy technicians earn about $40,000, and pharmacy "
                 "technicians work in drugstores.\n", [("Pharmacy Technician", "29-2052")],
                 id="untitled-two-names-one-role"),
]


@pytest.mark.parametrize(("text", "expected"), SPELLED_OUT_CASES)
def test_a_shortened_name_is_spelled_out_as_the_body_writes_it(text: str,
                                                               expected: list[tuple[str, str | None]]) -> None:
    assert_roles(roles_of(text), expected)


def test_a_role_is_named_by_the_formal_name_of_its_occupation() -> None:
    text = ("# Police Dispatcher vs. Security Guard\n\n## Pay\n\nPublic safety telecommunicators earned a median "
            "of $49,000 a year. Security guards earned $36,000.\n")
    article = process_bytes(text.encode("utf-8"), "case.md")
    assert {(s.amount, tuple(s.roles)) for s in article.salaries} == {(49000, ("police-dispatcher",)),
                                                                      (36000, ("security-guard",))}


def test_a_one_word_alias_of_the_occupation_the_body_writes_is_a_form() -> None:
    text = ("# Lawyer vs. Paralegal\n\n## Pay\n\nMost attorneys earn a median of $145,000 a year. Paralegals "
            "earn $60,000.\n")
    article = process_bytes(text.encode("utf-8"), "case.md")
    assert {(s.amount, tuple(s.roles)) for s in article.salaries} == {(145000, ("lawyer",)), (60000, ("paralegal",))}


def test_other_names_given_with_their_initials_are_the_roles_forms() -> None:
    body = ("Kiln hands, known in most potteries as firing assistants (FAs), load the kilns. Glaze mixers, usually "
            "called batch technicians (BTs), weigh the glazes. FAs earn $30,000.")
    forms = {r.name: set(r.forms) for r in build_roles(["Kiln Hand", "Glaze Mixer"], body)}
    assert {"firing assistants", "fas"} <= forms["Kiln Hand"]
    assert {"batch technicians", "bts"} <= forms["Glaze Mixer"]


def test_initials_a_name_is_shortened_to_in_a_place_are_a_form() -> None:
    body = "Kiln operators, often shortened to KOs in the trade, load kilns. KOs check the heat."
    assert {"kos", "ko"} <= set(build_roles(["Kiln Operator"], body)[0].forms)


def test_a_clipped_name_given_second_in_an_aside_is_a_form() -> None:
    body = ("Boiler technicians (also called burner service technicians, or just burner techs) tune burners. "
            "Burner techs earn $58,000.")
    forms = set(build_roles(["Boiler Technician"], body)[0].forms)
    assert {"burner service technicians", "burner techs"} <= forms


def test_initials_of_hyphened_words_before_a_clipped_head_are_a_form() -> None:
    body = "Electro-optical technicians align lasers. EO techs calibrate optics, and EO techs log results."
    assert {"eo techs", "eo tech"} <= set(build_roles(["Electro-Optical Technician"], body)[0].forms)


def test_a_name_known_at_the_workplaces_is_a_form() -> None:
    body = "Kiln hands, known at most potteries as firing assistants (FAs), load the kilns. FAs earn $30,000."
    forms = {r.name: set(r.forms) for r in build_roles(["Kiln Hand", "Glaze Mixer"], body)}
    assert {"firing assistants", "fas"} <= forms["Kiln Hand"]


def test_a_unique_head_noun_clipped_and_after_the_first_word_is_a_form() -> None:
    body = "Glaze sales representatives visit studios. Glaze reps carry samples, and reps drive a lot."
    forms = {r.name: set(r.forms) for r in build_roles(["Kiln Engineer", "Glaze Sales Representative"], body)}
    assert {"glaze reps", "reps", "glaze representatives"} <= forms["Glaze Sales Representative"]


def test_a_long_name_without_its_first_word_is_a_form() -> None:
    body = "Industrial kiln engineers design kilns. Kiln engineers test them. Glaze chemists mix glazes."
    forms = {r.name: set(r.forms) for r in build_roles(["Glaze Chemist", "Industrial Kiln Engineer"], body)}
    assert {"kiln engineer", "kiln engineers"} <= forms["Industrial Kiln Engineer"]


def test_another_name_with_another_trade_head_is_a_form() -> None:
    body = "Kiln operators, usually called firing techs, load kilns. Firing techs check the heat."
    forms = {r.name: set(r.forms) for r in build_roles(["Kiln Operator"], body)}
    assert {"firing tech", "firing techs"} <= forms["Kiln Operator"]


def test_a_title_that_opens_with_a_question_hook() -> None:
    text = ("# Love Clay but Not Chemistry? Kiln Operator vs. Glaze Chemist\n\nNot everyone who loves pottery "
            "wants to study chemistry like a chemical engineer. Kiln operators load kilns. Glaze chemists test "
            "recipes. Chemical engineers design plants.\n")
    assert [n for n, _ in roles_of(text, "case.md")] == ["Kiln Operator", "Glaze Chemist"]


def test_a_title_acronym_the_body_spells_out_without_parentheses() -> None:
    text = ("# HR Specialist vs. T&D Specialist\n\nHuman resources specialists and training and development "
            "specialists both work with people. HR specialists hire staff. T&D specialists run classes.\n")
    assert [n for n, _ in roles_of(text, "case.md")] == ["Human Resources Specialist",
                                                         "Training and Development Specialist"]


@pytest.mark.parametrize(("one", "many"), [("salesperson", "salespeople"), ("lineman", "linemen"),
                                           ("midwife", "midwives"), ("secretary", "secretaries"),
                                           ("human", "humans"), ("specimen", "specimens"),
                                           ("tech", "techs"), ("coach", "coaches")])
def test_role_nouns_in_and_out_of_the_plural(one: str, many: str) -> None:
    assert plural(one) == many and singular(many) == one


@pytest.mark.parametrize(("title", "expected"), [
    ("Is It Better to Be a Glazier or a Roofer?", ["Glazier", "Roofer"]),
    ("Measure Twice, Cut Once: Glaziers and Roofers", ["Glazier", "Roofer"]),
    ("Glazier or Roofer? Choosing a Building Trade", ["Glazier", "Roofer"]),
    ("Glass or Shingles? Choosing a Building Trade", ["Glazier", "Roofer"]),
    ("What do glaziers earn?", ["Glazier"]),
    ("Do Glaziers Make More Than Roofers?", ["Glazier", "Roofer"]),
])
def test_title_shapes_with_a_lead_in(title: str, expected: list[str]) -> None:
    text = f"# {title}\n\nGlaziers cut glass, and glaziers fit windows. Roofers fix roofs, and roofers work outdoors.\n"
    assert [n for n, _ in roles_of(text, "case.md")] == expected


def test_a_title_name_missing_a_middle_word_is_kept() -> None:
    text = ("# Ophthalmic Technician Career Guide\n\nThe median wage for ophthalmic medical technicians was $44,000. "
            "Ophthalmic technicians measure eyes before the doctor sees the patient.\n")
    assert [n for n, _ in roles_of(text, "case.md")] == ["Ophthalmic Technician"]


@pytest.mark.parametrize(("name", "body", "expected"), [
    ("Surgical Tech", "Surgical technologists pass instruments. Surgical techs scrub in.", "Surgical Technologist"),
    ("Kiln Tech", "Some kiln techs study kiln repair technology at night.", "Kiln Tech"),
    ("Network Admin", "Network administrators patch routers. Network admins work nights.", "Network Administrator"),
    ("Glaze Rep", "Glaze sales representatives visit studios. Glaze reps carry samples.", "Glaze Sales Representative"),
    ("Cytotech", "Cytotechnologists screen slides. Most cytotechs work in labs.", "Cytotechnologist"),
])
def test_a_clipped_name_as_the_body_writes_it_in_full(name: str, body: str, expected: str) -> None:
    assert unclipped_name(name, body) == expected


@pytest.mark.parametrize(("body", "kept"), [
    ("When I tell people I'm a ballet dancer, they picture a stage. Dancers rehearse daily.", "Ballet Dancer"),
    ("Ballet dancers are a small group. Dancers rehearse daily.", "Dancer"),
])
def test_a_kind_written_less_is_the_role_only_as_the_writers_own_job(body: str, kept: str) -> None:
    score, first = Counter({"Dancer": 10, "Ballet Dancer": 4}), {"Dancer": (0, 40), "Ballet Dancer": (0, 20)}
    merge_shorter(score, first, body)
    assert list(score) == [kept]


@pytest.mark.parametrize(("sentence", "found"), [
    ("Most AOS openings ask for a diploma.", "AOS"),  # an acronym whose last letter is an S
    ("AOSs check the runway lights.", "AOSs"),
    ("Kiln operators check the runway lights.", None),
])
def test_a_role_named_by_its_acronym(sentence: str, found: str | None) -> None:
    role = build_roles(["Airfield Operations Specialist"], "Airfield operations specialists (AOSs) patrol. The AOS "
                       "logs it.")[0]
    mentions = find_mentions([role], sentence)
    assert [sentence[m.start:m.end] for m in mentions] == ([found] if found else [])
