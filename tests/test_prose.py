"""The shapes ordinary career prose takes, table-driven through the whole pipeline.

Every sentence is invented for these tables. Most run in an article comparing two made-up roles
(``tests.helpers``: "Kiln Operator vs. Glaze Chemist"); each row states the facts the sentence gives
and nothing else, so a row fails on a missed fact and on an extra one. Known gaps stay in the tables
as strict xfails that say what comes out instead.
"""

from __future__ import annotations

import pytest

from pipeline.process import process_bytes
from pipeline.rules.role_forms import compound_forms
from schemas.article import Article
from tests.helpers import BOTH, A, B, run_article, run_markdown


def gap(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


def _pay(article: Article) -> set[tuple[tuple[str, ...], float | tuple[float, float], str]]:
    return {(tuple(s.roles), s.amount if s.amount is not None else (s.min or 0, s.max or 0), s.period)
            for s in article.salaries if s.roles}


def _levels(article: Article) -> set[tuple[tuple[str, ...], str]]:
    return {(tuple(r.roles), r.education_level) for r in article.requirements
            if r.type == "education" and r.education_level and r.roles}


def _settings(article: Article) -> set[tuple[tuple[str, ...], str]]:
    return {(tuple(s.roles), s.setting) for s in article.settings if s.roles}


# (paragraph under a "Pay" heading, the (roles, amount or (min, max), period) it gives)
CONTRASTIVE_PAY = [
    pytest.param("Kiln operators earn a median of $41,000 a year, while glaze chemists earn $68,000.",
                 {((A,), 41000, "year"), ((B,), 68000, "year")}, id="while"),
    pytest.param("Kiln operators earn a median of $41,000 a year, while glaze chemists earn $43,000, so the two jobs "
                 "pay about the same.", {((A,), 41000, "year"), ((B,), 43000, "year")}, id="while-then-so-both"),
    pytest.param("The survey gives a median of $55,000 a year for the combined group of kiln operators, kiln loaders "
                 "and glaze chemists.", {((A, B), 55000, "year")}, id="for-a-group-listing-both"),
    pytest.param("Pay averages $48,000 for kiln operators and glaze chemists alike.", {((A, B), 48000, "year")},
                 id="for-both-listed"),
    pytest.param("The usual figure is $39,500 for kiln operators compared with $71,200 for glaze chemists.",
                 {((A,), 39500, "year"), ((B,), 71200, "year")}, id="for-x-compared-with-for-y"),
    pytest.param("Glaze chemists ($70,100) out-earn kiln operators ($40,300) in every region.",
                 {((B,), 70100, "year"), ((A,), 40300, "year")}, id="parenthesised-figures"),
    pytest.param("Unlike kiln operators, who earn about $19.50 an hour, glaze chemists draw an annual salary, "
                 "with a median of $66,000 a year.",
                 {((A,), 19.5, "hour"), ((B,), 66000, "year")}, id="unlike-who-earn"),
    pytest.param("Unlike kiln operators, who take home a median of roughly $19.50 an hour, glaze chemists are "
                 "salaried, with a median of $66,000 a year.",
                 {((A,), 19.5, "hour"), ((B,), 66000, "year")}, id="unlike-who-long-aside"),
    pytest.param("Glaze chemists earn a median of $66,000 a year, well above the $40,000 that kiln operators take "
                 "home.", {((B,), 66000, "year"), ((A,), 40000, "year")}, id="other-role-in-passing"),
    pytest.param("Kiln operators earn $42,000 and glaze chemists $69,000, according to the survey.",
                 {((A,), 42000, "year"), ((B,), 69000, "year")}, id="verb-left-out"),
    pytest.param("Glaze chemists earn $64,000 to $75,000 a year. Kiln operators, by contrast, make around $20 an hour.",
                 {((B,), (64000, 75000), "year"), ((A,), 20, "hour")}, id="by-contrast"),
    pytest.param("The top 10 percent of kiln operators earn more than $60,000, and the top 10 percent of glaze "
                 "chemists earn more than $110,000.", {((A,), 60000, "year"), ((B,), 110000, "year")},
                 id="two-top-deciles"),
    pytest.param("New glaze chemists at large firms start on a base salary of about $52,000 plus commission.",
                 {((B,), 52000, "year")}, id="base-salary-plus-commission"),
    pytest.param("Glaze chemists earn a median of $71,000 a year, compared with $38,000 for kiln operators, who are "
                 "usually paid by the hour (a median of about $18.20).",
                 {((B,), 71000, "year"), ((A,), 38000, "year"), ((A,), 18.2, "hour")}, id="in-a-roles-who-clause"),
    pytest.param("Glaze chemists earn a median of $45,280 a year, compared with $39,550 for night kiln operators.",
                 {((B,), 45280, "year"), ((A,), 39550, "year")}, id="for-a-role-with-a-modifier"),
    pytest.param("Glaze chemists earn about $54,300 a year, compared with $39,160 for furnace tenders in ceramics, the "
                 "category that covers kiln operators.", {((B,), 54300, "year"), ((A,), 39160, "year")},
                 id="for-the-roles-group"),
    pytest.param("Glaze chemists earn $70,000 a year, while furnace tenders, the category that covers most kiln "
                 "operators, earn a median of $36,230.", {((B,), 70000, "year"), ((A,), 36230, "year")},
                 id="a-later-clause-opening-with-the-roles-group"),
    pytest.param("The top 10 percent of kiln operators earn more than $62,000, usually because they fire "
                 "higher-priced porcelain.", {((A,), 62000, "year")}, id="a-higher-priced-thing-after-the-figure"),
    pytest.param("I started as a glaze chemist in a call center for a supplier, making $21 an hour.",
                 {((B,), 21, "hour")}, id="a-call-center-is-no-rate-per-call"),
    pytest.param("In the north, kiln operators earn £27,000 to £33,000, plus island allowances.",
                 {((A,), (27000, 33000), "year")}, id="an-extra-after-plus"),
    pytest.param("Kiln operators on small sites are sometimes paid a flat £120 to £160 a day instead.",
                 {((A,), (120, 160), "day")}, id="a-flat-day-rate"),
    pytest.param("Contract glaze chemists are usually paid a day rate of $400 to $600.",
                 {((B,), (400, 600), "day")}, id="a-day-rate"),
    pytest.param("Kiln operators are paid a wage. The BLS counts them among chemical technicians, who earned a "
                 "median of $42,470 a year.", {((A,), 42470, "year")}, id="counted-among-a-group"),
    pytest.param("Glaze chemists are salaried; they fall under the BLS group of chemical technicians, whose median "
                 "was $54,420 a year.", {((B,), 54420, "year")}, id="falls-under-a-group"),
    pytest.param("Both jobs fall under the BLS category of chemical technicians, which had a median of $58,000 a "
                 "year.", {(tuple(BOTH), 58000, "year")}, id="both-fall-under-a-group"),
    pytest.param("Where a glaze chemist's median wage works out to $33.69 an hour, kiln operators average about "
                 "$19.90 an hour.", {((B,), 33.69, "hour"), ((A,), 19.9, "hour")}, id="a-roles-possessive-wage"),
    pytest.param("Glaze chemists earn $66,000, well above a kiln operator's median pay of $41,000.",
                 {((B,), 66000, "year"), ((A,), 41000, "year")}, id="the-others-possessive-pay-in-passing"),
    pytest.param("Glaze chemists earn a little more: a median of $47,300 a year ($22.74/hr), vs. $44,860 ($21.57/hr) "
                 "for kiln operators.", {((B,), 47300, "year"), ((B,), 22.74, "hour"), ((A,), 44860, "year"),
                                         ((A,), 21.57, "hour")}, id="for-x-after-a-bracketed-restatement"),
    pytest.param("Glaze chemists earn a median of $66,000 a year, roughly $20,000 more than kiln operators.",
                 {((B,), 66000, "year")}, id="figure-then-gap"),
    pytest.param("Kiln operators earn a median of $45,000, well above the $38,000 median for glaze chemists.",
                 {((A,), 45000, "year"), ((B,), 38000, "year")}, id="the-median-for-y"),
    pytest.param("Most kiln operators start at about $17 an hour, and a share of the tip pool adds $2 to $3 an hour "
                 "on top of that.", {((A,), 17, "hour")}, id="tips-on-top"),
    pytest.param("Glaze chemists are the better paid of the two. Their median is $61,000 a year, roughly $5,000 above "
                 "the $56,000 that kiln operators earn.", {((B,), 61000, "year"), ((A,), 56000, "year")},
                 id="their-median-then-the-others"),
    pytest.param("The top 10 percent of kiln operators make more than $68,000, while for glaze chemists the top 10 "
                 "percent earn more than $91,000.", {((A,), 68000, "year"), ((B,), 91000, "year")},
                 id="while-for-y-the-top-earn"),
    pytest.param("Kiln operators earn a median of $45,000 a year, while glaze chemists earn $43,500, a difference of "
                 "only about $1,500.", {((A,), 45000, "year"), ((B,), 43500, "year")}, id="then-the-gap-of"),
    pytest.param("The median is $49,000 for kiln operators compared with $46,000 for glaze chemists, or about $23.50 "
                 "and $22.10 an hour.", {((A,), 49000, "year"), ((B,), 46000, "year"), ((A,), 23.5, "hour"),
                                         ((B,), 22.1, "hour")}, id="a-pair-restated-in-order"),
    pytest.param("Inside that group, glaze chemists at labs average closer to $32.50 an hour and kiln operators at "
                 "small potteries make roughly $19.10.", {((B,), 32.5, "hour"), ((A,), 19.1, "hour")},
                 id="a-new-subject-after-the-first-figure"),
    pytest.param("The top 10 percent of kiln operators earn more than $64,000 a year, often thanks to commission on "
                 "glaze sales.", {((A,), 64000, "year")}, id="pay-thanks-to-commission"),
    pytest.param("Glaze chemists earn a median of $70,000 a year, while furnace and kiln tenders earn $44,410.",
                 {((B,), 70000, "year"), ((A,), 44410, "year")}, id="a-later-clause-opening-with-a-roles-group-name"),
    pytest.param("Glaze chemists earn a median of $70,000 a year, while the furnace, kiln and oven tenders earn "
                 "$44,410.", {((B,), 70000, "year"), ((A,), 44410, "year")}, id="a-listed-group-name-opens-a-clause"),
    pytest.param("Glaze chemists earn $70,000, while the top 10 percent of furnace, drier and kiln tenders make "
                 "more than $61,300.", {((B,), 70000, "year"), ((A,), 61300, "year")},
                 id="the-top-earners-of-a-roles-group-open-a-clause"),
    pytest.param("At the top, kiln operators earn more than $52,000 and glaze chemists more than $86,000.",
                 {((A,), 52000, "year"), ((B,), 86000, "year")}, id="a-gapped-pair-of-more-than"),
    pytest.param("Kiln operators earn $49,000 and glaze chemists $46,000, or $23.50 and $22.10 an hour.",
                 {((A,), 49000, "year"), ((B,), 46000, "year"), ((A,), 23.5, "hour"), ((B,), 22.1, "hour")},
                 id="a-gapped-pair-restated-in-order"),
]


@pytest.mark.parametrize(("body", "expected"), CONTRASTIVE_PAY)
def test_each_figure_goes_to_the_role_it_is_stated_for(body: str, expected: set[object]) -> None:
    assert _pay(run_article(body, heading="Pay")) == expected


# (paragraph under a "Pay" heading whose figures are not the roles' pay, the role pay it does give)
DISTRACTORS = [
    pytest.param("Kiln operators earn $40,000 a year. For comparison, farmworkers earn a median of $16.90 an hour.",
                 {((A,), 40000.0, "year")}, id="compound-worker-noun-is-another-occupation"),
    pytest.param("Deckhands earn about $15 an hour, and kiln operators make $2 to $4 more per hour.", set(),
                 id="another-occupation-opens-a-clause-before-the-role"),
    pytest.param("Kiln operators earn $40,000 a year. The loaders and sorters a kiln operator trains earn about "
                 "$31,000.", {((A,), 40000.0, "year")}, id="the-workers-a-role-trains"),
    pytest.param("Glaze chemists earn $66,000 a year. Lab aides, the people a glaze chemist supervises, earn a median "
                 "of $35,000.", {((B,), 66000.0, "year")}, id="the-people-a-role-supervises-as-an-aside"),
    pytest.param("Kiln operators earn $40,000 a year. Kiln managers, the people who hire both operators and "
                 "chemists, often earn $120,000 to $150,000.", {((A,), 40000.0, "year")},
                 id="an-appositive-with-a-relative-clause"),
    pytest.param("Kiln operators earn $40,000 a year. Plant managers who oversee both kiln operators and glaze "
                 "chemists earn around $92,000.", {((A,), 40000.0, "year")},
                 id="roles-as-objects-of-a-restrictive-clause"),
    pytest.param("Kiln operators earn $40,000. Kiln designers are a separate specialty: they draw the kilns, and earn "
                 "$95,000.", {((A,), 40000.0, "year")}, id="a-separate-specialty"),
    pytest.param("Glaze chemists earn $70,000 a year. Analytical chemists, the larger neighboring occupation, earned "
                 "a median of $86,100.", {((B,), 70000.0, "year")}, id="the-larger-neighboring-occupation"),
    pytest.param("Kiln operators earn $40,000 a year. Some plants add a profit-sharing check of $3,000 to $5,000 a "
                 "year.", {((A,), 40000.0, "year")}, id="profit-sharing"),
    pytest.param("Kiln operators earn $40,000 a year. A hobbyist who brings in a set of mugs usually pays $50 to $90 "
                 "to have them fired.", {((A,), 40000.0, "year")}, id="pays-to-have-it-done"),
    pytest.param("Kiln operators earn $40,000 a year. Tips can add $50 to $100 a week at busy studios.",
                 {((A,), 40000.0, "year")}, id="tips-add-to-pay"),
    pytest.param("Kiln operators earn £31,000 a year. Big firms add a weighting of £3,000 a year on top of basic "
                 "pay, and some offer a £1,500 \"golden hello\" to fill hard-to-staff shifts.",
                 {((A,), 31000.0, "year")}, id="golden-hello"),
    pytest.param("Kiln operators earn $40,000 a year. By way of reference, a typical full-time U.S. employee earns "
                 "about $48,000.", {((A,), 40000.0, "year")}, id="typical-employee"),
    pytest.param("Kiln operators earn $40,000 a year. Homeowners are usually quoted $300 to $500 to have a fireplace "
                 "tiled.", {((A,), 40000.0, "year")}, id="price-quoted"),
    pytest.param("Kiln operators earn $40,000 a year. Across the whole economy, the typical worker earns $47,900.",
                 {((A,), 40000.0, "year")}, id="whole-economy"),
    pytest.param("Kiln operators earn $40,000 a year. The gap in median pay between kiln operators and glaze "
                 "chemists comes to roughly $21,000 a year.", {((A,), 40000.0, "year")}, id="gap-between-medians"),
    pytest.param("Kiln operators earn $40,000 a year. Visitors to open studios usually pay $60 to $90 for a "
                 "single firing.", {((A,), 40000.0, "year")}, id="price-range-paid-for"),
    pytest.param("Plant managers, who oversee both kiln operators and glaze chemists, earn a median of $98,000.",
                 set(), id="supervisor-aside-names-roles"),
    pytest.param("First-year apprentice electricians start at about $18 an hour.", set(), id="apprentice-other-job"),
    pytest.param("Ceramic engineers are a separate career. Ceramic engineers design new kilns. They earned a median "
                 "of $90,000.", set(), id="they-carries-other-occupation"),
    pytest.param("Kiln stackers, who load the ware on most sites, are a separate job. They earn around $26,000 to "
                 "$29,000 a year.", set(), id="declared-separate-job-unknown-to-gazetteer"),
    pytest.param("Some kiln yards pay staff $25 for each emergency call-out they answer.", set(),
                 id="pay-for-each-piece-of-work"),
    pytest.param("Kiln operator aides (KOAs) are a different occupation. They hold an associate degree and earn about "
                 "$31,000 a year.", set(), id="separate-occupation-named-after-a-role"),
    pytest.param("Sculptors turn the glaze chemists' recipes into finished pieces and earned a median of $52,000.",
                 set(), id="gazetteer-occupation-opens"),
    pytest.param("Glassblowers, a neighbouring craft, earn about $40,000. They also start as kiln operators' helpers.",
                 set(), id="neighbouring-craft"),
    pytest.param("Kiln operators earn more than welders, who make a median of $47,000.", set(),
                 id="aside-of-another-occupation"),
    pytest.param("The surveyors they work beside earn a median of $68,000.", set(), id="the-other-occupation-opens"),
    pytest.param("Crews who stay past 40 hours get time and a half; for most kiln operators that is about $30 an hour.",
                 set(), id="time-and-a-half-restated"),
    pytest.param("The certification exam costs $350, and study guides run about $60.", set(), id="exam-fee"),
    pytest.param("Most glaze chemists pay about $40 a month for a software subscription.", set(),
                 id="paying-for-a-thing"),
    pytest.param("For customers, a custom glaze can run $80 to $120.", set(), id="price-for-customers"),
    pytest.param("Tuition for a two-year program runs $12,000 a year.", set(), id="tuition"),
    pytest.param("For comparison, the median for all occupations is $48,060.", set(), id="all-workers-median"),
    pytest.param("Kiln operators who log overtime are paid time and a half, or about $30 an hour.", set(),
                 id="overtime-rate"),
    pytest.param("Studios charge customers $45 to $60 an hour for a private class.", set(), id="price-charged"),
    pytest.param("Agencies bill clients $70 an hour for a glaze consultation.", set(), id="agency-bills-clients"),
    pytest.param("Consulting glaze chemists reach that level by billing clients $90 an hour.", set(),
                 id="billing-clients"),
    pytest.param("A custom kiln shelf is billed to the studio at $300 to $500.", set(), id="billed-to-a-business"),
    pytest.param("A customer's bill for a kiln repair often runs $200 to $400.", set(), id="customers-bill"),
    pytest.param("Kiln trainees must be paid at least the national minimum wage, £7.55 an hour.", set(),
                 id="legal-minimum-wage"),
    pytest.param("Kiln operators on the night shift get an extra $2 an hour.", set(), id="extra-per-hour"),
    pytest.param("A kiln yard bills its client, often a city, $2 million or more for a large order.", set(),
                 id="bills-its-client"),
    pytest.param("Kiln operators teach classes too: a student pays $180 an hour for the kiln and the lesson.", set(),
                 id="students-pay"),
    pytest.param("Many kiln operators pick up extra income from $50 to $90 tile-repairs on weekends.", set(),
                 id="priced-jobs"),
    pytest.param("Kiln operators at boarding kennels are busy in summer, when pet owners pay $45 a night per dog.",
                 set(), id="owners-pay"),
    pytest.param("Kiln operators in hard-to-fill posts get a $4,000 recruitment incentive.", set(),
                 id="recruitment-incentive"),
    pytest.param("By law kiln operators must be paid at least the National Living Wage, currently £11.44 an hour.",
                 set(), id="living-wage"),
    pytest.param("Glaze chemists earn a median of $61,000 a year, trailing kiln operators by nearly $9,000.",
                 {((B,), 61000, "year")}, id="trails-by-a-difference"),
    pytest.param("At resort studios, room rates run $210 a night in summer.", set(), id="room-rates"),
    pytest.param("Kiln loaders, a separate job, stack the ware and earn about $15.20 an hour.", set(),
                 id="appositive-separate-job"),
    pytest.param("Glaze testers who check every batch, a different occupation, earn around $39,000.", set(),
                 id="appositive-different-occupation-after-relative"),
    pytest.param("Kiln loaders are a separate job. Those workers earn about $31,000 a year.", set(),
                 id="those-workers-carry-the-other-job"),
    pytest.param("Plant managers, the next step up for many kiln operators, earn a median of $98,000.", set(),
                 id="the-next-step-up"),
    pytest.param("Glaze chemists who mix enamels for car plants belong to a different occupation. Those workers "
                 "earn a median of about $52,000 a year.", set(), id="a-kind-of-the-role-in-another-occupation"),
    pytest.param("Glaze chemists earn about $9,000 more than kiln operators with the same experience.", set(),
                 id="pay-gap"),
    pytest.param("Freelance glaze chemists are paid by the batch, commonly $80 to $120 per 1,000 tiles.", set(),
                 id="piece-rate-per-thousand"),
    pytest.param("The average warranty claim is roughly $15,000.", set(), id="claim-amount"),
    pytest.param("A senior glaze chemist may approve purchases of $100,000 or more without a manager.", set(),
                 id="spending-authority"),
    pytest.param("I run the night kiln. My cousin makes about $58,000 a year hauling freight, more than I did at "
                 "first.", set(), id="a-relatives-pay"),
    pytest.param("Most kiln operators lease their kilns, and a typical lease runs $900 a month.", set(),
                 id="a-lease-the-worker-pays"),
    pytest.param("Glaze chemists in the capital get a London weighting of about £2,500 a year.", set(),
                 id="a-location-weighting"),
    pytest.param("For context, brick graders earn a median of $36,000.", set(), id="for-context-another-job"),
    pytest.param("Craft potters, who throw bowls to sell at markets, earn a median of about $37,000.", set(),
                 id="another-job-whose-name-opens-with-a-verb"),
    pytest.param("A kiln inspection costs the studio owner $75 to $150, and a full relining runs $900 to $1,200.",
                 set(), id="a-second-price-after-a-price"),
    pytest.param("Temp agencies bill studios $40 an hour for each glaze chemist they place.", set(),
                 id="an-agency-bills-a-business"),
    pytest.param("Studios bill a glaze chemist's time to clients at $90 an hour.", set(), id="time-billed-to-clients"),
    pytest.param("The licence costs $200, and kiln operators earn a median of $41,000 a year.",
                 {((A,), 41000, "year")}, id="pay-after-a-price"),
    pytest.param("A homeowner can expect to pay $600 to $900 to have a kiln relined.", set(),
                 id="a-homeowner-pays"),
    pytest.param("A small business might pay a glaze lab $300 for a single test.", set(), id="a-business-pays"),
    pytest.param("Glaze chemists out-earn the $48,000 that the typical U.S. worker earns.", set(),
                 id="the-typical-worker"),
    pytest.param("Across the whole UK workforce, the median full-time salary is about £35,000.", set(),
                 id="the-whole-workforce"),
    pytest.param("A single charity gala can raise $400,000, and some campaigns top $50 million.", set(),
                 id="money-raised"),
    pytest.param("Kiln stokers, who run the yard and supervise both crews, earn a median of $66,400.", set(),
                 id="both-inside-another-jobs-aside"),
    pytest.param("Kiln operators earn $40,000 a year. Saggar makers, who shape the clay boxes, earn a median of "
                 "$38,500.", {((A,), 40000.0, "year")}, id="unknown-plural-with-a-who-clause-is-another-job"),
    pytest.param("Do not confuse glaze chemists with clay testers (CTs), who check each batch, file reports and earn "
                 "a median of $41,200.", set(), id="who-clause-goes-on-past-a-comma"),
    pytest.param("Kiln operators earn $40,000 a year. For context, sculptors earn a median of $52,000, and the median "
                 "for all U.S. workers is $48,000.", {((A,), 40000.0, "year")},
                 id="lead-in-then-a-lower-case-occupation"),
    pytest.param("Kiln operators earn $40,000 a year. Operators who move up to shift lead, the job known as burner, "
                 "earn a median of $52,000.", {((A,), 40000.0, "year")}, id="who-move-up-to-another-job"),
    pytest.param("Kiln operators earn $40,000 a year, and those who are promoted to supervisor earn about $55,000.",
                 {((A,), 40000.0, "year")}, id="promoted-to-another-job"),
    pytest.param("Kiln operators who move into glaze management can earn $60,000 or more a year.",
                 {((A,), 60000.0, "year")}, id="moving-into-a-specialty-is-the-roles-pay"),
    pytest.param("Kiln operators earn $40,000 a year. Newcomers, who learn on the job, earn about $31,000.",
                 {((A,), 40000.0, "year"), ((A,), 31000.0, "year")}, id="who-clause-on-people-in-general"),
    pytest.param("Unlike saggar makers, who shape the boxes, kiln operators earn a median of $45,000.",
                 {((A,), 45000.0, "year")}, id="who-clause-then-a-role-subject"),
    pytest.param("Glaze chemists earn a median of $98,000 a year, compared with $61,000 for kiln operators, a gap of "
                 "more than $30,000.", {((B,), 98000, "year"), ((A,), 61000, "year")}, id="a-gap-of-more-than"),
    pytest.param("Plant supervisors, who oversee every kiln operator on site, earn about $90,000, but that is a "
                 "separate job.", set(), id="said-to-be-a-separate-job"),
    pytest.param("Many trainees pay a training provider $1,500 to $3,000 for the course.", set(),
                 id="trainees-pay"),
    pytest.param("Franchised kiln operators pay a kiln company $150 to $250 a week to use its name.", set(),
                 id="the-worker-pays-a-company"),
    pytest.param("Some studios pay kiln operators a flat $60 for an overnight firing.", set(), id="a-flat-sum"),
    pytest.param("Kiln operators earn $40,000 a year. Studio rates run $80 to $120 an hour for a private firing.",
                 {((A,), 40000.0, "year")}, id="a-studio-rate-is-a-price"),
    pytest.param("Kiln operators earn $40,000 a year. The shop's labor rate is $140 an hour.",
                 {((A,), 40000.0, "year")}, id="a-labor-rate-is-a-price"),
    pytest.param("Kiln operators earn $40,000 a year. The yard hands they supervise make about $16 an hour.",
                 {((A,), 40000.0, "year")}, id="the-workers-they-supervise"),
    pytest.param("Kiln operators earn $40,000 a year. The operators who supervise them make about $24 an hour.",
                 {((A,), 40000.0, "year"), ((A,), 24.0, "hour")}, id="those-who-supervise-them-is-no-subordinate"),
    pytest.param("Kiln operators earn $20 an hour; those on the night shift may see $2 to $3 an hour more.",
                 {((A,), 20.0, "hour")}, id="a-difference-after-its-period"),
    pytest.param("Kiln operators earn $40,000 a year, and a grateful client might hand over a $50 gift card.",
                 {((A,), 40000.0, "year")}, id="a-figure-before-a-thing-is-its-price"),
    pytest.param("Glaze chemists can land a $70,000 job straight out of school.",
                 {((B,), 70000.0, "year")}, id="a-figure-before-job-is-pay"),
    pytest.param("Kiln operators earn $40,000 a year. Online licensing exam prep starts from $89.",
                 {((A,), 40000.0, "year")}, id="exam-prep-is-a-cost"),
    pytest.param("Kiln operators earn $40,000 a year. A basic repair visit is $90 plus $2 a mile.",
                 {((A,), 40000.0, "year")}, id="a-service-is-priced"),
    pytest.param("Kiln operators earn $40,000 a year. Some learners pay their mentor $4,000 to learn the trade.",
                 {((A,), 40000.0, "year")}, id="the-worker-pays-a-mentor"),
    pytest.param("Freelance glaze chemists are paid by the project, usually $500 to $2,000.", set(),
                 id="paid-by-the-project"),
    pytest.param("Kiln operators earn $40,000 a year, below the $45,000 median for records clerks, a related job "
                 "that many kiln operators move into.", {((A,), 40000.0, "year")},
                 id="for-another-occupation-a-related-job"),
    pytest.param("Research chemists, who develop new compounds, are a separate occupation and earn a median of "
                 "$95,000.", set(), id="another-job-ending-in-a-roles-head-noun"),
    pytest.param("Kiln operators earn $40,000 a year. At open days, volunteers usually get $50 for a weekend of "
                 "loading.", {((A,), 40000.0, "year")}, id="people-the-role-works-with-are-paid"),
    pytest.param("Kiln operators earn $40,000 a year. Many eventually move up to shift lead, a job with a median of "
                 "$52,000.", {((A,), 40000.0, "year")}, id="move-up-to-without-who"),
    pytest.param("Kiln operators earn $40,000 a year, and the staff travel perk let my family fly home for $180 in "
                 "taxes.", {((A,), 40000.0, "year")}, id="money-in-taxes"),
    pytest.param("Kiln operators earn $40,000 a year, and a busy holiday season can add $3,000 or more to the year.",
                 {((A,), 40000.0, "year")}, id="a-sum-added-to-the-year"),
    pytest.param("Kiln operators earn $40,000 a year. Studios may bill $90 an hour for a custom firing.",
                 {((A,), 40000.0, "year")}, id="what-an-employer-bills"),
    pytest.param("Kiln operators earn $40,000 a year. Most plants pay for the safety exam ($180).",
                 {((A,), 40000.0, "year")}, id="paying-for-an-exam"),
    pytest.param("Glaze chemists earn $70,000 a year. That $30,000 gap narrows in the public sector.",
                 {((B,), 70000.0, "year")}, id="a-figure-before-gap"),
    pytest.param("Kiln operators earn $40,000 a year. Yardmasters who supervise the loading crews often earn "
                 "$90,000 or more.", {((A,), 40000.0, "year")}, id="an-unknown-agent-noun-a-who-clause-restricts"),
    pytest.param("Kiln operators who work nights earn $45,000 a year.", {((A,), 45000.0, "year")},
                 id="a-role-a-who-clause-restricts"),
    pytest.param("Plant managers, a common next step for kiln operators, earn a median of $98,000.", set(),
                 id="a-common-next-step"),
    pytest.param("Kiln operators earn $40,000 a year; co-op students at the larger potteries typically earn $18 an "
                 "hour.", {((A,), 40000.0, "year")}, id="co-op-students-pay"),
    pytest.param("Kiln operators earn $40,000 a year. The safety course is optional; otherwise expect to pay around "
                 "$150 for it.", {((A,), 40000.0, "year")}, id="expect-to-pay"),
    pytest.param("Kiln operators earn $40,000 a year, and the glaze test kits run $35 each.",
                 {((A,), 40000.0, "year")}, id="a-price-each"),
    pytest.param("Glaze chemists earn $70,000 each year.", {((B,), 70000.0, "year")}, id="each-year-is-a-period"),
    pytest.param("Contract kiln operators are paid a day rate of $300 to $450 instead of an hourly wage.",
                 {((A,), (300.0, 450.0), "day")}, id="a-period-set-against-the-figure"),
    pytest.param("Glaze chemists earn $70,000, well above the $58,300 median for machinists, the colleagues who "
                 "cut the molds glaze chemists design.", {((B,), 70000.0, "year")},
                 id="an-aside-naming-the-role-in-passing"),
    pytest.param("Kiln operators get a base wage plus a flat \"spiff\" of about $25 for each custom order.", set(),
                 id="a-flat-named-sum"),
    pytest.param("Kiln operators earn $40,000 a year. My first respirator set me back $300.",
                 {((A,), 40000.0, "year")}, id="set-me-back-is-a-cost"),
    pytest.param("Kiln operators earn $40,000 a year. Insurance usually pays $200 to $400 for a cracked kiln shelf.",
                 {((A,), 40000.0, "year")}, id="an-insurer-pays-a-price"),
    pytest.param("Glaze chemists earn $70,000 a year. The plant managers that glaze chemists report to earn a median "
                 "of $105,000.", {((B,), 70000.0, "year")}, id="the-people-a-role-works-for"),
    pytest.param("Kiln operators earn $40,000 a year. Regular customers often hand the operator $10 at pickup.",
                 {((A,), 40000.0, "year")}, id="what-customers-hand-over"),
    pytest.param("Kiln operators earn $40,000 a year; the $200 fine for a missed inspection goes to the state.",
                 {((A,), 40000.0, "year")}, id="a-fine"),
    pytest.param("Kiln operators start at $19 an hour, often on a night shift that adds $2 an hour.",
                 {((A,), 19.0, "hour")}, id="a-shift-that-adds"),
    pytest.param("Senior kiln operators can make $300 a day, which can add up to $70,000 a year.",
                 {((A,), 300.0, "day"), ((A,), 70000.0, "year")}, id="what-pay-adds-up-to"),
    pytest.param("Kiln operators earn $40,000 a year, and the typical trainee owes about $12,000 when the course "
                 "ends.", {((A,), 40000.0, "year")}, id="what-someone-owes"),
    pytest.param("Kiln operators earn $40,000 a year. Liability premiums for a small kiln yard can run $3,000 to "
                 "$6,000 a year.", {((A,), 40000.0, "year")}, id="insurance-premiums"),
    pytest.param("Kiln operators earn $21 an hour, plus $4 for every hour they spend on call.",
                 {((A,), 21.0, "hour")}, id="on-call-pay"),
    pytest.param("Kiln operators earn $40,000 a year. Contract firers are paid per case, often $500 to $700 for a "
                 "full load.", {((A,), 40000.0, "year")}, id="paid-per-case"),
    pytest.param("Kiln operators earn $40,000 a year, a little under the $49,000 median for all U.S. workers.",
                 {((A,), 40000.0, "year")}, id="all-workers-with-initials"),
    pytest.param("Kiln operators earn £26,000 a year; the median full-time salary in the UK is about £35,000.",
                 {((A,), 26000.0, "year")}, id="national-full-time-median"),
    pytest.param("Kiln operators earn £26,000 a year. My own small kiln yard turned over £90,000 last year.",
                 {((A,), 26000.0, "year")}, id="a-business-turnover"),
    pytest.param("Kiln operators earn $40,000 a year. Against other trades that is a gap of only about $1,500 a "
                 "year.", {((A,), 40000.0, "year")}, id="a-gap-of-only-about"),
    pytest.param("Kiln operators earn $40,000 a year. A yard cashier may handle more than $20,000 in sales on a "
                 "busy day and starts each shift with a float of $300.", {((A,), 40000.0, "year")},
                 id="money-handled-not-earned"),
    pytest.param("Kiln operators earn $40,000 a year. Contract loaders are paid per kiln, from $60 for a small load "
                 "to $150 for a full one.", {((A,), 40000.0, "year")}, id="paid-per-piece-of-work"),
    pytest.param("My first kiln operator paycheck worked out to $110 a day, paid per firing.",
                 {((A,), 110.0, "day")}, id="a-day-rate-paid-per-piece"),
    pytest.param("Kiln operators earn $40,000 a year. For context, brick loaders, the job most kiln operators held "
                 "first, earn a median of $31,500.", {((A,), 40000.0, "year")}, id="the-job-most-held-first"),
    pytest.param("Kiln operators earn $40,000 a year. Certified operators often earn $6,000 or more a year above "
                 "their peers.", {((A,), 40000.0, "year")}, id="a-sum-above-their-peers"),
    pytest.param("Kiln operators earn $40,000 a year. Two operators with the same licence can end up $12,000 apart.",
                 {((A,), 40000.0, "year")}, id="a-sum-apart"),
    pytest.param("Kiln operators earn $40,000 a year. Brick setters are a different trade altogether: they lay "
                 "firebrick, and the $52,000 they earn says little about either job.", {((A,), 40000.0, "year")},
                 id="another-trade-said-of-either-job"),
    pytest.param("Kiln operators earn $40,000 a year. Kiln operators' helpers, a separate entry-level job, average "
                 "about $15 an hour.", {((A,), 40000.0, "year")}, id="a-separate-entry-level-job"),
    pytest.param("Kiln operators earn $40,000 a year. Don't confuse kiln operators with brick setters, who reline "
                 "kilns, lay firebrick and patch flues, and earn a median of $52,000.", {((A,), 40000.0, "year")},
                 id="dont-confuse-with"),
    pytest.param("Kiln operators at big plants can earn $60,000 or more a year once overtime is included.",
                 {((A,), 60000.0, "year")}, id="pay-with-overtime-included"),
    pytest.param("A kiln operator who has spent ten years firing tiles can earn $58,000 a year.",
                 {((A,), 58000.0, "year")}, id="years-spent-are-no-money-spent"),
    pytest.param("New kiln operators start at around $17 an hour and get a raise every six months.",
                 {((A,), 17.0, "hour")}, id="a-raise-to-come"),
    pytest.param("Kiln operators earn $40,000 a year. The LPN median was $59,000 last year.",
                 {((A,), 40000.0, "year")}, id="another-occupations-initials"),
    pytest.param("Kiln operators earn $40,000 a year. Kiln crew foremen, who plan the firings, earn about $58,000.",
                 {((A,), 40000.0, "year")}, id="foremen-are-another-occupation"),
    pytest.param("Kiln operators earn $40,000 a year. The all-occupations median is $48,000.",
                 {((A,), 40000.0, "year")}, id="all-occupations-median"),
    pytest.param("Kiln operators earn £29,000 a year. The median for all full-time UK employees is about £37,000.",
                 {((A,), 29000.0, "year")}, id="all-full-time-employees"),
    pytest.param("Kiln operators earn £29,000 a year. The legal minimum for apprentices is £7 an hour.",
                 {((A,), 29000.0, "year")}, id="legal-minimum-for-apprentices"),
    pytest.param("Kiln operators earn $40,000 a year. The difference, roughly $12,000 a year, comes from night work.",
                 {((A,), 40000.0, "year")}, id="the-difference-is-no-pay"),
    pytest.param("Kiln operators earn $40,000 a year. The median home in the town sold for about $300,000.",
                 {((A,), 40000.0, "year")}, id="a-home-sold-for"),
    pytest.param("Kiln operators earn $40,000 a year. A prize of $5,000 goes to the best glaze, and quotas of "
                 "$1 million a year are common at big plants.", {((A,), 40000.0, "year")}, id="prizes-and-quotas"),
    pytest.param("Kiln operators earn $40,000 a year. Visitors pay $15 for a studio tour.",
                 {((A,), 40000.0, "year")}, id="what-visitors-pay"),
    pytest.param("Kiln operators earn $40,000 a year. Operators who take call get $3 an hour to carry a pager.",
                 {((A,), 40000.0, "year")}, id="paid-to-take-call"),
    pytest.param("Kiln operators earn $40,000 a year. A pottery spends $2,000 to $4,000 to reline one kiln.",
                 {((A,), 40000.0, "year")}, id="what-a-firm-spends"),
    pytest.param("Kiln operators earn $40,000 a year. Operators who carry a pager get a standby rate of $2 to $4 an "
                 "hour.", {((A,), 40000.0, "year")}, id="standby-rate"),
    pytest.param("Kiln operators earn $40,000 a year. Production occupations as a whole have a median of $43,000.",
                 {((A,), 40000.0, "year")}, id="occupations-as-a-whole"),
    pytest.param("Kiln operators earn £29,000 a year. The median full-time UK employee earns about £37,000.",
                 {((A,), 29000.0, "year")}, id="median-full-time-employee"),
    pytest.param("Kiln operators earn $40,000 a year. State law lets employers pay tipped employees a cash wage of "
                 "$3 an hour.", {((A,), 40000.0, "year")}, id="a-legal-minimum"),
    pytest.param("Kiln operators earn $40,000 a year. A weekend kiln excursion often runs $800 for a group, so kiln "
                 "operators who lead one earn tips.", {((A,), 40000.0, "year")}, id="an-outing-often-runs"),
    pytest.param("Kiln operators earn $40,000 a year. For context, the median salary for full-time employees "
                 "across the country is $48,000.", {((A,), 40000.0, "year")}, id="for-context-employees-across"),
    pytest.param("Kiln operators earn $40,000 a year. Broken ware costs potteries more than $2 billion a year.",
                 {((A,), 40000.0, "year")}, id="millions-are-no-pay"),
    pytest.param("Kiln operators earn $40,000 a year. Weekend firing courses, sold at $300 to $450, fill quickly.",
                 {((A,), 40000.0, "year")}, id="sold-at"),
    pytest.param("Kiln operators earn $40,000 a year. Couples typically pay a kiln operator $75 to $200 to fire a "
                 "wedding plate.", {((A,), 40000.0, "year")}, id="what-couples-pay"),
    pytest.param("Kiln operators at studios with 500 weekly visitors often earn $52,000 or more.",
                 {((A,), 52000.0, "year")}, id="weekly-before-another-noun-is-no-period"),
    pytest.param("Kiln operators earn $40,000 a year. A good wheel and a set of tools can set a new kiln operator "
                 "back $2,000.", {((A,), 40000.0, "year")}, id="set-someone-back"),
    pytest.param("Kiln operators earn $40,000 a year. Glaze chemists in training live on stipends of $20,000 a "
                 "year.", {((A,), 40000.0, "year")}, id="stipends"),
    pytest.param("Kiln operators earn $40,000 a year. A single licence for the kiln-control software runs about "
                 "$1,800 a year.", {((A,), 40000.0, "year")}, id="a-licence-for-software-runs"),
    pytest.param("Kiln operators earn $40,000 a year, and their average retirement balance is $61,000.",
                 {((A,), 40000.0, "year")}, id="a-balance"),
    pytest.param("Kiln operators earn $40,000 a year. The gap between the two medians, roughly $9,400, has "
                 "narrowed.", {((A,), 40000.0, "year")}, id="the-gap-between-then-the-figure"),
    pytest.param("Kiln operators earn $40,000 a year. Service contracts for a large gas kiln typically run $200 to "
                 "$400 a month.", {((A,), 40000.0, "year")}, id="contracts-for-a-thing-run"),
]


@pytest.mark.parametrize(("body", "expected"), DISTRACTORS)
def test_figures_that_are_not_the_roles_pay(body: str, expected: set[object]) -> None:
    assert _pay(run_article(body, heading="Pay")) == expected


# (paragraph of a page on one role, kiln operators, whose sentences about others' money name no role)
ONE_ROLE_DISTRACTORS = [
    pytest.param("Kiln operators earn $40,000 a year. Deckhands earn about $15 an hour, and kiln operators make $2 "
                 "to $4 more.", {((A,), 40000.0, "year")}, id="another-occupation-before-the-role"),
    pytest.param("Kiln operators earn $40,000 a year. The sorters and packers earn a median of about $33,000.",
                 {((A,), 40000.0, "year")}, id="coordinated-other-occupations"),
    pytest.param("Kiln operators earn $40,000 a year. A sculptor booked for a week of demonstrations earns about "
                 "$1,900.", {((A,), 40000.0, "year")}, id="a-singular-other-occupation"),
    pytest.param("Kiln operators earn $40,000 a year. Neurosurgeons average about $700,000 in the same survey.",
                 {((A,), 40000.0, "year")}, id="a-closed-compound-occupation"),
    pytest.param("Kiln operators earn $40,000 a year. Once certified, you pay the guild £95.50 a year to stay listed.",
                 {((A,), 40000.0, "year")}, id="what-you-pay-a-body"),
    pytest.param("Kiln operators earn $40,000 a year. For the workforce as a whole, the median wage was $48,900.",
                 {((A,), 40000.0, "year")}, id="the-workforce-as-a-whole"),
    pytest.param("Kiln operators earn $40,000 a year. A first pottery book brings an advance of $4,000 to $9,000.",
                 {((A,), 40000.0, "year")}, id="a-book-advance"),
    pytest.param("Kiln operators earn $40,000 a year. Sworn sheriff's deputies who also guard the plant earn a "
                 "median of $59,000.", {((A,), 40000.0, "year")}, id="a-possessive-occupation-a-clause-restricts"),
    pytest.param("Kiln operators earn $40,000 a year. When a used kiln hammers down at $85,000, the operator sees "
                 "none of it.", {((A,), 40000.0, "year")}, id="a-hammer-price"),
    pytest.param("Kiln operators earn $40,000 a year. Yard hands and kiln loaders who support licensed operators earn "
                 "closer to $31,000.", {((A,), 40000.0, "year")}, id="coordinated-plurals-a-clause-restricts"),
    pytest.param("Kiln operators earn $40,000 a year. Across every U.S. occupation the midpoint wage is $48,060.",
                 {((A,), 40000.0, "year")}, id="every-occupation"),
    pytest.param("Kiln operators earn $40,000 a year. A single firing can cost the plant's insurer more than $4,000.",
                 {((A,), 40000.0, "year")}, id="a-cost-of-more-than"),
    pytest.param("Kiln operators earn $40,000 a year. Women in the trade earn roughly 15% less than men, or about "
                 "$6,000 a year on average.", {((A,), 40000.0, "year")}, id="a-gender-gap"),
    pytest.param("Kiln operators earn $40,000 a year. Saddlers and leather goods makers, whose skills overlap at the "
                 "bench, earn £22,000 to £30,000.", {((A,), 40000.0, "year")}, id="a-whose-clause-on-others"),
    pytest.param("Kiln operators earn $40,000 a year. A family of four can receive up to $975 a month in food aid.",
                 {((A,), 40000.0, "year")}, id="what-a-family-receives"),
    pytest.param("Kiln operators earn $40,000 a year. Unlike the plant managers they report to, who earn a median of "
                 "$105,000, kiln operators are paid by the hour.", {((A,), 40000.0, "year")},
                 id="unlike-the-people-they-report-to"),
]


@pytest.mark.parametrize(("body", "expected"), ONE_ROLE_DISTRACTORS)
def test_figures_that_are_not_the_one_roles_pay(body: str, expected: set[object]) -> None:
    assert _pay(run_article(body, heading="Pay", role_b=None)) == expected


def _stats(body: str) -> set[tuple[float, str, int | None]]:
    return {(s.amount or 0, s.statistic, s.percentile) for s in run_article(body, heading="Pay").salaries}


# (paragraph, the (amount, statistic, percentile) of each figure)
STATISTICS = [
    pytest.param("Kiln operators earn a median of $41,000 a year, or about $19.71 an hour.",
                 {(41000, "median", 50), (19.71, "median", 50)}, id="median-restated-hourly"),
    pytest.param("Most kiln operators start at around $16 an hour.", {(16, "starting", None)}, id="start-at"),
    pytest.param("Junior kiln operators typically start at around $16 an hour.", {(16, "starting", None)},
                 id="typically-start-at"),
    pytest.param("The lowest-paid 10 percent of kiln operators earned less than $31,000, and the highest-paid 10 "
                 "percent more than $62,000.", {(31000, "bottom", 10), (62000, "top", 90)},
                 id="lowest-paid-highest-paid"),
    pytest.param("The top 10 percent of glaze chemists earn more than $105,000.", {(105000, "top", 90)},
                 id="top-ten-percent"),
    pytest.param("The lowest 10 percent of kiln operators earn less than $29,000.", {(29000, "bottom", 10)},
                 id="lowest-ten-percent"),
    pytest.param("Glaze chemists earn a median of $66,000, several thousand dollars more than the $58,000 that "
                 "kiln operators earn.", {(66000, "median", 50), (58000, "unspecified", None)},
                 id="more-than-the-other-figure"),
]


@pytest.mark.parametrize(("body", "expected"), STATISTICS)
def test_the_statistic_a_figure_is(body: str, expected: set[object]) -> None:
    assert _stats(body) == expected


PROFILE = "# What Does a Kiln Operator Do?\n\n"
# (a whole profile article, the (roles, amount, period) it gives)
LABELLED_PAY = [
    pytest.param(PROFILE + "## Average Salary: £23,000 - £31,000\n\nKiln operators fire the ware.\n",
                 {((A,), (23000, 31000), "year")}, id="a-heading-that-is-a-labelled-figure"),
    pytest.param(PROFILE + "## Salary: what to expect\n\nKiln operators fire the ware.\n", set(),
                 id="a-heading-about-pay-with-no-figure"),
    pytest.param(PROFILE + "## Pay\n\nMedian pay: $41,200 per year\n\nStarting pay: $17 an hour\n",
                 {((A,), 41200, "year"), ((A,), 17, "hour")}, id="label-colon-value"),
    pytest.param(PROFILE + "## Salary ranges\n\nEntry level – $34,000\n\nTop – $72,000\n",
                 {((A,), 34000, "year"), ((A,), 72000, "year")}, id="label-dash-value"),
    pytest.param(PROFILE + "## Salary ranges\n\nEntry level – 34,000\n\nTop – 72,000\n\nOpenings – 12,400\n",
                 {((A,), 34000, "year"), ((A,), 72000, "year")}, id="label-dash-bare-value"),
    pytest.param(PROFILE + "## Pay\n\nMost kiln operators start at around\n$17 an hour, and the top earners make "
                 "over $30 an hour.\n", {((A,), 17, "hour"), ((A,), 30, "hour")}, id="figure-on-next-line"),
    pytest.param("# Kiln Operator vs. Glaze Chemist\n\n## At a glance\n\n"
                 "|  | Kiln operator | Glaze chemist |\n|---|---|---|\n| Pay | $41,000 | $68,000 |\n"
                 "| Education | High school diploma | Bachelor's degree |\n",
                 {((A,), 41000, "year"), ((B,), 68000, "year")}, id="table-header-names-roles"),
    pytest.param("# Kiln Operator vs. Glaze Chemist\n\n## Kiln operator pay by state\n\n| State | Average |\n"
                 "|---|---|\n| Ohio | $44,100 |\n| Iowa | $39,800 |\n\n## Glaze chemist pay\n\nGlaze chemists earn "
                 "$68,000 a year.\n", {((A,), 44100, "year"), ((A,), 39800, "year"), ((B,), 68000, "year")},
                 id="table-under-a-heading-naming-a-role"),
]


@pytest.mark.parametrize(("text", "expected"), LABELLED_PAY)
def test_pay_written_as_label_and_value(text: str, expected: set[object]) -> None:
    assert _pay(run_markdown(text)) == expected


def test_plain_text_table_whose_header_names_the_roles() -> None:
    text = ("Kiln Operator vs. Glaze Chemist\n\nAt a glance\n\n\tKiln operator\tGlaze chemist\n"
            "Pay\t$41,000\t$68,000\nEducation\tHigh school diploma\tBachelor's degree\n")
    article = process_bytes(text.encode(), "glance.txt")
    assert _pay(article) == {((A,), 41000, "year"), ((B,), 68000, "year")}
    assert _levels(article) == {((A,), "high_school"), ((B,), "bachelor")}


# (a whole Markdown article, the (roles, amount or (min, max), period) it gives)
ARTICLE_PAY = [
    pytest.param("# Kiln Firing Technician vs. Glaze Mixing Technician\n\n## Pay\n\nGlaze techs earn about $52,000 a "
                 "year. Kiln techs earn about $41,000, and kiln techs on night shifts earn a little more than glaze "
                 "techs.\n",
                 {(("glaze-mixing-technician",), 52000, "year"), (("kiln-firing-technician",), 41000, "year")},
                 id="first-word-and-head-noun-clipped"),
    pytest.param("# Dental Hygienist vs. Dentist\n\n## Pay\n\nMedian annual wages for dental hygienists in the "
                 "industries that employ the most of them:\n\n- Offices of dentists: $88,160\n- Outpatient care "
                 "centers: $80,250\n", {(("dental-hygienist",), 88160, "year"), (("dental-hygienist",), 80250, "year")},
                 id="an-industry-named-for-another-roles-workers"),
    pytest.param("# Glass Blower vs. Industrial Designer\n\n## Pay\n\nIndustrial designers, often shortened to IDs, "
                 "shape products. For IDs, the top 10 percent earned more than $124,900.\n",
                 {(("industrial-designer",), 124900, "year")}, id="a-name-shortened-to-initials"),
    pytest.param("# Continuous Mining Machine Operator vs. Roof Bolter\n\n## Pay\n\nCM operators run the cutting "
                 "machine. The lowest 10 percent of CM operators earned less than $48,300.\n",
                 {(("continuous-mining-machine-operator",), 48300, "year")}, id="initials-before-the-head-noun"),
    pytest.param("# Auto Upholstery Repairer vs. Auto Paint Finisher\n\n## Pay\n\nUpholstery techs restitch car "
                 "seats and paint techs spray panels. For paint techs, the median is about $22.40 an hour, while "
                 "upholstery techs earn about $19.10.\n",
                 {(("auto-paint-finisher",), 22.4, "hour"), (("auto-upholstery-repairer",), 19.1, "hour")},
                 id="a-word-of-the-name-before-techs"),
    pytest.param("# How Much Does a Kiln Operator Make?\n\n## Pay\n\nKiln operators earn a median of $41,500 a year. A "
                 "vase can sell for $300, and a box of glazed tiles for $9 at a craft fair, but those are prices paid "
                 "by customers.\n", {((A,), 41500, "year")},
                 id="a-box-of-goods-for"),
    pytest.param("# How Much Does a Kiln Operator Make?\n\n## Pay compared\n\n| Job Title | Hourly | Annual |\n"
                 "|---|---|---|\n| Kiln Operator | $19.80 | $41,180 |\n| Cashier | $14.52 | $30,200 |\n",
                 {((A,), 19.8, "hour"), ((A,), 41180, "year")},
                 id="table-row-of-another-occupation"),
    pytest.param("# How Much Does a Kiln Operator Make?\n\n## Pay by industry\n\n| Job Title | Median |\n|---|---|\n"
                 "| Kiln operators, brick plants | $41,180 |\n| Plant managers, brick plants | $98,300 |\n"
                 "| Shift supervisors (production) | $67,400 |\n",
                 {((A,), 41180, "year")},
                 id="table-row-of-another-occupation-in-an-industry"),
    pytest.param("# Kiln Operator vs. Glaze Chemist\n\n## Pay compared\n\n| Job Title | Training | Pay |\n"
                 "|---|---|---|\n| Kiln Operator | None required | $15 to $25 per firing |\n"
                 "| Glaze Chemist | Degree | $31.50 per hour |\n",
                 {((B,), 31.5, "hour")},
                 id="table-cell-with-a-piece-rate"),
    pytest.param("# Kiln Dispatcher vs. Glaze Chemist\n\n## Pay\n\nKiln dispatchers plan firings. Don't confuse these "
                 "jobs with 911 dispatchers, who answer emergency calls and earned a median of $49,890.\n",
                 set(),
                 id="head-noun-after-a-number"),
    pytest.param("# Glass Furnace Operator vs. Kiln Operator\n\n## Pay\n\nIn hourly terms, that is about $23.40 for "
                 "glass operators and $29.50 for kiln operators.\n",
                 {(("glass-furnace-operator",), 23.4, "hour"), ((A,), 29.5, "hour")},
                 id="first-word-and-head-noun"),
    pytest.param("# Bookbinder vs. Kiln Operator\n\n## Pay\n\nKiln operators earned more than $72,350 at the top, "
                 "while the top 10 percent of binding and finishing workers earned more than $56,410.\n",
                 {((A,), 72350, "year"), (("bookbinder",), 56410, "year")},
                 id="formal-name-without-its-first-word"),
    pytest.param("# Kiln Operator vs. Glaze Chemist\n\n## Pay\n\nKiln operators earn $40,000 a year, and carpenters "
                 "who frame houses earn a median of $57,100. A shift foreman, who runs both crews, typically "
                 "makes $95,000.\n",
                 {((A,), 40000, "year")},
                 id="another-occupation-opening-a-later-clause"),
    pytest.param("# Restaurant Host vs. Kiln Operator\n\n## Pay\n\nHosts and hostesses earn a median wage of "
                 "$14.10 per hour. Kiln operators earn $20 an hour.\n",
                 {(("restaurant-host",), 14.1, "hour"), ((A,), 20, "hour")},
                 id="short-head-noun-that-is-a-word"),
    pytest.param("# Kiln Operator vs. Glaze Chemist\n\n## Pay\n\nKiln operators are grouped by the BLS with furnace "
                 "tenders and kiln helpers, who earn a median of $38,550 a year.\n",
                 {((A,), 38550, "year")},
                 id="roles-group-in-the-passive"),
]


@pytest.mark.parametrize(("text", "expected"), ARTICLE_PAY)
def test_pay_of_whole_articles(text: str, expected: set[object]) -> None:
    assert _pay(run_markdown(text)) == expected


def test_a_plain_text_table_row_with_a_figure_is_no_header() -> None:
    text = ("How Much Do Kiln Operators Make?\n\nPay by industry\n\nMedian wages in the top industries:\n\n"
            "Brick and tile plants\t$46,200\nGlass works\t$44,900\n")
    assert _pay(process_bytes(text.encode(), "industries.txt")) == {((A,), 46200, "year"), ((A,), 44900, "year")}


# (paragraph under "Education and training", the (roles, level) pairs it states)
EDUCATION = [
    pytest.param("Glaze chemists need a bachelor's degree and many earn a master's; kiln operators usually need only "
                 "a high school diploma.", {((B,), "bachelor"), ((B,), "master"), ((A,), "high_school")},
                 id="each-role-its-levels"),
    pytest.param("Neither job requires a four-year degree.", set(), id="neither-requires"),
    pytest.param("Unlike glass scientists, who almost always need a master's degree, glaze chemists can usually start "
                 "with a bachelor's degree.", {((B,), "bachelor")}, id="a-level-in-an-aside-on-another-job"),
    pytest.param("A doctorate, which ceramic engineers often hold, is not needed for kiln work.", set(),
                 id="negated-past-an-aside"),
    pytest.param("Kiln operators have little use for a college degree.", set(), id="little-use-for"),
    pytest.param("Kiln operators who want to become ceramic engineers need a bachelor's degree.", set(),
                 id="the-level-of-a-job-some-want-to-become"),
    pytest.param("If you later want to move into glaze design, you'll need a master's degree.", set(),
                 id="the-level-of-a-job-some-move-into"),
    pytest.param("An associate degree in ceramics is enough to pass the safety exam, but it will not qualify you to "
                 "run a glaze lab.", set(), id="but-it-will-not-qualify-you"),
    pytest.param("Glaze chemists need a bachelor's degree. KOs need only a high school diploma.",
                 {((B,), "bachelor"), ((A,), "high_school")}, id="a-roles-initials-in-the-plural"),
    pytest.param("Kiln operators in Baltimore, MD, and the DC-VA-MD-WV metro area need a high school diploma.",
                 {((A,), "high_school")}, id="a-state-code-is-no-degree"),
    pytest.param("Glaze chemists need a bachelor's degree; a master's degree in chemistry can also get you hired as a "
                 "lab assistant.", {((B,), "bachelor")}, id="level-that-lands-another-job"),
    pytest.param("An associate degree in ceramics can land a studio-assistant job, and a bachelor's degree in business "
                 "can help a kiln operator move into a plant manager job.", set(), id="levels-for-other-jobs"),
    pytest.param("An associate degree in ceramics is enough to become a studio assistant, but glaze labs want more.",
                 set(), id="enough-to-become-another-job"),
    pytest.param("A high school diploma is enough to become a kiln operator.", {((A,), "high_school")},
                 id="enough-to-become-the-role"),
    pytest.param("A doctoral degree can get you hired as a glaze chemist at a university lab.",
                 {((B,), "doctoral_professional")}, id="level-that-lands-the-role"),
    pytest.param("You don't need a college degree to become a kiln operator.", set(), id="dont-need-degree"),
    pytest.param("A degree is not required for most kiln jobs.", set(), id="degree-not-required"),
    pytest.param("Glaze chemists learn on the job; a master's degree is rarely required.", set(),
                 id="rarely-required"),
    pytest.param("Many kiln operators later become engineers, which takes a bachelor's degree.", set(),
                 id="the-level-of-a-job-some-go-on-to"),
    pytest.param("Ceramic engineers, the next rung up from kiln operator, need a bachelor's degree.", set(),
                 id="the-next-rung-ups-level"),
    pytest.param("A trainee kiln operator needs no degree.", set(), id="no-degree-is-no-level"),
    pytest.param("A bachelor's degree won't help you much as a kiln operator.", set(), id="wont-help"),
    pytest.param("Kiln operators don't usually need formal qualifications.", {((A,), "no_formal_education")},
                 id="dont-usually-need-qualifications"),
    pytest.param("A high school diploma alone is no longer enough to get a kiln license.", set(),
                 id="no-longer-enough"),
    pytest.param("An associate degree by itself isn't sufficient for most glaze labs.", set(), id="not-sufficient"),
    pytest.param("A high school diploma on its own won't get you a kiln license.", set(), id="on-its-own-wont"),
    pytest.param("A bachelor's degree in art history will not qualify you for either job.", set(),
                 id="will-not-qualify"),
    pytest.param("An associate degree in ceramics on its own won't lead to a glaze lab job.", set(),
                 id="field-then-on-its-own-wont"),
    pytest.param("A few colleges offer a doctorate in ceramic science, but no employer requires one.", set(),
                 id="offered-but-no-employer-requires-one"),
    pytest.param("A Ph.D. is not required for either job.", set(), id="an-abbreviation-before-not-required"),
    pytest.param("A college degree plays no part in hiring kiln operators.", set(), id="plays-no-part"),
    pytest.param("Some college teachers run kiln classes on weekends.", set(), id="some-college-teachers"),
    pytest.param("When a kiln is rebuilt, glaze chemists sign off on the certificate of occupancy.", set(),
                 id="certificate-of-a-building"),
    pytest.param("Kiln operators sign the safety log and file a birth certificate for each new hire's records.", set(),
                 id="a-birth-certificate-is-no-credential"),
    pytest.param("Glaze chemists with a master's degree earn more than those with only a bachelor's.", set(),
                 id="pay-by-education"),
    pytest.param("Most common degree held by glaze chemists: Bachelor's, 48%", set(), id="holder-statistic"),
    pytest.param("Glaze chemists usually hold an associate or bachelor's degree in chemistry.",
                 {((B,), "associate"), ((B,), "bachelor")}, id="associate-or-bachelor"),
    pytest.param("The kiln operator job only requires a GED.", {((A,), "high_school")}, id="only-ged"),
    pytest.param("Many kiln operators start right after high school.", {((A,), "high_school")},
                 id="right-after-high-school"),
    pytest.param("Neither job requires more than a high school diploma.", {(tuple(BOTH), "high_school")},
                 id="neither-more-than"),
    pytest.param("Kiln operators hold an FAA-style kiln operator certificate issued by the state board.", set(),
                 id="named-certificate-is-a-credential"),
    pytest.param("Many kiln operators complete a one-year kiln operator certificate at a technical college.",
                 {((A,), "postsecondary_nondegree")}, id="occupation-certificate-course"),
    pytest.param("Most glaze chemists have a BA or BSc in chemistry.", {((B,), "bachelor")}, id="ba-bsc"),
    pytest.param("Senior kiln operators, often called masters in old potteries, need a high school diploma.",
                 {((A,), "high_school")}, id="masters-as-a-title-is-no-degree"),
    pytest.param("Glaze chemists usually need a masters in chemistry.", {((B,), "master")}, id="masters-in"),
    pytest.param("Glaze chemists need the first two years of an honours degree, or a full honours degree.",
                 {((B,), "some_college"), ((B,), "bachelor")}, id="honours-degree-and-its-first-years"),
    pytest.param("There are no set entry requirements to become a kiln operator.", {((A,), "no_formal_education")},
                 id="no-set-entry-requirements"),
    pytest.param("Kiln operators in the UK often take a Level 4 Diploma in Ceramic Production.",
                 {((A,), "postsecondary_nondegree")}, id="level-diploma"),
    pytest.param("Ceramic engineers, a separate career, need a master's degree.", set(),
                 id="another-occupations-level"),
    pytest.param("Glaze chemists need a bachelor's degree, and some college career centers post their openings.",
                 {((B,), "bachelor")}, id="some-college-career-centers"),
    pytest.param("Neither job has a formal education requirement; both are learned on the shop floor.",
                 {(tuple(BOTH), "no_formal_education")}, id="neither-has-a-formal-education-requirement"),
    pytest.param("Neither job requires a diploma or any formal education, and both are learned in a week.",
                 {(tuple(BOTH), "no_formal_education")}, id="neither-requires-a-diploma-or-any-formal-education"),
]


@pytest.mark.parametrize(("body", "expected"), EDUCATION)
def test_education_levels_in_comparisons(body: str, expected: set[object]) -> None:
    assert _levels(run_article(body, heading="Education and training")) == expected


# (sentence in a profile, the level, whether it is stated as required)
OPTIONAL_LEVELS = [
    pytest.param("Some go on to earn an associate degree.", "associate", False, id="some-go-on"),
    pytest.param("A few hold master's degrees.", "master", False, id="a-few-hold"),
    pytest.param("Several trade schools offer an associate degree in kiln technology, but it is not required to get "
                 "hired.", "associate", False, id="offered-but-not-required"),
    pytest.param("Most need a high school diploma.", "high_school", True, id="most-need"),
    pytest.param("Some kiln operators hold an associate degree in ceramics.", "associate", False,
                 id="some-of-the-role-hold"),
    pytest.param("Some operators, mostly those at big plants, go on to earn a bachelor's degree.", "bachelor", False,
                 id="some-with-an-aside-go-on"),
]


# (sentence in a profile that names a level but requires none)
NO_LEVEL = [
    pytest.param("For kiln operators, a strong portfolio matters more than the diploma.",
                 id="the-diploma-referred-back"),
    pytest.param("A good firing log counts for more than a diploma.", id="more-than-a-diploma"),
    pytest.param("Nobody asks kiln operators for a college degree.", id="nobody-asks"),
]


@pytest.mark.parametrize("body", NO_LEVEL)
def test_sentences_that_require_no_level(body: str) -> None:
    reqs = run_article(body, heading="Education and training", role_b=None).requirements
    assert [r.education_level for r in reqs if r.type == "education" and r.education_level] == []


@pytest.mark.parametrize(("body", "level", "required"), OPTIONAL_LEVELS)
def test_levels_some_hold_are_not_required(body: str, level: str, required: bool) -> None:
    reqs = run_article(body, heading="Education and training", role_b=None).requirements
    assert [(r.education_level, r.required) for r in reqs if r.type == "education"] == [(level, required)]


# (paragraph under "Where they work", the (roles, setting) pairs it states)
SETTINGS = [
    pytest.param("Most kiln operators work for ceramics manufacturers.", {((A,), "manufacturing_plant")},
                 id="work-for"),
    pytest.param("Glaze chemists work in laboratories and research institutes.",
                 {((B,), "laboratory"), ((B,), "research_facility")}, id="work-in-list"),
    pytest.param("Many kiln operators are self-employed.", {((A,), "self_employed")}, id="self-employed"),
    pytest.param("Their projects range from clinics and schools to warehouses and shopping malls.", set(),
                 id="projects-range-from"),
    pytest.param("Glaze chemists deliver samples at homes, offices, hospitals and warehouses.", set(),
                 id="deliver-things-at-places"),
    pytest.param("Outside labs courier in test specimens from clinics, nursing homes and schools.",
                 {((A, B), "laboratory")}, id="specimens-from-places"),
    pytest.param("Glaze chemists seldom travel.", set(), id="seldom"),
    pytest.param("Glaze chemists survey the factories and warehouses their insurers cover.", set(),
                 id="places-surveyed"),
    pytest.param("One careless moment can put a worker in the hospital.", set(), id="put-someone-in-the-hospital"),
    pytest.param("Some glaze chemists teach safety workshops for hospitals and schools.", set(),
                 id="workshops-for-places"),
    pytest.param("Kiln operators draw the test tiles that go to the lab.", set(), id="things-that-go-to-a-place"),
    pytest.param("Before they moved into the trade, plenty of kiln operators sold tiles in a department store or "
                 "worked in a warehouse.", set(), id="before-they-moved-into-the-trade"),
    pytest.param("The finished tiles arrive from clinics, nursing homes and schools.", set(), id="things-arrive-from"),
    pytest.param("Glaze chemists treat batches transferred from schools and clinics.", set(), id="transferred-from"),
    pytest.param("Kiln operators bring down old hospitals and schools with controlled burns.", set(),
                 id="buildings-brought-down"),
    pytest.param("Glaze chemists spend more than 200 nights in hotels each year.", set(), id="nights-in-hotels"),
    pytest.param("Kiln operators work in control rooms, watching cameras at warehouses and schools.", set(),
                 id="watching-cameras-at-places"),
    pytest.param("Both jobs are based in a plant's head office rather than in its stores.", {((A, B), "office")},
                 id="rather-than-in-its-places"),
    pytest.param("Kiln operators also advise the banks that lend potters money for new kilns.", set(),
                 id="advise-the-banks"),
    pytest.param("The finished crates leave by truck for grocery stores and restaurants.", set(),
                 id="goods-leave-for-places"),
    pytest.param("Some plants lend small kilns to public libraries and schools.", set(), id="lend-to-places"),
    pytest.param("At bigger firms, glaze chemists sometimes staff a booth at college career fairs.", set(),
                 id="college-career-fairs"),
    pytest.param("Glaze chemists often work with insurance companies to settle damage claims.", set(),
                 id="work-with-is-no-setting"),
    pytest.param("Kiln operators talk to clients on the phone about orders.", set(), id="on-the-phone"),
    pytest.param("Kiln operators also work in the canteens of hospitals and schools, firing mugs on site.",
                 {((A,), "hospital"), ((A,), "school")}, id="the-canteens-of-places"),
    pytest.param("Glaze chemists work for the Geological Survey, an agency of the federal government.",
                 {((B,), "government")}, id="an-agency-of-the-government"),
    pytest.param("Many kiln operators own the business they run.", {((A,), "self_employed")},
                 id="own-the-business-they-run"),
    pytest.param("A few kiln operators fire plates in hospital kitchens.", {((A,), "hospital")},
                 id="a-hospital-kitchen-is-in-a-hospital"),
    pytest.param("Kiln operators drop their sample crates at the post office on the way home.", set(),
                 id="a-post-office-is-no-office"),
    pytest.param("Glaze chemists work in a design office or in a research establishment.",
                 {((B,), "office"), ((B,), "research_facility")}, id="a-design-office-is-an-office"),
    pytest.param("Some glaze chemists work for the Ministry of Defence, testing tiles for ships.",
                 {((B,), "government")}, id="a-ministry"),
    pytest.param("Glaze chemists design offices and kilns for new potteries.", set(), id="offices-designed"),
    pytest.param("Glaze chemists count everything from small clinics to big banks among their clients.", set(),
                 id="places-among-their-clients"),
    pytest.param("Hotels and schools are usually the first customers to get new tiles.", set(),
                 id="places-that-are-the-first-customers"),
    pytest.param("Delivery routes for kiln operators pass hospitals, schools and airports every day.", set(),
                 id="places-a-route-passes"),
    pytest.param("Self-employed glaze chemists bill insurance companies for each test.", {((B,), "self_employed")},
                 id="places-they-bill"),
    pytest.param("Kiln operators travel from plant to plant, sometimes hundreds of miles from home.",
                 {((A,), "travel")}, id="miles-from-home-is-not-remote"),
    pytest.param("Kiln operators work for large tile makers, hauling clay to ports and finished tiles to factories "
                 "and warehouses.", set(), id="places-goods-are-hauled-to"),
    pytest.param("Glaze chemists take their samples to hospitals and clinics for safety testing.", set(),
                 id="places-things-are-taken-to"),
    pytest.param("Kiln operator apprentices spend one day a week on day release at a college.", set(),
                 id="day-release-is-study"),
    pytest.param("Many kiln operators start as teenagers who are still in high school.", set(),
                 id="still-in-school-is-study"),
    pytest.param("Calls to kiln operators come in from schools and offices whose boilers have failed.", set(),
                 id="where-calls-come-from"),
    pytest.param("Glaze chemists visit hospitals and schools to test tiles, but those are not places they work.",
                 set(), id="said-not-places-they-work"),
    pytest.param("On contract jobs, kiln operators reline kilns and repaint schools and offices.", set(),
                 id="places-repainted"),
    pytest.param("A glaze chemist who tests finishes for hotels spends the day in a lab; the hotels are simply "
                 "clients.", set(), id="said-to-be-clients"),
    pytest.param("Some kiln operators are hired by city parks departments, and a few glaze chemists work for public "
                 "works departments.", {((A,), "government"), ((B,), "government")}, id="municipal-departments"),
    pytest.param("Kiln operators work both in small workshops and in large factories.",
                 {((A,), "manufacturing_plant")}, id="both-pairs-two-places"),
    pytest.param("Glaze chemists develop finishes for hospitals and schools.", set(), id="object-of-work"),
    pytest.param("Kiln operators fire tiles for the roofs of houses, stores and office buildings.", set(),
                 id="places-of-things"),
    pytest.param("During busy seasons kiln operators travel between plants and stay in hotels.",
                 {((A,), "travel")}, id="living-in-hotels"),
    pytest.param("Glaze chemists rarely travel: most work from home two days a week.", {((B,), "remote")},
                 id="colon-ends-negation"),
    pytest.param("Most glaze chemists work in the service centers of tile stores.", {((B,), "retail_store")},
                 id="place-of-a-place"),
    pytest.param("Kiln operators spend most of their shifts on factory floors, often outdoors in summer.",
                 {((A,), "manufacturing_plant"), ((A,), "outdoors_field")}, id="most-of-their-shifts"),
    pytest.param("Kiln operators have jobs with local governments and schools.",
                 {((A,), "government"), ((A,), "school")}, id="jobs-with"),
    pytest.param("Glaze chemists work in outpatient imaging centers and ambulatory surgical centers.",
                 {((B,), "clinic")}, id="outpatient-centers"),
    pytest.param("Kiln operators spend most of the day in the fabrication shop.", set(), id="workshop-is-no-store"),
    pytest.param("Glaze chemists also run tests in the cath labs.", set(), id="hospital-room-is-no-laboratory"),
    pytest.param("Glaze chemists sometimes speak at college lectures.", set(), id="place-word-modifies-noun"),
    pytest.param("Many glaze chemists work beside school nurses.", {((B,), "school")}, id="school-nurses"),
    pytest.param("Kiln operators look after school-age apprentices.", set(), id="school-age"),
    pytest.param("Glaze chemists work mostly in laboratories. A smaller number work in hospitals near kiln operators.",
                 {((B,), "laboratory"), ((B,), "hospital")}, id="a-smaller-number-carries-subject"),
    pytest.param("Tuition at private glaze schools can run high, but most glaze chemists work in laboratories.",
                 {((B,), "laboratory")}, id="school-near-tuition"),
    pytest.param("Glaze chemists run their own schedules, and many later open their own studio.",
                 {((B,), "self_employed")}, id="own-schedule-is-no-business"),
    pytest.param("Most kiln operators work from home on Fridays, typing up firing logs for hospitals and schools.",
                 {((A,), "remote")}, id="typing-for-places"),
    pytest.param("Kiln operators also move finished tiles between warehouses and stores.", set(),
                 id="moving-things-between-places"),
    pytest.param("Glaze chemists might make signage for a school one month and posters for a museum the next.", set(),
                 id="product-for-a-place"),
    pytest.param("Kiln operators sometimes end a shift far from home and stay overnight.", set(),
                 id="far-from-home-is-no-remote-work"),
    pytest.param("A few glaze chemists work in the offices of dermatologists and surgeons.",
                 {((B,), "physician_office")}, id="offices-of-medical-specialists"),
    pytest.param("Glaze chemists work in manufacturing plants and warehouses.",
                 {((B,), "manufacturing_plant"), ((B,), "warehouse")}, id="governing-word-names-a-workplace"),
    pytest.param("Kiln operators work on building sites, from housing estates to new schools and hospitals.",
                 {((A,), "construction_site")}, id="buildings-being-built"),
    pytest.param("Kiln operators' pay varies depending on location and shift.", set(), id="depending-on-location"),
    pytest.param("Glaze chemists who consult on lawsuits may testify in court.", set(), id="testify-in-court"),
    pytest.param("Many glaze chemists spend their days in courtrooms.", {((B,), "court")}, id="days-in-courtrooms"),
    pytest.param("Kiln operators need patience because they work in people's homes.", set(),
                 id="a-trade-in-clients-homes-is-no-home-health"),
    pytest.param("Glaze chemists keep the office, the files and the schedule in order.", set(), id="keep-the-office"),
    pytest.param("Kiln operators take on apprentices referred by trade schools.", set(), id="referred-by-schools"),
    pytest.param("Glaze chemists inspect bakeries, breweries and hospitals for the county.", set(),
                 id="inspected-places"),
    pytest.param("Kiln operators sell to many buyers; their clients include schools and hotels.", set(),
                 id="clients-include-places"),
    pytest.param("Glaze chemists' customers range from potteries to hospitals and school districts.", set(),
                 id="customers-range-from-places"),
    pytest.param("Kiln operators work for local government, excluding schools and hospitals.",
                 {((A,), "government")}, id="excluding-places"),
    pytest.param("Kiln operators check letters from banks and hospitals before they sign.", set(),
                 id="documents-from-places"),
    pytest.param("Kiln operators unload deliveries from factories and warehouses.", set(), id="deliveries-from"),
    pytest.param("For kiln operators, evening, weekend and bank holiday work is normal.", set(), id="bank-holidays"),
    pytest.param("Kiln operators take manufacturer training courses in their first year.", set(),
                 id="manufacturer-training"),
    pytest.param("Many kiln operators are high school students working after class.", set(),
                 id="high-school-students"),
    pytest.param("Glaze chemists are listed as ceramic scientists in government job tables.", set(),
                 id="government-data-is-no-workplace"),
    pytest.param("A kiln operator may fire tiles for anything from a $40,000 house to a $30 million hospital.",
                 set(), id="a-priced-project-is-no-workplace"),
    pytest.param("Most glaze chemists work for county assessor offices.", {((B,), "government")},
                 id="assessor-offices-are-government"),
    pytest.param("Kiln operators work in factories, and nearly all of them are employed by private companies.",
                 {((A,), "manufacturing_plant")}, id="nearly-all-of-them-is-the-named-role"),
    pytest.param("Some glaze chemists work for county coroners' offices.", {((B,), "government")},
                 id="coroners-office-is-government"),
    pytest.param("Kiln operators work in factories; others work in the offices of orthodontists.",
                 {((A,), "manufacturing_plant"), ((A,), "dental_office")}, id="offices-of-orthodontists"),
    pytest.param("Some glaze chemists take a Level 3 Diploma at a further education college before looking for work.",
                 set(), id="further-education-college-is-study"),
    pytest.param("Kiln operators fire tiles for banks and hotels, but those are their clients, not their employers.",
                 set(), id="not-their-employers"),
    pytest.param("Many glaze chemists take summer jobs in retail stores.", set(), id="summer-jobs"),
    pytest.param("Kiln operators plant hedges around schools and hospitals.", set(), id="work-around-places"),
    pytest.param("Kilns near hospitals must meet strict rules, so glaze chemists work in laboratories.",
                 {((B,), "laboratory")}, id="near-a-place"),
    pytest.param("Glaze chemists refer difficult samples to university laboratories.", set(), id="refer-to"),
    pytest.param("Kiln operators sometimes give safety talks at schools.", set(), id="talks-at"),
    pytest.param("Glaze chemists help injured workers get back to jobs in factories.", set(), id="back-to-their-jobs"),
    pytest.param("Many glaze chemists began their careers in the military.", set(), id="where-a-career-began"),
    pytest.param("A few kiln operators teach at technical colleges after they retire.", set(), id="after-they-retire"),
    pytest.param("Almost none of a kiln operator's work takes place in an office.", set(), id="none-of-the-work"),
    pytest.param("Many glaze chemists work for individual and family services agencies.", {((B,), "social_services")},
                 id="family-services-agencies"),
    pytest.param("Some glaze chemists spend years defending insurance companies, while others represent "
                 "hospitals.", set(), id="defend-represent"),
    pytest.param("Most kiln orders come in as referrals; referrals usually come from schools and hospitals.", set(),
                 id="referrals-come-from"),
    pytest.param("Kiln operators combine work on the floor with evening training at a college.", set(),
                 id="training-at-a-college"),
    pytest.param("Glaze chemists earn some of the highest salaries in the field.", set(), id="in-the-field-the-trade"),
    pytest.param("Kiln operators arrange travel, including flights and hotels, for visiting buyers.", set(),
                 id="arranging-travel"),
    pytest.param("A typical afternoon means pitching a dental practice and a hotel on the same street.", set(),
                 id="pitching-clients"),
    pytest.param("Kilns often sit on land leased from the government.", set(), id="leased-from"),
    pytest.param("Kiln operators at wood-fired potteries work in remote forests.", {((A,), "outdoors_field")},
                 id="remote-forests"),
    pytest.param("A few universities offer a bachelor's degree in glaze science.", set(),
                 id="universities-offer-a-degree"),
    pytest.param("Glaze chemists split their time between the factory floor and the company's main office.",
                 {((B,), "manufacturing_plant"), ((B,), "office")}, id="split-time-between"),
    pytest.param("Kiln operators insulate kilns for schools and hospitals that run pottery classes.", set(),
                 id="insulate-is-work-done-to-a-place"),
    pytest.param("Glaze chemists handle accounts for hotels and restaurants that order custom tableware.", set(),
                 id="accounts-for-clients"),
    pytest.param("Glaze chemists check invoices from insurance carriers every month.", set(),
                 id="invoices-from-insurers"),
    pytest.param("Several community colleges offer a short certificate in kiln safety.", set(),
                 id="colleges-offer-a-certificate"),
    pytest.param("Kiln operators set timers with remote controls.", set(), id="remote-controls-are-a-device"),
    pytest.param("Glaze chemists often work remote two days a week.", {((B,), "remote")}, id="work-remote-days"),
    pytest.param("Remote jobs are rare for kiln operators.", {((A,), "remote")}, id="remote-jobs"),
    pytest.param("Some kiln operators finish a certificate program in ceramic technology at a technical college.",
                 set(), id="a-course-taken-at-a-college"),
    pytest.param("With a ceramics degree, most glaze chemists find jobs at universities.",
                 {((B,), "college_university")}, id="a-degree-then-jobs-at-a-university"),
    pytest.param("Several universities also offer a course in kiln firing.", set(), id="universities-also-offer"),
    pytest.param("Kiln operators fix kilns in customers' studios, schools and hotels.", set(),
                 id="customers-places"),
    pytest.param("Glaze chemists mostly work in labs, and remote or hybrid schedules are common.",
                 {((B,), "laboratory"), ((B,), "remote")}, id="remote-or-hybrid"),
    pytest.param("A few glaze chemists teach at medical schools and dental schools.", {((B,), "college_university")},
                 id="medical-schools-are-colleges"),
    pytest.param("Kiln operators work in factories that serve hotels and hospitals.",
                 {((A,), "manufacturing_plant")}, id="places-a-workplace-serves"),
    pytest.param("Kiln operators serve tea in hospitals on open days.", {((A,), "hospital")},
                 id="serve-in-a-place-is-the-place"),
    pytest.param("The glaze is used by hospitals and schools across the region.", set(), id="used-by"),
    pytest.param("Kiln operators run the remote-controlled loader that fills the kiln.", set(),
                 id="remote-controlled-is-a-device"),
    pytest.param("Kiln operators steer the loader by remote while they watch the kiln.", set(),
                 id="by-remote-is-a-device"),
    pytest.param("Many kiln operators finish a certificate program, which takes about a year at a community college "
                 "or online school.", set(), id="a-course-that-takes-a-year-at-a-college"),
    pytest.param("Most kiln operators work part time, and only while school is in session.", set(),
                 id="school-in-session-is-a-time"),
    pytest.param("Kiln operators fire tableware. It ends up in grocery stores and restaurants.", set(),
                 id="where-the-goods-end-up"),
    pytest.param("Kiln operators load the clay. It is trucked to factories, supermarkets and restaurants.", set(),
                 id="where-the-goods-are-trucked"),
    pytest.param("Glaze chemists rely on testing laboratories to check each batch.", set(), id="what-they-rely-on"),
    pytest.param("Kiln operators travel to meet shop owners at their stores and farms.", {((A,), "travel")},
                 id="the-clients-places-where-they-meet"),
    pytest.param("Kiln operators spend weeks restoring schools and hotels.", set(), id="buildings-being-restored"),
    pytest.param("A kiln operator may sign off on tiles bound for hotels and bricks bound for schools.", set(),
                 id="where-the-goods-are-bound"),
    pytest.param("Kiln operators fire glazes for warranties underwritten by insurance companies.", set(),
                 id="who-underwrites-the-goods"),
    pytest.param("When orders are slow, kiln operators dig foundations for schools and hotels.", set(),
                 id="what-they-dig-foundations-for"),
    pytest.param("Glaze chemists sometimes tour a buyer's factories and warehouses.", set(),
                 id="a-buyers-places"),
    pytest.param("Kiln operators spend the evening picking pupils up from their schools and colleges.", set(),
                 id="picking-someone-up-from"),
    pytest.param("Glaze chemists test outdoor power equipment and office furniture finishes.", set(),
                 id="a-place-word-before-a-thing"),
    pytest.param("Kiln operators fire tiles for everything from starter homes to schools and hotels.", set(),
                 id="everything-from-to"),
    pytest.param("Kiln operators fire pet urns. The urns are brought in by veterinary clinics.", set(),
                 id="who-brings-the-work-in"),
    pytest.param("Kiln operators often work at charity and fundraising auctions.", set(),
                 id="a-place-word-naming-an-event"),
    pytest.param("Kiln operators fire the bricks, and drivers carry the loads to schools and hospitals.", set(),
                 id="where-the-work-is-carried"),
    pytest.param("Kiln operator courses prepare students for jobs in factories and hospitals.", set(),
                 id="the-jobs-a-course-prepares-students-for"),
    pytest.param("Kiln operators sometimes count delivery trucks outside a school or a hospital.", set(),
                 id="a-place-the-work-is-outside"),
    pytest.param("Demand for glaze chemists comes from clients just discharged from hospitals.", set(),
                 id="where-clients-come-from"),
    pytest.param("Some kiln operators work in group homes and assisted living communities as art aides.",
                 {((A,), "nursing_care_facility")}, id="group-homes-and-assisted-living"),
]


@pytest.mark.parametrize(("body", "expected"), SETTINGS)
def test_settings_and_their_traps(body: str, expected: set[object]) -> None:
    assert _settings(run_article(body, heading="Where they work")) == expected


def test_a_care_occupation_in_clients_homes_is_home_health() -> None:
    article = run_article("Most home health aides visit clients' homes.", heading="Where they work",
                          role_a="Home Health Aide", role_b=None)
    assert _settings(article) == {(("home-health-aide",), "home_health")}


def test_a_pay_table_by_industry_lists_workplaces() -> None:
    body = ("| Industry | Median annual wage |\n|---|---|\n| Local government | $41,200 |\n| Hospitals | $39,800 |\n\n"
            "| State | Median annual wage |\n|---|---|\n| Ohio | $38,100 |\n")
    article = run_article(body, heading="Pay by industry", role_a="Kiln Operator", role_b=None)
    assert _settings(article) == {((A,), "government"), ((A,), "hospital")}


def test_most_states_license_both_roles() -> None:
    reqs = run_article("Most states require kiln operators and glaze chemists to be licensed.",
                       heading="Licensing").requirements
    assert {tuple(r.roles) for r in reqs if r.type == "license"} == {tuple(BOTH)}


# (sentence, (min, max, unit) of its training's duration)
DURATIONS = [
    pytest.param("Kiln operators complete a four- or five-year apprenticeship.", (4, 5, "year"),
                 id="four-or-five-year"),
    pytest.param("Kiln operators train on the job for more than 12 months.", (12, None, "month"), id="more-than"),
    pytest.param("The apprenticeship lasts three to four years.", (3, 4, "year"), id="three-to-four"),
]


@pytest.mark.parametrize(("body", "expected"), DURATIONS)
def test_durations(body: str, expected: tuple[float, float | None, str]) -> None:
    reqs = run_article(body, heading="Education and training", role_b=None).requirements
    got = [(r.duration.min, r.duration.max, r.duration.unit) for r in reqs if r.duration]
    assert got == [expected]


def test_neither_trade_requires_a_four_year_degree() -> None:
    text = ("Electrician vs. Plumber: Which Trade Should You Learn?\n\n"
            "Training\n\n"
            "Neither requires a four-year college degree. Electricians and plumbers usually need a high school "
            "diploma before they start a four- or five-year apprenticeship.\n")
    article = process_bytes(text.encode(), "trades.txt")
    roles = [r.id for r in article.roles]
    assert roles == ["electrician", "plumber"]
    levels = {(tuple(r.roles), r.education_level) for r in article.requirements if r.type == "education"}
    assert levels == {(("electrician", "plumber"), "high_school")}


def test_a_list_takes_the_subject_of_its_lead_in_over_its_sections() -> None:
    # The section is about glaze chemists; the lists after each lead-in are each lead-in's role's pay.
    body = ("Glaze chemists earn a median of $70,000 a year.\n\nKiln operators earn the most in these states:\n\n"
            "Ohio: $48,000 a year\n\nOregon, where the average is $47,000 a year\n\nGlaze chemists do best in these "
            "industries:\n\n- Paint makers: $75,000 a year\n")
    pay = _pay(run_article(body, heading="What glaze chemists earn"))
    assert pay == {((B,), 70000.0, "year"), ((A,), 48000.0, "year"), ((A,), 47000.0, "year"),
                   ((B,), 75000.0, "year")}


def test_a_bold_line_in_markdown_heads_a_section() -> None:
    text = ("**Kiln Yard Weekly**\n\n# Kiln Operator vs. Glaze Chemist: What Are the Differences?\n\nBoth jobs "
            "keep a pottery running.\n\n**Salary**\n\nKiln operators earn $40,000 a year.\n\n**Top-paying states "
            "for kiln operators:**\n\n- Ohio: $48,000 a year\n")
    headings = [s.heading for s in run_markdown(text).sections]
    assert "Salary" in headings and "Kiln Yard Weekly" not in headings
    assert not any(h and h.startswith("Top-paying") for h in headings)


def test_a_column_header_for_a_day_gives_the_period() -> None:
    text = ("# How Much Does a Kiln Operator Make?\n\n## Pay by county\n\nKiln operators at fairs are paid a flat "
            "amount.\n\n| County | Pay per firing day |\n|---|---|\n| Clark County | $220 |\n| Lake County | $19 an "
            "hour |\n")
    assert {(s.amount, s.period) for s in run_markdown(text).salaries} == {(220.0, "day"), (19.0, "hour")}


# (paragraph, first role, second role, the facts expected: (role ids, value))
COMPOUND_FORMS = [
    pytest.param("The top 10 percent of masons make more than $70,000, and the top 10 percent of bricklayers make more "
                 "than $68,000. Masons cut the stone by hand.", "Stonemason", "Bricklayer",
                 {(("stonemason",), 70000.0), (("bricklayer",), 68000.0)}, id="the-head-of-a-closed-compound"),
]


@pytest.mark.parametrize(("body", "role_a", "role_b", "expected"), COMPOUND_FORMS)
def test_shorter_words_for_a_one_word_name(body: str, role_a: str, role_b: str, expected: set[object]) -> None:
    article = run_article(body, heading="Pay and training", role_a=role_a, role_b=role_b)
    facts = {(tuple(s.roles), s.amount) for s in article.salaries}
    facts |= {(tuple(q.roles), q.education_level) for q in article.requirements if q.education_level}
    assert facts == expected



def test_a_closed_compound_takes_its_longest_head_written_in_the_plural() -> None:
    assert compound_forms("Kilnplater", ["Kilnplater"], "later that year the platers came; platers stay later.") == {
        "plater", "platers"}
