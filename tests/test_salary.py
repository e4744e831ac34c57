"""Pay extraction, table-driven: the pure parser (``pipeline.extract.salaries``) and the whole pipeline.

Every sentence here is invented for these tests. A case the pipeline gets wrong stays in its table
as a strict xfail whose reason says what comes out instead, so fixing the gap turns it into a pass.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from pipeline.extract.salaries import find_money, period, statistic
from tests.helpers import BOTH, A, B, run_article


class Pay(NamedTuple):
    amount: float | None = None
    min: float | None = None
    max: float | None = None
    currency: str = "USD"
    period: str | None = None


def one(amount: float, currency: str = "USD", per: str | None = None) -> Pay:
    return Pay(amount, None, None, currency, per)


def rng(low: float, high: float, currency: str = "USD", per: str | None = None) -> Pay:
    return Pay(None, low, high, currency, per)


def gap(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


# --- the pure parser: find_money + period -----------------------------------------------------
# (sentence, the first money expression in it with the period read from the words around it)

PARSE_CASES = [
    pytest.param("Farriers earn $54,972 per year across the country.", one(54972, per="year"), id="per-year"),
    pytest.param("A dog groomer can make $22.43 an hour.", one(22.43, per="hour"), id="an-hour-cents"),
    pytest.param("Most deckhands collect $1,150 a week during the season.", one(1150, per="week"), id="a-week"),
    pytest.param("A sous chef brings home about $5,100 per month.", one(5100, per="month"), id="about-per-month"),
    pytest.param("Lighthouse keepers had a median annual wage of $77,600.", one(77600, per="year"),
                 id="median-annual-wage-of"),
    pytest.param("Sommeliers earn between $45,000 and $60,000 annually.", rng(45000, 60000, per="year"),
                 id="between-and-annually"),
    pytest.param("Pay for luthiers runs from $38,000 to $45,000.", rng(38000, 45000), id="from-to-no-period"),
    pytest.param("Expect $45k–$60k for a mid-career cartographer.", rng(45000, 60000), id="k-en-dash-range"),
    pytest.param("Senior perfumers command $120-150k.", rng(120000, 150000), id="shared-k-suffix-range"),
    pytest.param("A trainee gamekeeper earns £28,000 a year.", one(28000, "GBP", "year"), id="gbp-a-year"),
    pytest.param("A German cartographer earns around €32.000 in her first post.", one(32000, "EUR"),
                 id="eur-dot-thousands"),
    pytest.param("Starting pay for a thatcher is £24,000 p.a.", one(24000, "GBP", "year"), id="p-a"),
    pytest.param("The going rate for a stonemason is £36,250 per annum.", one(36250, "GBP", "year"),
                 id="per-annum"),
    pytest.param("The package for a harbour ferry mate is USD 50,000 per year.", one(50000, per="year"),
                 id="usd-prefix-code"),
    pytest.param("The median wage for upholsterers was $56, 704 per year.", one(56704, per="year"),
                 id="broken-thousands-group"),
    pytest.param("Upholsterers earn $18–$26 an hour.", rng(18, 26, per="hour"), id="hourly-range-dash"),
    pytest.param("Rates for arborists range from $16.50 to $23.75 per hour.", rng(16.5, 23.75, per="hour"),
                 id="hourly-range-from-to-cents"),
    pytest.param("Seasonal rangers earn between $19 and $27 per hour.", rng(19, 27, per="hour"),
                 id="hourly-range-between"),
    pytest.param("Rates for a sign painter are $18.50-$22.00/hour.", rng(18.5, 22, per="hour"),
                 id="hourly-range-slash-hour"),
    pytest.param("Ranges for deckhands run $15–20 per hour.", rng(15, 20, per="hour"), id="hourly-range-bare-high"),
    pytest.param("A rig welder can clear $2,500 a week offshore.", one(2500, per="week"), id="2500-a-week"),
    pytest.param("A commis chef makes £2,300 per month.", one(2300, "GBP", "month"), id="gbp-per-month"),
    pytest.param("Arborists earn about $250 per day.", one(250, per="day"), id="per-day"),
    pytest.param("Stagehands are paid $310 a shift.", one(310, per="day"), id="a-shift-is-day"),
    pytest.param("Zookeepers earn $14.25/hr.", one(14.25, per="hour"), id="slash-hr"),
    pytest.param("The salary band for archivists is $58,000-$74,000.", rng(58000, 74000, per="year"),
                 id="salary-band-before"),
    pytest.param("Tailors earn 45,000 dollars a year.", one(45000, per="year"), id="trailing-dollars"),
    pytest.param("She earns 30,000 euros a year as a tour guide.", one(30000, "EUR", "year"), id="trailing-euros"),
    pytest.param("A museum curator earns €3.200 monthly.", one(3200, "EUR", "month"), id="eur-dot-monthly"),
    pytest.param("Mid-level actuaries earn $95K a year.", one(95000, per="year"), id="capital-k"),
    pytest.param("Top farriers make up to $90 an hour.", one(90, per="hour"), id="up-to-hourly"),
    pytest.param("Cobblers earn £11.44 per hour.", one(11.44, "GBP", "hour"), id="gbp-per-hour"),
    pytest.param("Park rangers earn C$58,000 annually.", one(58000, "CAD", "year"), id="cad-symbol"),
    pytest.param("A CAD 64,000 salary is common for hydrologists.", one(64000, "CAD", "year"), id="cad-code"),
    pytest.param("Glassblowers earn A$71,000 a year.", one(71000, "AUD", "year"), id="aud-symbol"),
    pytest.param("Pay is US$48,000 a year for a ski patroller.", one(48000, per="year"), id="us-dollar-symbol"),
    pytest.param("The base for a translator is EUR 40,000 per year.", one(40000, "EUR", "year"), id="eur-code"),
    pytest.param("The base for a bookbinder is GBP 35,000 per year.", one(35000, "GBP", "year"), id="gbp-code"),
    pytest.param("Ushers earn $12 hourly.", one(12, per="hour"), id="hourly-after"),
    pytest.param("Pay for a bike courier is roughly $900 weekly.", one(900, per="week"), id="weekly-after"),
    pytest.param("The yearly salary of a surveyor is $49,000.", one(49000, per="year"), id="yearly-before"),
    pytest.param("The hourly wage of $19.40 is typical for a framer.", one(19.4, per="hour"), id="hourly-before"),
    pytest.param("Weekly earnings of $1,020 are common for line cooks.", one(1020, per="week"), id="weekly-before"),
    pytest.param("Seasoned divers earn $70,000 to $85,000 per annum.", rng(70000, 85000, per="year"),
                 id="range-per-annum"),
    pytest.param("Interns at a map studio make $2.5k per month.", one(2500, per="month"), id="decimal-k"),
    pytest.param("Between $60k and $75k per annum is typical for a brewer.", rng(60000, 75000, per="year"),
                 id="capital-between-k"),
    pytest.param("A winemaker makes roughly $56 thousand a year.", one(56000, per="year"), id="thousand-word"),
    pytest.param("Taxidermists earn $52,000/yr.", one(52000, per="year"), id="slash-yr"),
    pytest.param("The offer for a junior cartographer was $45,000 to 60,000.", rng(45000, 60000),
                 id="range-second-without-symbol"),
    pytest.param("A rope access tech clears $45,000 - $60,000 a year.", rng(45000, 60000, per="year"),
                 id="range-spaced-hyphen"),
    pytest.param("A Dutch goldsmith earns 45.000 € a year.", one(45000, "EUR", "year"),
                 id="trailing-euro-sign"),
    pytest.param("Loggers make 52,000 USD per year.", one(52000, per="year"),
                 id="trailing-usd-code"),
    pytest.param("In India, a surveyor earns ₹4,50,000 per year.", one(450000, "INR", "year"),
                 id="inr-lakh-grouping"),
    pytest.param("A French sommelier earns 32 000 € a year.", one(32000, "EUR", "year"),
                 id="space-thousands-trailing-euro"),
    pytest.param("A Spanish surveyor earns 30,000 - 40,000 euros a year.", rng(30000, 40000, "EUR", "year"),
                 id="trailing-currency-range"),
    pytest.param("In Berlin a glazier earns between 38 000 and 46 000 € a year.", rng(38000, 46000, "EUR", "year"),
                 id="trailing-currency-between"),
    pytest.param("Since 2021 - 41,000 euros a year is typical for a Lisbon locksmith.", one(41000, "EUR", "year"),
                 id="year-is-not-a-range-start"),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_CASES)
def test_find_money_and_period(text: str, expected: Pay) -> None:
    found = find_money(text)
    assert found, f"no money found in {text!r}"
    m = found[0]
    got = Pay(m.amount, m.low, m.high, m.currency, period(text[: m.start], text[m.end :]))
    assert got == expected


# (sentence, every money expression in it, in order)
MULTI_CASES = [
    pytest.param("Glassblowers average $21.10 per hour, or $43,890 per year.", [21.10, 43890],
                 id="hourly-and-annual"),
    pytest.param("Night and day crews earn $15 and $20 respectively.", [15, 20], id="and-without-between"),
    pytest.param("Apprentice farriers start near $31,000; masters pass $80,000.", [31000, 80000], id="two-clauses"),
]


@pytest.mark.parametrize(("text", "values"), MULTI_CASES)
def test_find_money_finds_every_figure(text: str, values: list[float]) -> None:
    assert [m.value for m in find_money(text)] == values


# Strings with numbers but no money expression at all.
NOT_MONEY_CASES = [
    pytest.param("Cartographers earn 27% more than surveyors.", id="percentage"),
    pytest.param("The survey was published in 2023.", id="year"),
    pytest.param("There are 140,100 openings a year for groundskeepers.", id="job-openings"),
    pytest.param("Employment is projected to grow 6% from 2022 to 2032.", id="growth-years"),
    pytest.param("About 31,400 people worked as luthiers.", id="head-count"),
    pytest.param("The top 10 percent worked 2,080 hours a year.", id="hours-a-year"),
]


@pytest.mark.parametrize("text", NOT_MONEY_CASES)
def test_find_money_ignores_plain_numbers(text: str) -> None:
    assert find_money(text) == []


# (sentence, statistic of its first figure)
STATISTIC_CASES = [
    pytest.param("Zookeepers had a median annual wage of $37,200.", "median", id="median"),
    pytest.param("The average salary for a wine steward is $54,300.", "average", id="average"),
    pytest.param("Mean hourly pay for ushers is $13.90.", "average", id="mean"),
    pytest.param("Entry-level ski patrollers earn $16 an hour.", "starting", id="entry-level"),
    pytest.param("Salaries for arborists start at $36,000.", "starting", id="start-at"),
    pytest.param("Top earners among divers bring in more than $112,000 a year.", "top", id="more-than"),
    pytest.param("Experienced farriers make up to $90 an hour.", "top", id="up-to"),
    pytest.param("Pay for map editors runs from $31,000 to $39,500.", "range", id="range"),
    pytest.param("Taxidermists earn $41,000 a year.", "unspecified", id="plain"),
    pytest.param("Farriers earn $63,410 per year on average.", "average",
                 id="on-average-after"),
    pytest.param("Upholsterers earn $21 an hour at the median.", "median",
                 id="median-after"),
    pytest.param("The lowest 10 percent of glaziers earned less than $36,100.", "bottom", id="lowest-percent"),
    pytest.param("The top 25% of riggers earned more than $71,000.", "top", id="top-percent"),
]


@pytest.mark.parametrize(("text", "expected"), STATISTIC_CASES)
def test_statistic(text: str, expected: str) -> None:
    m = find_money(text)[0]
    assert statistic(text[: m.start], m, text[m.end :]) == expected


# --- the whole pipeline -------------------------------------------------------------------------
# "Kiln Operator vs. Glaze Chemist" article, sentence under "## Salary":
# (sentence, [(roles, Pay with the period the pipeline must settle on), ...])

PIPELINE_PAY_CASES = [
    pytest.param("Kiln operators earn $54,972 per year, while glaze chemists earn $71,300 per year.",
                 [([A], one(54972, per="year")), ([B], one(71300, per="year"))], id="while-two-roles"),
    pytest.param("Kiln operators make $22.43 an hour.", [([A], one(22.43, per="hour"))], id="hourly"),
    pytest.param("Glaze chemists earn more: the median hourly wage was $31.20 for glaze chemists and $22.40 for kiln "
                 "operators.", [([B], one(31.2, per="hour")), ([A], one(22.4, per="hour"))], id="figure-for-role"),
    pytest.param("Kiln operators earn $41,000 a year. Pay for glaze chemists is spread more widely, with the lowest "
                 "10 percent under $39,870.", [([A], one(41000, per="year")), ([B], one(39870, per="year"))],
                 id="pay-for-role-opens"),
    pytest.param("Median annual wages in the industries employing the most glaze chemists were:\n\n"
                 "offices of physicians ($61,000)\nclay product manufacturing ($57,500)",
                 [([B], one(61000, per="year")), ([B], one(57500, per="year"))], id="industry-named-for-an-occupation"),
    pytest.param("Newly qualified glaze chemists earn $50,000 a year, and those with a lab qualification can earn "
                 "$70,000 a year.", [([B], one(50000, per="year")), ([B], one(70000, per="year"))],
                 id="a-modified-role-opens-the-sentence"),
    pytest.param("In hourly terms, kiln operators earned a median of $20.81 an hour and glaze chemists $32.22.",
                 [([A], one(20.81, per="hour")), ([B], one(32.22, per="hour"))],
                 id="role-before-a-figure-verb-left-out"),
    pytest.param("A glaze chemist takes home roughly $1,150 a week.", [([B], one(1150, per="week"))], id="weekly"),
    pytest.param("Kiln operators earn about $5,100 per month.", [([A], one(5100, per="month"))], id="monthly"),
    pytest.param("Glaze chemists earned a median annual wage of $77,600 in May 2023.",
                 [([B], one(77600, per="year"))], id="median-annual-wage"),
    pytest.param("Kiln operators typically earn between $45,000 and $60,000 annually.",
                 [([A], rng(45000, 60000, per="year"))], id="between-annually"),
    pytest.param("Glaze chemists are paid from $38,000 to $45,000.", [([B], rng(38000, 45000, per="year"))],
                 id="from-to-period-by-size"),
    pytest.param("Kiln operators can expect $45k–$60k.", [([A], rng(45000, 60000, per="year"))], id="k-range"),
    pytest.param("Senior glaze chemists earn $120-150k.", [([B], rng(120000, 150000, per="year"))],
                 id="shared-k-range"),
    pytest.param("In Britain, kiln operators earn £28,000 a year.", [([A], one(28000, "GBP", "year"))],
                 id="gbp-lead-in"),
    pytest.param("In Germany a glaze chemist earns €32.000 on average.", [([B], one(32000, "EUR", "year"))],
                 id="eur-dot-thousands"),
    pytest.param("Kiln operators earn £24,000 p.a. at the start.", [([A], one(24000, "GBP", "year"))], id="p-a"),
    pytest.param("Glaze chemists earn £41,500 per annum.", [([B], one(41500, "GBP", "year"))], id="per-annum"),
    pytest.param("Kiln operators earn USD 50,000 per year.", [([A], one(50000, per="year"))], id="usd-code"),
    pytest.param("The average kiln operator salary is $56, 704.", [([A], one(56704, per="year"))],
                 id="broken-thousands"),
    pytest.param("Kiln operators earn $17 to $24 per hour.", [([A], rng(17, 24, per="hour"))], id="hourly-range"),
    pytest.param("Glaze chemists earn $2,500 a week.", [([B], one(2500, per="week"))], id="2500-a-week"),
    pytest.param("Kiln operators earn a median of $41,200 per year, whereas glaze chemists earn $79,850 per year.",
                 [([A], one(41200, per="year")), ([B], one(79850, per="year"))], id="whereas"),
    pytest.param("Glaze chemists earned $38.40 an hour, compared with $19.10 an hour for kiln operators.",
                 [([B], one(38.4, per="hour")), ([A], one(19.1, per="hour"))], id="compared-with-for"),
    pytest.param("New kiln operators start at about $16 per hour.", [([A], one(16, per="hour"))], id="start-at"),
    pytest.param("Kiln operators on night crews make between $21 and $26 per hour.",
                 [([A], rng(21, 26, per="hour"))], id="hourly-between"),
    pytest.param("According to a 2024 survey, glaze chemists take home an average of $6,450 per month.",
                 [([B], one(6450, per="month"))], id="survey-year-lead-in"),
    pytest.param("A UK kiln operator earns £23,000–£27,500 a year.", [([A], rng(23000, 27500, "GBP", "year"))],
                 id="gbp-range"),
    pytest.param("Kiln operators earn roughly $45,000.", [([A], one(45000, per="year"))], id="year-by-size"),
    pytest.param("Glaze chemists earn $4,100 monthly.", [([B], one(4100, per="month"))], id="monthly-after"),
    pytest.param("Glaze chemists: $82,300 per year.", [([B], one(82300, per="year"))], id="label-colon"),
    pytest.param("Both kiln operators and glaze chemists can earn $60,000 per year with experience.",
                 [(BOTH, one(60000, per="year"))], id="both-roles"),
    pytest.param("Glaze chemists earn about $75,000 per year. They can reach $110,000 a year later on.",
                 [([B], one(75000, per="year")), ([B], one(110000, per="year"))], id="they-carries-subject"),
    pytest.param("Kiln operators in Canada earn C$52,000 a year.", [([A], one(52000, "CAD", "year"))], id="cad"),
    pytest.param("The average salary for a glaze chemist is $74,910.", [([B], one(74910, per="year"))],
                 id="salary-for-a-role"),
    pytest.param("Kiln operator pay averages $20.75/hr.", [([A], one(20.75, per="hour"))], id="slash-hr"),
    pytest.param("Experienced glaze chemists earn upwards of $100k.", [([B], one(100000, per="year"))],
                 id="upwards-of-k"),
    pytest.param("The top 10% of glaze chemists earn more than $128,000 a year.",
                 [([B], one(128000, per="year"))],
                 id="top-ten-percent-more-than"),
]


def _pay_facts(body: str, heading: str = "Salary", role_b: str | None = "Glaze Chemist"):
    art = run_article(body, heading=heading, role_b=role_b)
    return [(s.roles, Pay(s.amount, s.min, s.max, s.currency, s.period)) for s in art.salaries]


@pytest.mark.parametrize(("body", "expected"), PIPELINE_PAY_CASES)
def test_pipeline_salary(body: str, expected: list[tuple[list[str], Pay]]) -> None:
    assert _pay_facts(body) == expected


# Pay sentences outside a "Salary" section: need a pay word, and the section's role when none is named.
SECTION_PAY_CASES = [
    pytest.param("## What is a kiln operator?\n\nKiln operators earn about $43,000 a year.", "Overview",
                 [([A], one(43000, per="year"))], id="overview-earn"),
    pytest.param("## Key differences\n\nGlaze chemists are paid $36 an hour.", "Overview",
                 [([B], one(36, per="hour"))], id="comparison-section-paid"),
    pytest.param("## What is a kiln operator?\n\nThe job pays about $43,000 a year.", "Overview",
                 [([A], one(43000, per="year"))],
                 id="overview-pays"),
]


@pytest.mark.parametrize(("body", "heading", "expected"), SECTION_PAY_CASES)
def test_pipeline_salary_in_other_sections(body: str, heading: str,
                                           expected: list[tuple[list[str], Pay]]) -> None:
    assert _pay_facts(body, heading) == expected


# --- figures that are not the roles' pay ------------------------------------------------------------
# Profile article "What Does a Kiln Operator Do?": every sentence defaults to the one role, so only
# the distractor rules can keep these figures out of `salaries`.

NO_PAY_CASES = [
    pytest.param("They earn 27% more than the typical factory hand.", id="percentage-more"),
    pytest.param("Pay grew 4.5% in 2023.", id="percentage-and-year"),
    pytest.param("There are 140,100 openings a year.", id="openings-a-year"),
    pytest.param("There were about 31,400 kiln operators in 2022.", id="head-count"),
    pytest.param("The plant produced 2,500 tons of tiles a year.", id="tons-a-year"),
    pytest.param("Tuition for a ceramics program runs $9,800 per year.", id="tuition"),
    pytest.param("The certification exam costs $395.", id="exam-cost"),
    pytest.param("Kiln operators pay a $150 renewal fee every two years.", id="renewal-fee"),
    pytest.param("A good pyrometer is priced at $1,200.", id="price"),
    pytest.param("Safety goggles sell for $40.", id="sells-for"),
    pytest.param("A kiln costs about $25,000 to install.", id="equipment-cost"),
    pytest.param("Many plants offer a sign-on bonus of $5,000.", id="sign-on-bonus"),
    pytest.param("They charge $0.12 per word for writing safety manuals.", id="per-word"),
    pytest.param("Those who haul ware earn $0.58 per mile.", id="per-mile"),
    pytest.param("Kiln operators earn $35 per piece they finish.", id="per-piece"),
    pytest.param("Kiln operators may earn $200 per load fired.", id="per-load"),
    pytest.param("They received a pay increase of $1,800 last year.", id="pay-increase"),
    pytest.param("The union negotiated a $1.50 hourly raise.", id="raise"),
    pytest.param("Dental hygienists earned $87,530 in the same survey.", id="other-occupation"),
    pytest.param("Chemical engineers earn a median of $106,260 per year.", id="other-occupation-median"),
    pytest.param("Plant supervisors earn $112,000 a year.", id="other-occupation-supervisors"),
    pytest.param("The median annual wage for all occupations was $48,060.", id="all-occupations"),
    pytest.param("The national median salary is $59,384.", id="national-median"),
    pytest.param("By comparison, the median for all workers was $46,310.", id="all-workers"),
    pytest.param("The average UK salary is £35,000.", id="uk-average-salary"),
    pytest.param("The minimum wage in the state is $15.00 an hour.", id="minimum-wage"),
    pytest.param("The average household income in the region is $71,000.", id="household-income"),
    pytest.param("They might spend $3,000 on protective gear.", id="spend"),
    pytest.param("They get a $400 annual allowance for safety boots.", id="allowance"),
    pytest.param("They are reimbursed $60 per day for meals.", id="reimbursed"),
    pytest.param("They receive commissions of $2,000 per batch sold.", id="commission"),
    pytest.param("An apprenticeship stipend of $1,500 a month helps.", id="stipend"),
    pytest.param("Federal grants of up to $7,395 cover part of the program.", id="grant"),
    pytest.param("The typical pottery studio brings in $400,000 in revenue.", id="revenue"),
    pytest.param("Health insurance premiums cost $450 a month.", id="premiums-cost"),
    pytest.param("Students borrow up to $20,000 for the program.", id="borrow"),
    pytest.param("Union dues run $45 a month.", id="union-dues"),
    pytest.param("Kiln operators typically earn $2,000 more with overtime.", id="pay-difference-more"),
    pytest.param("Kiln operators earn $5,000 less than they would in a foundry.", id="pay-difference-less"),
    pytest.param("Earnings rose by $3,000 after the contract.", id="earnings-rose"),
    pytest.param("That gap of roughly $9,000 a year keeps kiln operators looking for lab jobs.", id="pay-gap-of"),
    pytest.param("My uncle drove a delivery van and retired earning about $48,000 a year.", id="anecdote-relative"),
    pytest.param("A friend of mine earns $61,000 a year in insurance.", id="anecdote-friend"),
    pytest.param("Some kiln operators are paid a flat $14 to $18 per firing plus tips.", id="per-piece-of-work"),
    pytest.param("Customers typically pay $300 to $900 for a custom glaze run.", id="what-customers-pay"),
    pytest.param("Night shifts add a $2 an hour differential.", id="shift-differential"),
    pytest.param("Overtime adds up to $6,000 a year.", id="overtime-adds"),
    pytest.param("They rent booth space for $250 a week.", id="booth-rent"),
    pytest.param("A relocation package of $1,000 is common.", id="relocation-package"),
    pytest.param("A starter tool kit runs about $500.", id="tool-kit-runs"),
    pytest.param("They bill $85 per session for consulting.", id="per-session-rate"),
    pytest.param("The state pays out $350 per week in unemployment benefits.", id="unemployment-benefits"),
    pytest.param("Their pension contributions total $3,600 a year.", id="pension-contributions"),
    pytest.param("Chemical plant operators earned $72,000 in 2023.", id="other-occupation-shares-head"),
]


@pytest.mark.parametrize("body", NO_PAY_CASES)
def test_no_salary_for_the_role(body: str) -> None:
    assert _pay_facts(body, role_b=None) == []


# The same kinds of figure with an explicit role subject, in a comparison article.
NO_PAY_NAMED_CASES = [
    pytest.param("Glaze chemists earn 27% more than kiln operators.", id="percentage"),
    pytest.param("Employment of glaze chemists is projected to grow 6% from 2022 to 2032.", id="growth"),
    pytest.param("The certification exam for kiln operators costs $395.", id="exam-for-role"),
    pytest.param("Some plants offer glaze chemists a sign-on bonus of $5,000.", id="bonus-for-role"),
    pytest.param("Freelance glaze chemists charge $0.12 per word for technical reports.", id="per-word"),
    pytest.param("Plant managers earn $112,000 a year, far more than kiln operators.", id="other-occupation"),
    pytest.param("Kiln operators received a pay increase of $1,800 last year.", id="pay-increase"),
    pytest.param("Glaze chemists get a $400 annual allowance for safety boots.", id="allowance"),
]


@pytest.mark.parametrize("body", NO_PAY_NAMED_CASES)
def test_no_salary_with_named_role(body: str) -> None:
    assert _pay_facts(body) == []


def test_a_parallel_figure_shares_the_period_written_for_the_one_before() -> None:
    article = run_article("Kiln operators earned a median annual wage of $48,100, while glaze chemists earned $71,900.")
    assert {(tuple(s.roles), s.amount, s.period) for s in article.salaries} == {
        (("kiln-operator",), 48100.0, "year"), (("glaze-chemist",), 71900.0, "year")}
    assert not [w for w in article.warnings if "no pay period" in w]


def test_percentiles_of_the_median_and_the_tails() -> None:
    article = run_article("Kiln operators earned a median annual wage of $48,100. The lowest 10 percent earned "
                          "less than $31,000, and the highest 10 percent earned more than $72,500. The top 5 "
                          "percent earned more than $80,000.")
    assert [(s.amount, s.statistic, s.percentile) for s in article.salaries] == [
        (48100.0, "median", 50), (31000.0, "bottom", 10), (72500.0, "top", 90), (80000.0, "top", None)]


def test_a_figure_restated_in_another_period_keeps_its_own() -> None:
    article = run_article("Kiln operators earn a median of $37,440, or $18.00 an hour, while glaze chemists "
                          "earn a median of $54,760, or $26.33 an hour.")
    assert {(s.amount, s.period) for s in article.salaries} == {
        (37440.0, "year"), (18.0, "hour"), (54760.0, "year"), (26.33, "hour")}


def test_intro_promises_that_the_article_does_not_keep_are_warned_about() -> None:
    from pipeline.process import process_bytes

    raw = (b"# Cook vs. Chef: What Are the Differences?\n\nWe list the pros and cons of each job.\n\n"
           b"## Salary\n\nCooks earn $35,000 a year.\n")
    assert "intro promises pros and cons; none found" in process_bytes(raw, "c.md").warnings


def test_a_pay_summary_above_the_first_heading_is_content() -> None:
    from pipeline.process import process_bytes

    raw = ("Average Salary: £24,000 - £31,000\n\nStarter: £20,500\nExperienced: £36,000\n\n"
           "What does a kiln operator do?\n\nKiln operators load and fire kilns in ceramics plants.\n").encode()
    article = process_bytes(raw, "kiln.txt")
    assert article.title == "What does a kiln operator do?"
    assert {(s.amount, s.min, s.max, s.currency) for s in article.salaries} == {
        (None, 24000.0, 31000.0, "GBP"), (20500.0, None, None, "GBP"), (36000.0, None, None, "GBP")}
