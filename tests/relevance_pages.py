"""Invented pages for the relevance table (``tests/test_relevance.py``): career pages of every shape the
pipeline reads, and pages of other genres, some of them naming occupations in passing.

Each entry: (name, is a career page, file name, text). Nothing here is taken from a real page.
"""

from __future__ import annotations

CAREER: list[tuple[str, str]] = []
OTHER: list[tuple[str, str]] = []


def _one_paragraph(name: str, pay: str, how: str) -> str:
    return (f"{name}: Pay, Duties and Training\n\n{name} earn {pay}, and most work full time.\n"
            f"Most {name.lower()} {how}.\n")


# Short one-paragraph pages: an occupation and its pay, duties or training, nothing more.
for _name, _pay, _how in [
    ("Kiln Operators", "a median wage of $41,200 a year", "learn the job on the job over a few months"),
    ("Bell Founders", "about $23 an hour", "train through a two-year apprenticeship"),
    ("Glaze Chemists", "a median salary of $68,000 per year", "need a bachelor's degree in chemistry"),
    ("Canal Lock Keepers", "around $38,000 a year", "are hired with a high school diploma"),
    ("Organ Tuners", "a median of $45,500 annually", "complete a certificate program in instrument repair"),
    ("Sail Riggers", "$19.80 per hour on average", "learn rigging from experienced riggers"),
]:
    CAREER.append((f"{_name.lower().replace(' ', '-')}.txt", _one_paragraph(_name, _pay, _how)))

CAREER += [
    ("tower-crane-operator.txt", "Tower Crane Operators earn a median salary of $61,300 per year. "
     "Most need a state license and several years of experience on construction sites.\n"),
    ("what-does-a-piano-technician-do.md", """# What Does a Piano Technician Do?

Piano technicians tune, regulate and repair pianos in homes, schools and concert halls.

## Duties

A piano technician inspects the action, replaces worn hammers and strings, and adjusts the keys so each
note sounds even.

## Education and Training

Most piano technicians complete a one-year certificate program, and many learn through an apprenticeship.

## Salary

Piano technicians earn a median salary of $44,000 per year, and self-employed technicians charge per visit.
"""),
    ("beekeeper-vs-orchardist.md", """# Beekeeper vs. Orchardist: What Are the Differences?

Both jobs keep farms productive, but the work, pay and training differ.

## What a beekeeper does

Beekeepers inspect hives, treat colonies for mites and harvest honey. They often work outdoors in spring and summer.

## What an orchardist does

Orchardists plant, prune and spray fruit trees and hire seasonal crews for the harvest.

## Salary

Beekeepers earn about $39,000 a year, while orchardists earn a median of $52,000.

## Which career is right for you?

If you like animals, beekeeping may suit you; if you like running a business, an orchard may.
"""),
    ("how-to-become-a-court-interpreter.md", """# How to Become a Court Interpreter

Court interpreters translate testimony for witnesses and defendants who do not speak English.

## Requirements

Most states require court interpreters to pass a certification exam, and a bachelor's degree is common.

## Pay

Staff court interpreters earn a median of $58,000 a year; freelance interpreters are paid by the hour.
"""),
    ("signal-maintainer-untitled.txt", """\
Signal maintainers install and repair the signals, switches and track circuits that keep trains apart.

Most signal maintainers are hired with a high school diploma and train on the job for about a year. They work
outdoors in all weather and are on call at night.

The median wage for signal maintainers was $33.10 per hour.
"""),
    ("glassblower-profile.html", """<html><head><title>Glassblower Career Guide | Workshop Careers</title></head>
<body><nav><a href="/">Home</a> <a href="/login">Sign in</a> <a href="/jobs">Jobs</a></nav>
<main><h1>Glassblower Career Guide</h1>
<p>Glassblowers shape molten glass into vases, lab equipment and art pieces.</p>
<h2>Duties</h2><ul><li>Gather molten glass on a blowpipe</li><li>Shape pieces with jacks and paddles</li></ul>
<h2>Training</h2><p>Most glassblowers learn through an apprenticeship of two to four years.</p>
<h2>Salary</h2><p>Glassblowers earn a median salary of $42,000 per year.</p>
</main><footer>Subscribe to our newsletter. Enter your email address. Sign up</footer></body></html>"""),
    ("pastry-cook-career.md", """# Pastry Cook Career: Duties, Pay and Training

Pastry cooks bake breads, cakes and pastries in restaurants, hotels and bakeries.

## Duties

A pastry cook measures ingredients, mixes doughs, bakes in deck ovens and decorates cakes to order.

## Training

Many pastry cooks complete a culinary certificate; others learn on the job under a pastry chef.

## Salary

Pastry cooks earn a median wage of $16.50 per hour.
"""),
    ("cashier-job-description.md", """# Cashier Job Description

Cashiers ring up purchases, take payments and process returns at the checkout in retail stores.

## Duties

A cashier scans items, applies coupons and discounts, counts the cash drawer at the end of a shift and
answers customers' questions.

## Pay and training

Cashiers earn a median wage of $14.10 per hour. Most are trained on the job in a week or two.
"""),
    ("news-photographer-career.md", """# What Does a News Photographer Do?

News photographers take pictures of events for newspapers, websites and wire services.

## Duties

A news photographer covers press conferences, breaking news and sports, edits photos on deadline and
writes captions.

## Education

Most news photographers have a bachelor's degree in photojournalism.

## Salary

News photographers earn a median salary of $47,000 per year.
"""),
    ("forum-moderator-careers.md", """# Community Moderator: Job Description and Salary

Community moderators keep online forums and comment sections civil for the companies that run them.

## Duties

A community moderator reviews reported posts, removes spam, answers members' questions and writes the
rules each thread must follow.

## Salary

Community moderators earn about $45,000 a year; many work remotely.
"""),
    ("it-helpdesk-technician.md", """# Help Desk Technician: Duties, Skills and Pay

Help desk technicians answer calls from staff who cannot sign in, reset passwords and fix software problems.

## Skills

Help desk technicians need patience, clear speech and knowledge of operating systems.

## Salary

Help desk technicians earn a median salary of $52,000 per year. Most have an associate's degree or a certification.
"""),
    ("farrier-qa.md", """# Farrier FAQ

## What does a farrier do?

Farriers trim horses' hooves and fit horseshoes. They travel to stables and farms with a portable forge.

## How much do farriers earn?

Farriers earn around $50,000 a year, and experienced farriers who shoe racehorses earn more.

## How do you become a farrier?

Most farriers attend a farrier school for a few months and then work as an apprentice.
"""),
    ("lighthouse-keeper-vs-harbor-pilot.txt", """Lighthouse Keeper vs. Harbor Pilot

Lighthouse keepers maintain lights and fog signals, while harbor pilots steer large ships into port.

Harbor pilots need a captain's license and years of experience at sea. Lighthouse keepers are trained on the job.

Harbor pilots earn more than $150,000 a year; lighthouse keepers earn about $40,000.
"""),
    ("stonemason-work-environment.md", """# Stonemasons: Work Environment and Outlook

## Work Environment

Stonemasons work outdoors on building sites and in workshops, and the work is physically demanding.

## Job Outlook

Employment of stonemasons is projected to grow slowly; restoration work offers steady jobs.

## Pay

Stonemasons earn a median wage of $24 per hour.
"""),
    ("museum-conservator.html", """<html><head><title>Museum Conservator</title>
<meta property="og:site_name" content="Heritage Careers"></head><body>
<article><h1>Museum Conservator</h1>
<p>Museum conservators examine and treat paintings, textiles and objects to slow their decay.</p>
<p>Conservators need a master's degree in conservation and an internship of a year or more.</p>
<p>Conservators earn a median salary of $57,000 per year, and most work in museums and labs.</p>
</article></body></html>"""),
    ("diver-commercial.md", """# Commercial Diver Salary and Training

Commercial divers inspect, repair and build structures under water, on oil platforms and in harbors.

Commercial divers need a diving certificate from an accredited school. Pay depends on depth: commercial
divers earn a median of $62,000 a year.
"""),
    ("park-ranger-day.md", """# A Day in the Life of a Park Ranger

Park rangers patrol trails, enforce park rules and lead guided walks for visitors.

A ranger's shift may start with a safety briefing and end with a campfire talk. Most park rangers have a
bachelor's degree in natural resources, and seasonal rangers are hired each spring. Park rangers earn about
$45,000 a year.
"""),
    ("sommelier-vs-bartender.md", """# Sommelier vs. Bartender

## Duties

Sommeliers choose wines for a restaurant's list and advise diners, while bartenders mix drinks and serve
guests at the bar.

## Training

Sommeliers take certification exams; bartenders usually learn on the job.

## Salary

Sommeliers earn a median salary of $55,000 per year, and bartenders earn about $15 per hour plus tips.
"""),
    ("locksmith-careers.txt", """Locksmith Careers

Locksmiths install, repair and open locks for homes, cars and businesses.

Most locksmiths learn through an apprenticeship, and several states require a license.

Locksmiths earn a median wage of $23.40 per hour.
"""),
    ("arborist-guide.md", """# Arborist Career Guide

## What arborists do

Arborists prune, treat and remove trees, climbing with ropes and working from bucket trucks.

## Certification

Many employers prefer arborists who hold a certification from a professional association.

## Salary

Arborists earn a median salary of $49,000 per year.
"""),
    ("translator-short.md", "# Translators\n\nTranslators convert written documents from one language into "
     "another. Most translators have a bachelor's degree, and they earn a median of $57,000 a year.\n"),
    ("wind-turbine-technician.md", """# Wind Turbine Technician

Wind turbine technicians inspect and repair turbines, climbing towers of 80 metres or more.

## Training

Most wind turbine technicians complete a one-year certificate program at a technical school.

## Pay

Wind turbine technicians earn a median wage of $29 per hour.
"""),
    ("school-bus-driver.txt", """What Does a School Bus Driver Do?

School bus drivers take children to and from school and on field trips, keeping order on the bus.

School bus drivers need a commercial driver's license with a passenger endorsement. They earn a median wage
of $20 per hour and usually work split shifts.
"""),
    ("veterinary-receptionist.md", """# Veterinary Receptionist: Job Description

Veterinary receptionists greet pet owners, book appointments and take payments at animal clinics.

They need a high school diploma and are trained on the job. Veterinary receptionists earn about $17 per hour.
"""),
    ("surveyor-vs-cartographer.html", """<html><head><title>Surveyor vs. Cartographer: Differences</title></head>
<body><main><h1>Surveyor vs. Cartographer: What Are the Differences?</h1>
<h2>Duties</h2><p>Surveyors measure land boundaries on site; cartographers turn survey data into maps.</p>
<h2>Education</h2><p>Both jobs need a bachelor's degree, and surveyors need a state license.</p>
<h2>Salary</h2><p>Surveyors earn a median of $65,000 a year and cartographers about $71,000.</p>
</main></body></html>"""),
]

CAREER.append(("untitled-comparison.txt", """Bench
Night porters greet late guests, answer the desk phone and patrol the hotel's floors.

Day porters carry luggage and store bags for guests in hotels and resorts.

Both stand for a living, but the hours and pay differ.

Night porters earn around £23,000 a year, while day porters earn between £21,000 and £24,000 per year.
"""))

OTHER += [
    ("drill-shop.html", """<html><head><title>ProDrive 20V Cordless Drill Kit</title></head><body>
<nav>Shop Tools Sale Sign in Cart</nav><main><h1>ProDrive 20V Cordless Drill Kit</h1>
<p>$129.99 <s>$159.99</s> You save $30. In stock. Free shipping on orders over $50.</p>
<p>Loved by electricians, carpenters and weekend DIYers, the ProDrive drives screws all day.</p>
<p>Drill holes in wood and metal with two speeds and a 1/2-inch chuck.</p>
<h2>Specifications</h2><ul><li>Voltage: 20V</li><li>Weight: 3.4 lb</li><li>Model number: PD-20</li></ul>
<h2>Customer reviews</h2><p>4.7 out of 5 stars. Write a review.</p>
<button>Add to cart</button></main></body></html>"""),
    ("boots-shop.html", """<html><head><title>Steel Toe Work Boots - Men's</title></head><body><main>
<h1>Steel Toe Work Boots</h1><p>$89.00 - In stock - Ships in 2 days</p>
<p>Built for construction workers, welders and warehouse crews who stand all shift.</p>
<h2>Product details</h2><ul><li>Waterproof leather</li><li>Slip-resistant sole</li></ul>
<p>Customers also bought: work gloves, safety glasses.</p><button>Add to cart</button>
<p>Free shipping and free returns. 1-year warranty.</p></main></body></html>"""),
    ("scrubs-shop.md", """# Classic V-Neck Scrub Top

Price: $24.99. Add to cart. In stock in 12 colours.

Designed with nurses and medical assistants in mind: four pockets and a stretch fabric that moves with you
through a long shift.

## Product details

- 65% polyester, 35% cotton
- Item number: SV-221

Free shipping on orders over $75. Customer reviews: 4.5 stars.
"""),
    ("knife-set-shop.html", """<html><body><h1>Chef's Knife Set, 8 Pieces</h1>
<p>List price: $199. Sale: $149. You save 25%.</p><p>The same knives professional chefs use, now for your kitchen.</p>
<h2>Specifications</h2><p>German steel blades, walnut block.</p><p>In stock. Add to cart. Buy now.</p>
<h3>Customer reviews</h3><p>Write a review</p></body></html>"""),
    ("stethoscope-shop.md", """# Cardiology Stethoscope IV

$219.00 · Add to cart · Free delivery

Trusted by doctors and nurses for clear sound. Tech specs: dual-head chestpiece, 27-inch tubing.
Model number: CS-4. 7-year warranty. Frequently bought together: name tag, spare ear tips.
"""),
    ("ladder-shop.txt", """Fiberglass Extension Ladder, 24 ft

$319.00. In stock. Free shipping.

Rated for painters, roofers and electricians: 300 lb load and non-conductive rails.

Specifications: weight 52 lb; item number FL-24. Add to cart. Customer reviews (38). Write a review.
"""),
    ("city-budget-news.html", """<html><head><title>City Council Passes $2.1 Billion Budget</title></head><body>
<article>
<h1>City Council Passes $2.1 Billion Budget</h1><p>By Staff Writer | Updated June 12</p>
<p>The city council voted 9-2 on Tuesday to approve a $2.1 billion budget that adds 40 police officers and
raises pay for firefighters, the mayor's office said.</p>
<p>"This budget keeps our streets safe," the mayor told reporters at a press conference.</p>
<p>Opponents said the spending plan cuts library hours. A spokesperson for the library union declined to comment.</p>
<p>The vote follows weeks of hearings, officials said.</p></article></body></html>"""),
    ("teacher-strike-news.md", """# Teachers Strike Enters Third Day as Talks Stall

Teachers in the district walked off the job for a third day on Wednesday, officials said, as talks over pay
and class sizes stalled.

The union said teachers earn less than those in neighbouring districts. A district spokesperson declined to
comment on the talks, and the school board said in a statement that it had made a fair offer.

Classes are cancelled until further notice. Staff writer Jo Park contributed reporting.
"""),
    ("factory-fire-news.txt", """Fire Damages Packaging Plant; No Injuries Reported

A fire broke out at a packaging plant on Thursday, and firefighters brought it under control within two hours,
officials said.

Workers were evacuated, and the plant's owner said in a statement that production would resume next week.
The cause is under investigation, a fire department spokesperson said Thursday. This story will be updated.
"""),
    ("election-news.md", """# Mayor Wins Second Term in Close Race

The mayor won re-election on Tuesday by fewer than 2,000 votes, according to unofficial results.

"We have more work to do," she told reporters at a press conference. Her opponent, a former city council
member, said on Wednesday that he would not seek a recount. (AP) contributed to this report.
"""),
    ("hospital-merger-news.md", """# Two Hospitals Announce Merger

Two regional hospitals said Monday that they would merge, creating a system of 14 clinics and 3,000 staff.

Nurses and doctors will keep their jobs, a hospital spokesperson said in a statement. The deal is expected to
close next year, pending state approval. Officials said the merger would not change patient billing.
This story will be updated.
"""),
    ("storm-news.txt", """Storm Knocks Out Power to 40,000 Homes

High winds downed trees and power lines across the county overnight, and utility crews worked through the
morning to restore service, the utility said Friday.

Line workers from three states were called in to help, officials said. Schools were closed on Friday.
"""),
    ("apple-pie-recipe.md", """# Grandma's Apple Pie

Prep time: 30 minutes. Cook time: 50 minutes. Servings: 8.

## Ingredients

- 6 cups sliced apples
- 3/4 cup sugar
- 2 tablespoons flour
- 1 teaspoon cinnamon

## Instructions

Preheat the oven to 425 degrees F. Mix the apples with sugar, flour and cinnamon, fill the crust and bake
until golden. A pastry chef once told me the secret is cold butter.
"""),
    ("chili-recipe.html", """<html><body><h1>Weeknight Beef Chili</h1><p>Jump to recipe · Print recipe</p>
<p>Total time: 45 minutes. Serves 6.</p><h2>Ingredients</h2><ul><li>1 lb ground beef</li><li>1 onion, diced</li>
<li>2 tablespoons chili powder</li><li>Salt to taste</li></ul><h2>Method</h2>
<p>Brown the beef, add the onion and spices, simmer 30 minutes.</p><p>Nutrition facts: 410 calories per serving.</p>
</body></html>"""),
    ("bread-recipe.txt", """Simple Sourdough Bread

Prep time: 20 minutes, plus rising. Cook time: 45 minutes.

Ingredients: 500 g flour, 350 g water, 100 g starter, 10 g salt.

Mix, rest 1 hour, fold, rise overnight. Preheat the oven to 475°F and bake covered 20 minutes, then uncovered
until golden. Bakers call this an open crumb.
"""),
    ("salad-recipe.md", """# Summer Chickpea Salad

Prep time: 15 minutes. Servings: 4.

## Ingredients

- 2 cups chickpeas
- 1 cucumber, diced
- 3 tablespoons olive oil
- Salt and pepper to taste

Toss everything together and chill. Nutrition facts: 280 calories per serving.
"""),
    ("pancake-recipe.txt", """Fluffy Pancakes

Ingredients: 1 1/2 cups flour, 1 tablespoon sugar, 2 teaspoons baking powder, 1 egg, 1 1/4 cups milk.

Whisk, rest 5 minutes, cook on a hot griddle until bubbles form. Serves 4. Total time: 20 minutes.
Diner cooks flip hundreds of these every morning.
"""),
    ("car-forum.html", """<html><body><h1>Re: Engine light on after oil change?</h1>
<div class="post"><p>Posted by wrenchhead · Member since 2019 · Posts: 1,204</p>
<p>My mechanic did an oil change and now the check engine light is on. Anyone else seen this?</p></div>
<div class="post"><p>Posted by gearbox_gal · Join date: 2021</p><p>Quote from wrenchhead: check engine light</p>
<p>Probably the gas cap. Tighten it and drive a few days.</p><p>Reply with quote · Report post</p></div>
<p>Replies: 14 · Thread starter: wrenchhead</p></body></html>"""),
    ("garden-forum.md", """# Re: Tomatoes splitting after rain

Posted by greenthumb42 · Joined: March 2020 · Posts: 310

My tomatoes keep splitting every time it rains. Any tips?

Reply #1 - Posted by soilsister

Water evenly and mulch. A landscaper I know swears by drip lines.

Reply with quote | Report post | Last edited by soilsister
"""),
    ("gaming-forum.txt", """Re: Best settings for the new patch?

Posted by pixelpilot · Member since 2018 · Posts: 4,511

Anyone found good graphics settings after the update? My frame rate dropped.

Reply #2 - Posted by lagless: Turn off motion blur. Thread starter: pixelpilot. Replies: 22.
Report post · Reply with quote
"""),
    ("pet-forum.md", """# Re: Puppy won't stop chewing shoes

Posted by dogdad · Member since 2022 · Posts: 57

Our puppy chews everything. Our vet says it is teething.

Reply #3 — Posted by k9coach: A dog trainer helped us a lot; try frozen toys.

Reply with quote · Report post · Thread starter: dogdad
"""),
    ("camera-forum.html", """<html><body><h2>Re: Which lens for portraits?</h2>
<p>Posted by f1point8 | Join date: 2017 | Posts: 2,900</p><p>Looking for a portrait lens under $500.</p>
<p>Reply #1 Posted by shutterbug: A wedding photographer friend uses the 85mm.</p>
<p>Reply with quote | Report post | Mark as solved</p></body></html>"""),
    ("bank-login.html", """<html><head><title>Sign in - Online Banking</title></head><body><main><h1>Sign in</h1>
<form><label>Username</label><input name="u"><label>Password</label><input type="password">
<label><input type="checkbox"> Remember me</label><button>Sign in</button></form>
<p><a href="/reset">Forgot your password?</a></p><p>Don't have an account? <a>Create an account</a></p>
</main></body></html>"""),
    ("jobs-board-login.md", """# Log in to your account

Username or email

Password

Keep me signed in

Forgot password? Don't have an account? Create an account to save jobs and apply faster.
"""),
    ("webmail-login.txt", """Webmail

Enter your username and password to read your mail.

Username:
Password:
Remember me on this computer
Forgot your password? Reset your password here. Two-factor verification code required for new devices.
"""),
    ("portal-login.html", """<html><body><h1>Employee Portal</h1><p>Please sign in.</p>
<p>Username</p><p>Password</p><p>Remember me</p><p>Forgot password?</p><p>New user? Create account</p>
</body></html>"""),
    ("weather-page.md", """# Weekend Forecast: Sunny, Then Storms

Expect sunshine on Saturday with highs near 80. Thunderstorms move in Sunday afternoon, with heavy rain and
gusty winds at times. Monday turns cooler and dry.
"""),
    ("travel-blog.md", """# Three Days in Lisbon

We started at the castle, wandered the Alfama's lanes and ate custard tarts in Belém. The trams are slow but
charming, and the sunsets from the viewpoints are worth the climb. Our guide, a former sailor, told great stories.
"""),
    ("movie-review.txt", """Review: 'The Last Lighthouse' Shines

The film follows a retired ship captain who restores a lighthouse on a remote island. The cinematography is
lovely, though the second act drags. Three stars out of five.
"""),
    ("sports-recap.md", """# Harbor City Wins in Extra Time

Harbor City beat Valley United 2-1 in extra time on Saturday. The coach praised the defence, and the
goalkeeper made six saves. The team plays again next week at home.
"""),
    ("event-listing.html", """<html><body><h1>Summer Jazz Nights</h1><p>Every Friday in July, 7 pm, Riverside Park.</p>
<p>Free entry. Food trucks and local bands. Bring a blanket.</p></body></html>"""),
    ("gardening-howto.md", """# How to Prune Roses

Prune roses in late winter, just as the buds swell. Cut out dead wood first, then open the centre of the
bush. Make each cut just above an outward-facing bud, at a slant.
"""),
    ("phone-review.md", """# Phone X Review: Great Battery, Dull Design

The Phone X lasts two days on a charge and its camera is sharp in daylight. The design is plain, and the
price of $799 is high. Verdict: a safe choice.
"""),
    ("history-article.txt", """The Building of the Old Canal

The canal opened in 1825 after eight years of digging by hand. It carried coal and grain for a century before
the railways took its trade, and today its towpath is a walking trail.
"""),
]

PAGES: list[tuple[str, bool, str, str]] = (
    [(name.rsplit(".", 1)[0], True, name, text) for name, text in CAREER]
    + [(name.rsplit(".", 1)[0], False, name, text) for name, text in OTHER]
)
