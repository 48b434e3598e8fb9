"""The date tagger, by tables of cases: one line per case."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.core.tagger import TemporalExpression, tag

REF = date(2025, 5, 6)  # a Tuesday; the publication date of the seed articles

# (sentence, expression as found, TimeML value, kind, interval start, interval end); "" = open side.
CASES = [
    # absolute dates
    ("The deal was signed on May 5, 2025.", "May 5, 2025", "2025-05-05", "point", "2025-05-05", "2025-05-05"),
    ("Two hours ago, he left.", "Two hours ago", "2025-05-06", "point", "2025-05-06", "2025-05-06"),  # that day
    ("It was signed on 5 May 2025 in Vilnius.", "5 May 2025", "2025-05-05", "point", "2025-05-05", "2025-05-05"),
    ("Filed 2025-05-05 by the clerk.", "2025-05-05", "2025-05-05", "point", "2025-05-05", "2025-05-05"),
    ("Deadline: 05/06/2025.", "05/06/2025", "2025-05-06", "point", "2025-05-06", "2025-05-06"),
    ("Deadline: 25/06/2025.", "25/06/2025", "2025-06-25", "point", "2025-06-25", "2025-06-25"),
    ("They met on 06.05.2025 in Berlin.", "06.05.2025", "2025-05-06", "point", "2025-05-06", "2025-05-06"),
    ("Prices rose in March 2021.", "March 2021", "2021-03", "point", "2021-03-01", "2021-03-31"),
    ("Prices rose in March, 2021.", "March, 2021", "2021-03", "point", "2021-03-01", "2021-03-31"),
    ("The war began in 2022.", "2022", "2022", "point", "2022-01-01", "2022-12-31"),
    ("It was popular in the 1990s.", "the 1990s", "199", "point", "1990-01-01", "1999-12-31"),
    ("Sales peaked on Monday, May 5, 2025, officials said.", "Monday, May 5, 2025", "2025-05-05", "point",
     "2025-05-05", "2025-05-05"),
    ("The accord of Sept. 3, 2019 still holds.", "Sept. 3, 2019", "2019-09-03", "point", "2019-09-03", "2019-09-03"),
    ("It opened on Dec 1 2024.", "Dec 1 2024", "2024-12-01", "point", "2024-12-01", "2024-12-01"),
    ("It ended on the 18th of March 2025.", "the 18th of March 2025", "2025-03-18", "point", "2025-03-18",
     "2025-03-18"),
    ("Empires fell in the 20th century.", "the 20th century", "19", "point", "1900-01-01", "1999-12-31"),
    ("Music of the '90s returned.", "the '90s", "199", "point", "1990-01-01", "1999-12-31"),
    ("Output grew in spring 2024.", "spring 2024", "2024-SP", "point", "2024-03-01", "2024-05-31"),
    ("Profits fell in the first quarter of 2025.", "the first quarter of 2025", "2025-Q1", "point", "2025-01-01",
     "2025-03-31"),
    ("Profits fell in Q3 2024.", "Q3 2024", "2024-Q3", "point", "2024-07-01", "2024-09-30"),
    ("Earnings will be lower in the last half of 2025.", "the last half of 2025", "2025-H2", "point", "2025-07-01",
     "2025-12-31"),
    ("Demand stays weak through the first two quarters of 2026.", "the first two quarters of 2026", "2026-H1",
     "point", "2026-01-01", "2026-06-30"),
    ("Profits fell in the second half of 2024.", "the second half of 2024", "2024-H2", "point", "2024-07-01",
     "2024-12-31"),
    ("The budget for fiscal 2024 was cut.", "fiscal 2024", "2024", "point", "2024-01-01", "2024-12-31"),
    ("Talks ran May 5-7, 2025 in Riga.", "May 5-7, 2025", "2025-05-05/2025-05-07", "range", "2025-05-05",
     "2025-05-07"),
    ("Posted May 6, 2025 9:48 AM", "May 6, 2025 9:48 AM", "2025-05-06T09:48", "point", "2025-05-06", "2025-05-06"),
    ("The law took effect in December 1999.", "December 1999", "1999-12", "point", "1999-12-01", "1999-12-31"),
    ("THE SUMMIT OPENED MAY 5, 2025 IN ROME.", "MAY 5, 2025", "2025-05-05", "point", "2025-05-05", "2025-05-05"),
    # partial dates: the nearest plausible one, in the direction of the tense
    ("On March 18, the four countries declared their intent.", "March 18", "2025-03-18", "point", "2025-03-18",
     "2025-03-18"),
    ("In January, Lithuania announced plans.", "January", "2025-01", "point", "2025-01-01", "2025-01-31"),
    ("In December, prices fell sharply.", "December", "2024-12", "point", "2024-12-01", "2024-12-31"),
    ("The summit will be held in December.", "December", "2025-12", "point", "2025-12-01", "2025-12-31"),
    ("The vote will take place on June 2.", "June 2", "2025-06-02", "point", "2025-06-02", "2025-06-02"),
    ("The vote took place on 2 April.", "2 April", "2025-04-02", "point", "2025-04-02", "2025-04-02"),
    ("Results come out on 2 June.", "2 June", "2025-06-02", "point", "2025-06-02", "2025-06-02"),
    # a past verb next to the date outweighs a nearer date ahead; a cue further off does not
    ("Results came out on 2 June.", "2 June", "2024-06-02", "point", "2024-06-02", "2024-06-02"),
    ("They were given until 9 a.m. Thursday to sign.", "9 a.m. Thursday", "2025-05-08T09:00", "point", "2025-05-08",
     "2025-05-08"),
    ("The bank has extended up to $90 million in revolving loans through January.", "January", "2026-01", "point",
     "2026-01-01", "2026-01-31"),
    ("The deadline is midnight on Thursday.", "midnight on Thursday", "2025-05-08T24:00", "point", "2025-05-08",
     "2025-05-08"),
    ("Shareholders tendered 99% of the shares by the Monday deadline.", "Monday", "2025-05-05", "point", "2025-05-05",
     "2025-05-05"),
    ("In London at mid-afternoon yesterday, shares rose.", "mid-afternoon yesterday", "2025-05-05TAF", "point",
     "2025-05-05", "2025-05-05"),
    ("Officials were not available late yesterday.", "late yesterday", "2025-05-05", "point", "2025-05-05",
     "2025-05-05"),
    ("Until Thursday, they had not called him a suspect.", "Until Thursday", "2025-05-01", "before", "",
     "2025-05-01"),
    ("Until Thursday, the offer stands.", "Until Thursday", "2025-05-08", "before", "", "2025-05-08"),
    ("By Friday, prices had fallen 5%.", "By Friday", "2025-05-02", "before", "", "2025-05-02"),
    ("He could come as early as Friday.", "Friday", "2025-05-09", "point", "2025-05-09", "2025-05-09"),
    ("He will see Dr. Smith Friday.", "Friday", "2025-05-09", "point", "2025-05-09", "2025-05-09"),
    ("A bomb went off next to the embassy on Friday.", "Friday", "2025-05-02", "point", "2025-05-02", "2025-05-02"),
    ("He will succeed Mr. Jones Feb. 1.", "Feb. 1", "2026-02-01", "point", "2026-02-01", "2026-02-01"),
    # "this year", "last year" right after a bare month or day give its year
    ("In February last year, the plant closed.", "February last year", "2024-02", "point", "2024-02-01", "2024-02-29"),
    ("It opened on June 2 of last year.", "June 2 of last year", "2024-06-02", "point", "2024-06-02", "2024-06-02"),
    ("Talks resume in March next year.", "March next year", "2026-03", "point", "2026-03-01", "2026-03-31"),
    ("The process began in September this year.", "September this year", "2025-09", "point", "2025-09-01",
     "2025-09-30"),
    # participles and infinitives after a future auxiliary, nouns after a determiner
    ("A summit would still be held on April 24.", "April 24", "2026-04-24", "point", "2026-04-24", "2026-04-24"),
    ("They expect the deal to be completed by April 30.", "by April 30", "2026-04-30", "before", "", "2026-04-30"),
    ("The offer, which had been set to expire June 6, was extended.", "June 6", "2025-06-06", "point",
     "2025-06-06", "2025-06-06"),
    ("The firm announced the plan Aug. 21.", "Aug. 21", "2024-08-21", "point", "2024-08-21", "2024-08-21"),
    ("It would be paid on a still unspecified date in January.", "January", "2026-01", "point", "2026-01-01",
     "2026-01-31"),
    ("It cut the dividend due to its fourth-quarter loss.", "fourth-quarter", "2024-Q4", "point", "2024-10-01",
     "2024-12-31"),
    ("The program is to pay down the bridge loan by February.", "by February", "2026-02", "before", "",
     "2026-02-28"),
    ("In September, the plant closed.", "September", "2024-09", "point", "2024-09-01", "2024-09-30"),
    ("Naryshkin warned on April 15 that Poland would suffer.", "April 15", "2025-04-15", "point", "2025-04-15",
     "2025-04-15"),
    ("Shipments resumed in May.", "May", "2025-05", "point", "2025-05-01", "2025-05-31"),
    # weekdays and relative days
    ("Lithuania said Monday that it will spend more.", "Monday", "2025-05-05", "point", "2025-05-05", "2025-05-05"),
    ("In January, the board brought in a new chief.", "January", "2025-01", "point", "2025-01-01", "2025-01-31"),
    ("The shares rose to a high in June from $29 in August.", "August", "2024-08", "point", "2024-08-01",
     "2024-08-31"),
    ("The office of the chairman is new, effective June 1.", "June 1", "2025-06-01", "point", "2025-06-01",
     "2025-06-01"),
    ("Talks were held from Monday to Wednesday.", "from Monday to Wednesday", "2025-04-28/2025-04-30", "range",
     "2025-04-28", "2025-04-30"),
    ("Talks will run from Thursday to Monday.", "from Thursday to Monday", "2025-05-08/2025-05-12", "range",
     "2025-05-08", "2025-05-12"),
    ("The break ran from December 20 to January 5.", "from December 20 to January 5", "2024-12-20/2025-01-05",
     "range", "2024-12-20", "2025-01-05"),
    ("It happened the day before yesterday.", "the day before yesterday", "2025-05-04", "point", "2025-05-04",
     "2025-05-04"),
    ("We meet the day after tomorrow.", "the day after tomorrow", "2025-05-08", "point", "2025-05-08", "2025-05-08"),
    ("Troops will leave by mid-2026.", "by mid-2026", "2026", "before", "", "2026-09-01"),
    ("It lost money in the first quarter ended March 31. It earned $5 million a year ago.", "a year ago", "2024-Q1",
     "point", "2024-01-01", "2024-03-31"),
    ("The team planned to leave Vilnius on Thursday.", "Thursday", "2025-05-08", "point", "2025-05-08", "2025-05-08"),
    ("The ministers meet Monday in Brussels.", "Monday", "2025-05-12", "point", "2025-05-12", "2025-05-12"),
    ("The vote was postponed until Friday.", "until Friday", "2025-05-09", "before", "", "2025-05-09"),
    ("The blast came at 10 p.m. Sunday.", "10 p.m. Sunday", "2025-05-04T22:00", "point", "2025-05-04", "2025-05-04"),
    ("Bids close at 5 p.m. EST, May 9.", "5 p.m. EST, May 9", "2025-05-09T17:00", "point", "2025-05-09",
     "2025-05-09"),
    ("The shops shut at noon Saturday.", "noon Saturday", "2025-05-03T12:00", "point", "2025-05-03", "2025-05-03"),
    # months and quarters named from the publication date
    ("Prices fell last December.", "last December", "2024-12", "point", "2024-12-01", "2024-12-31"),
    ("Then, a week or so ago, he chose a date.", "a week or so ago", "2025-W18", "point", "2025-04-28",
     "2025-05-04"),
    ("He was shot last Oct. 23 at his home.", "Oct. 23", "2024-10-23", "point", "2024-10-23", "2024-10-23"),
    ("The plant closed last May.", "last May", "2024-05", "point", "2024-05-01", "2024-05-31"),
    ("The talks resume next May.", "next May", "2026-05", "point", "2026-05-01", "2026-05-31"),
    ("Elections are due this September.", "this September", "2025-09", "point", "2025-09-01", "2025-09-30"),
    ("Profit rose in this year's third quarter.", "this year's third quarter", "2025-Q3", "point", "2025-07-01",
     "2025-09-30"),
    ("Sales beat the 1988 third quarter.", "the 1988 third quarter", "1988-Q3", "point", "1988-07-01", "1988-09-30"),
    ("Sales beat the year-ago third quarter.", "the year-ago third quarter", "2024-Q3", "point", "2024-07-01",
     "2024-09-30"),
    ("Profit rose in the first quarter, against year-earlier profit of $3 million.", "year-earlier", "2024-Q1",
     "point", "2024-01-01", "2024-03-31"),
    ("Year-earlier results included a one-time gain.", "Year-earlier", "2024", "point", "2024-01-01", "2024-12-31"),
    ("Talks went on over the weekend.", "the weekend", "2025-W18-WE", "point", "2025-05-03", "2025-05-04"),
    ("Talks will go on over the weekend.", "the weekend", "2025-W19-WE", "point", "2025-05-10", "2025-05-11"),
    # holidays
    ("Stores stayed open on Thanksgiving Day.", "Thanksgiving Day", "2024-11-28", "point", "2024-11-28", "2024-11-28"),
    ("They met last Christmas.", "last Christmas", "2024-12-25", "point", "2024-12-25", "2024-12-25"),
    ("Crowds gathered on Easter Sunday.", "Easter Sunday", "2025-04-20", "point", "2025-04-20", "2025-04-20"),
    ("The parade is on Memorial Day.", "Memorial Day", "2025-05-26", "point", "2025-05-26", "2025-05-26"),
    ("He died on Christmas Eve, 1999.", "Christmas Eve, 1999", "1999-12-24", "point", "1999-12-24", "1999-12-24"),
    # years in words (transcripts)
    ("In nineteen ninety-six the war ended.", "nineteen ninety-six", "1996", "point", "1996-01-01", "1996-12-31"),
    ("He left in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01", "point", "1997-01-01",
     "1997-01-31"),
    ("It was ready by the year two thousand.", "the year two thousand", "2000", "point", "2000-01-01", "2000-12-31"),
    ("The talks ended last Friday.", "last Friday", "2025-05-02", "point", "2025-05-02", "2025-05-02"),
    ("They will meet next Friday.", "next Friday", "2025-05-09", "point", "2025-05-09", "2025-05-09"),
    ("The ministers will meet on Friday.", "Friday", "2025-05-09", "point", "2025-05-09", "2025-05-09"),
    ("The ministers met on Friday.", "Friday", "2025-05-02", "point", "2025-05-02", "2025-05-02"),
    ("The protest was held on Sunday.", "Sunday", "2025-05-04", "point", "2025-05-04", "2025-05-04"),
    ("Officials spoke yesterday.", "yesterday", "2025-05-05", "point", "2025-05-05", "2025-05-05"),
    ("The vote is tomorrow.", "tomorrow", "2025-05-07", "point", "2025-05-07", "2025-05-07"),
    ("The minister said today that talks failed.", "today", "2025-05-06", "point", "2025-05-06", "2025-05-06"),
    ("Embassy staff left Pakistan today.", "today", "2025-05-06", "point", "2025-05-06", "2025-05-06"),
    ("Forecasts for next year were cut.", "next year", "2026", "point", "2026-01-01", "2026-12-31"),
    ("Talks resumed Tuesday morning.", "Tuesday morning", "2025-05-06TMO", "point", "2025-05-06", "2025-05-06"),
    ("Shots were heard last night.", "last night", "2025-05-05TNI", "point", "2025-05-05", "2025-05-05"),
    ("Markets opened lower this morning.", "this morning", "2025-05-06TMO", "point", "2025-05-06", "2025-05-06"),
    ("He resigned last Monday.", "last Monday", "2025-05-05", "point", "2025-05-05", "2025-05-05"),
    # relative periods
    ("Sales will rise next month.", "next month", "2025-06", "point", "2025-06-01", "2025-06-30"),
    ("Sales fell last month.", "last month", "2025-04", "point", "2025-04-01", "2025-04-30"),
    ("Prices rose this year.", "this year", "2025", "point", "2025-01-01", "2025-12-31"),
    ("Prices rose last year.", "last year", "2024", "point", "2024-01-01", "2024-12-31"),
    ("Prices will rise next year.", "next year", "2026", "point", "2026-01-01", "2026-12-31"),
    ("It made a decision earlier this year.", "earlier this year", "2025", "point", "2025-01-01", "2025-05-06"),
    ("It will decide later this year.", "later this year", "2025", "point", "2025-05-06", "2025-12-31"),
    ("Talks continue this week.", "this week", "2025-W19", "point", "2025-05-05", "2025-05-11"),
    ("Talks stalled last week.", "last week", "2025-W18", "point", "2025-04-28", "2025-05-04"),
    ("Talks resume next week.", "next week", "2025-W20", "point", "2025-05-12", "2025-05-18"),
    ("Crowds gathered this weekend.", "this weekend", "2025-W19-WE", "point", "2025-05-10", "2025-05-11"),
    ("It was hot last summer.", "last summer", "2024-SU", "point", "2024-06-01", "2024-08-31"),
    ("Work starts this spring.", "this spring", "2025-SP", "point", "2025-03-01", "2025-05-31"),
    ("Sales rose in the quarter ended July 31.", "the quarter", "2024-Q2", "point", "2024-04-01", "2024-06-30"),
    ("It earned $3 million in the quarter ended Sept. 30, 2024; the year-ago quarter was worse.",
     "the year-ago quarter", "2023-Q3", "point", "2023-07-01", "2023-09-30"),
    ("It reported first-quarter profit. Sales grew in the current quarter.", "the current quarter", "2025-Q2",
     "point", "2025-04-01", "2025-06-30"),
    # years of an account
    ("For the year ended March 31, sales rose.", "the year", "P1Y", "range", "2024-04-01", "2025-03-31"),
    ("Sales for the full year rose.", "the full year", "2025", "point", "2025-01-01", "2025-12-31"),
    ("It expects a loss in the current fiscal year.", "the current fiscal year", "2025", "point", "2025-01-01",
     "2025-12-31"),
    ("Sales were $7 billion in the latest fiscal year.", "the latest fiscal year", "2024", "point", "2024-01-01",
     "2024-12-31"),
    ("The deal should close by year-end.", "year-end", "2025", "point", "2025-09-02", "2025-12-31"),
    ("Shares have fallen 8% since year-end.", "year-end", "2024", "point", "2024-09-01", "2024-12-31"),
    ("Cuts are due by the year's end.", "the year's end", "2025", "point", "2025-09-02", "2025-12-31"),
    ("It expects second-quarter sales to grow. Profit rose in the latest quarter.", "the latest quarter", "2025-Q1",
     "point", "2025-01-01", "2025-03-31"),
    ("Third-quarter profit was $5 million, up from $4 million in the 2023 quarter.", "the 2023 quarter", "2023-Q3",
     "point", "2023-07-01", "2023-09-30"),
    ("Sales fell in the 2023 period.", "the 2023 period", "2023", "point", "2023-01-01", "2023-12-31"),
    ("A hearing is set for the week of June 9.", "the week of June 9", "2025-W24", "point", "2025-06-09",
     "2025-06-15"),
    # the period of the date the story last gave
    ("He fled in June 2023 and returned later that year.", "later that year", "2023", "point", "2023-01-01",
     "2023-12-31"),
    ("He was shot on Oct. 23, 2024. Earlier that day, police got a fax.", "Earlier that day", "2024-10-23", "point",
     "2024-10-23", "2024-10-23"),
    ("Herbicide use was delayed earlier in the year by rains.", "earlier in the year", "2025", "point",
     "2025-01-01", "2025-12-31"),
    ("Imports were $1.5 billion in 2019. Exports that year fell.", "that year", "2019", "point", "2019-01-01",
     "2019-12-31"),
    ("First-quarter profit rose. Its shares rose Friday. In the quarter, sales were $5 million, up from $4 million "
     "a year ago.", "a year ago", "2024-Q1", "point", "2024-01-01", "2024-03-31"),
    ("First-quarter profit rose. For the six months, net was $5 million, up from $4 million a year earlier.",
     "a year earlier", "2024", "point", "2024-01-01", "2024-12-31"),
    ("Revenue rose in the latest period.", "the latest period", "2025-Q1", "point", "2025-01-01", "2025-03-31"),
    ("Profits fell last quarter.", "last quarter", "2025-Q1", "point", "2025-01-01", "2025-03-31"),
    ("It is the warmest year this decade.", "this decade", "202", "point", "2020-01-01", "2029-12-31"),
    ("Prices fell in late last year.", "late last year", "2024", "point", "2024-09-01", "2024-12-31"),
    ("Output grew in early 2024.", "early 2024", "2024", "point", "2024-01-01", "2024-05-01"),
    ("Output grew in mid-2024.", "mid-2024", "2024", "point", "2024-05-02", "2024-08-31"),
    ("Output fell in late March.", "late March", "2025-03", "point", "2025-03-22", "2025-03-31"),
    ("Three years ago the plant closed.", "Three years ago", "2022", "point", "2022-01-01", "2022-12-31"),
    ("The border opened a decade ago.", "a decade ago", "2015", "point", "2015-01-01", "2015-12-31"),
    ("The law passed two weeks ago.", "two weeks ago", "2025-W17", "point", "2025-04-21", "2025-04-27"),
    ("The bill passed on March 3, 2025. The next day, protests began.", "The next day", "2025-03-04", "point",
     "2025-03-04", "2025-03-04"),
    ("The bill passed on March 3, 2025. Two days later, protests began.", "Two days later", "2025-03-05", "point",
     "2025-03-05", "2025-03-05"),
    ("The plant opened in 2020. A year earlier, it had been sold.", "A year earlier", "2019", "point",
     "2019-01-01", "2019-12-31"),
    # ranges
    ("Spending will be 5-6% of GDP annually from 2026 to 2030.", "from 2026 to 2030", "2026/2030", "range",
     "2026-01-01", "2030-12-31"),
    ("It will spend 6% between 2026 and 2030.", "between 2026 and 2030", "2026/2030", "range", "2026-01-01",
     "2030-12-31"),
    ("The 2026-2030 plan was approved.", "2026-2030", "2026/2030", "range", "2026-01-01", "2030-12-31"),
    ("It runs from 2026 through 2030.", "from 2026 through 2030", "2026/2030", "range", "2026-01-01", "2030-12-31"),
    ("The 2026–30 budget passed.", "2026–30", "2026/2030", "range", "2026-01-01", "2030-12-31"),
    ("He served from March 2024 to May 2025.", "from March 2024 to May 2025", "2024-03/2025-05", "range",
     "2024-03-01", "2025-05-31"),
    ("It rained from January to March 2025.", "from January to March 2025", "2025-01/2025-03", "range",
     "2025-01-01", "2025-03-31"),
    ("He ruled from 2019 until 2021.", "from 2019 until 2021", "2019/2021", "range", "2019-01-01", "2021-12-31"),
    ("Prices rose between 2010 and 2015 sharply.", "between 2010 and 2015", "2010/2015", "range", "2010-01-01",
     "2015-12-31"),
    # open bounds
    ("Russia may prepare for a larger conflict with NATO by 2030.", "by 2030", "2030", "before", "", "2030-12-31"),
    ("The ban stays until 2027.", "until 2027", "2027", "before", "", "2027-12-31"),
    ("Defenses were stepped up since 2022.", "since 2022", "2022", "since", "2022-01-01", "2025-05-06"),
    ("It must be built before 2030.", "before 2030", "2030", "before", "", "2029-12-31"),
    ("Growth will resume after 2030.", "after 2030", "2030", "after", "2031-01-01", ""),
    ("The law must pass by March 2026.", "by March 2026", "2026-03", "before", "", "2026-03-31"),
    ("Reply no later than June 30, 2025.", "no later than June 30, 2025", "2025-06-30", "before", "", "2025-06-30"),
    ("Tariffs apply starting in 2026.", "starting in 2026", "2026", "after", "2026-01-01", ""),
    ("It has grown ever since 2014.", "ever since 2014", "2014", "since", "2014-01-01", "2025-05-06"),
    ("The rule applies through 2028.", "through 2028", "2028", "before", "", "2028-12-31"),
    ("Finish it by the end of the year.", "by the end of the year", "2025", "before", "", "2025-12-31"),
    # anchored durations
    ("It will spend 1.1 billion euros over the next decade to fortify its border.", "over the next decade", "P10Y",
     "range", "2025-05-06", "2035-05-06"),
    ("War may come within the next five years.", "within the next five years", "P5Y", "range", "2025-05-06",
     "2030-05-06"),
    ("Prices rose in the past two weeks.", "in the past two weeks", "P2W", "range", "2025-04-22", "2025-05-06"),
    ("Prices rose over the past year.", "over the past year", "P1Y", "range", "2024-05-06", "2025-05-06"),
    ("It will invest over the next ten years.", "over the next ten years", "P10Y", "range", "2025-05-06",
     "2035-05-06"),
    ("Troops stay for the next three months.", "for the next three months", "P3M", "range", "2025-05-06",
     "2025-08-06"),
    ("This allocation, spread over a decade, aims to deter.", "spread over a decade", "P10Y", "range", "2025-05-06",
     "2035-05-06"),
    ("Imports doubled during the last 12 months.", "during the last 12 months", "P12M", "range", "2024-05-06",
     "2025-05-06"),
]

# (sentence, expression as found, TimeML type, TimeML value): found and typed, never placed.
UNPLACED = [
    ("Marchers parade each July.", "each July", "SET", "XXXX-07"),
    ("The river floods every spring.", "every spring", "SET", "XXXX-SP"),
    ("The talks recently stalled.", "recently", "DATE", "PAST_REF"),
    ("He spent two and a half years in jail.", "two and a half years", "DURATION", "P2Y6M"),
    ("They lived in camps for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"),
    ("She stayed about 5 1/2 hours in Nairobi.", "5 1/2 hours", "DURATION", "PT5H30M"),
    ("But a minute and a half later, a pilot called.", "a minute and a half", "DURATION", "PT1M30S"),
    ("The talks took one and a half days.", "one and a half days", "DURATION", "P1DT12H"),
    ("Wait half an hour.", "half an hour", "DURATION", "PT30M"),
    ("Islam will one day be the second largest religion.", "one day", "DATE", "FUTURE_REF"),
    ("The strike lasted one day.", "one day", "DURATION", "P1D"),
    ("We do not minimize the challenges of the near term.", "the near term", "DATE", "FUTURE_REF"),
    ("Funds may sell bonds in the weeks ahead.", "the weeks ahead", "DURATION", "PXW"),
    ("Net for the year-earlier nine months included a gain.", "nine months", "DURATION", "P9M"),
    ("A few days later, the firm said it lost money.", "A few days later", "DURATION", "PXD"),
    ("Just over an hour later, he was declared dead.", "an hour later", "DURATION", "PT1H"),
    ("Forty-eight hours ago, he left.", "Forty-eight hours ago", "TIME", "PAST_REF"),  # maybe another day
    ("The plan is now law.", "now", "DATE", "PRESENT_REF"),
    ("Young people of today read less.", "today", "DATE", "PRESENT_REF"),
    ("Prices are higher than today.", "today", "DATE", "PRESENT_REF"),
    ("Prices rose in recent years.", "recent years", "DURATION", "PXY"),
    ("It may change in the future.", "in the future", "DATE", "FUTURE_REF"),
    ("In 2020 a year of war began.", "a year", "DURATION", "P1Y"),
    ("In the past, Russia has often claimed otherwise.", "In the past", "DATE", "PAST_REF"),
    ("They fought for three years.", "three years", "DURATION", "P3Y"),
    ("It is a 10-year plan.", "10-year", "DURATION", "P10Y"),
    ("It signed a two-year contract.", "two-year", "DURATION", "P2Y"),
    ("The war lasted twenty-five years.", "twenty-five years", "DURATION", "P25Y"),
    ("Spending of 5% of GDP annually.", "annually", "SET", "P1Y"),
    ("They meet every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
    ("Elections are held twice a year.", "a year", "SET", "P1Y"),
    ("The ceasefire lasted 48 hours.", "48 hours", "DURATION", "PT48H"),
    ("It took several years.", "several years", "DURATION", "PXY"),
    ("The newsletter is published weekly.", "weekly", "SET", "P1W"),
    ("News Feed 7:52 AM Book wins prize.", "7:52 AM", "TIME", "2025-05-06T07:52"),
    ("Rome was founded in the 8th century BC.", "the 8th century BC", "DATE", "BC07"),
    ("Prices will rise in the coming months.", "in the coming months", "DURATION", "PXM"),
]

# (sentence, text that must not be read as any temporal expression).
NOT_DATES = [
    ("Violence has flared for the past three summers.", "the past"),
    ("The team won 2 1/2 games.", "2 1/2"),
    ("We hope that day will come.", "that day"),
    ("She was named woman of the year by the magazine.", "the year"),
    ("It was the year before the war.", "the year"),
    ("Lithuania to Spend $1.2BIn on Border", "$1.2BIn"),
    ("they could become future targets if Russia m1s1 victorious", "m1s1"),
    ("between 5% and 6% of GDP annually", "5% and 6%"),
    ("around 800 million euros of the total", "800 million"),
    ("Some two thousand people marched.", "two thousand"),
    ("Iraq imports about three-quarters of its food.", "three-quarters"),
    ("He is 45 years old.", "45 years"),
    ("The fall of Kabul shocked many.", "The fall"),
    ("The stock pays a dividend of $1.76 a year.", "a year"),
    ("Police guard the clinic 24 hours a day.", "a day"),
    ("Flights rise from four flights a week to daily.", "a week"),
    ("Unisys will save $500 million a year in costs.", "a year"),
    ("It cost nineteen hundred dollars.", "nineteen hundred"),
    ("approximately $1.2 billion over the next ten years", "$1.2 billion"),
    ("increase its defense spending to 5-6% of GDP", "5-6%"),
    ("800 million euros ($905 million) for mines", "$905 million"),
    ("a narrow 65-mile strip of land", "65-mile"),
    ("far exceeding NATO's 2% minimum requirement", "NATO's 2% minimum"),
    ("Russia may be preparing for a larger conflict", "may"),
    ("by Tim Zadorozhnyy May 6, 2025 9:48 AM 2 min read", "2 min read"),
    ("Ukraine has identified over 19,500 children", "19,500"),
    ("The army sent 2030 troops to the border.", "2030"),
    ("Under Article 2022 of the code, fines apply.", "2022"),
    ("Flight 1549 landed on the river.", "1549"),
    ("He scored 1500 points in the league.", "1500"),
    ("It costs $2,025 per seat.", "$2,025"),
    ("May God bless the union.", "May"),
    ("The March on Washington drew crowds.", "March"),
    ("She won the 2000 meters race.", "2000"),
    ("The Sunday Times reported it first.", "Sunday"),
    ("The contract was signed on February 30, 2025.", "February 30"),
    ("Form 32/13/2025 was rejected.", "32/13/2025"),
    ("Profits rose 2.5% to 2025 million.", "2025"),
    ("Population was 1,999 in the census.", "1,999"),
    ("an attack on one member constitutes an attack on all under by Article 5.", "Article 5"),
    ("Protesters march to the square.", "march"),
    ("Readers may want to subscribe.", "may"),
    ("Call 555-2025 for tickets.", "2025"),
    ("The 3:16 verse is famous.", "3:16"),
]

# Without a publication date: (sentence, expression, value); relative ones are unresolved.
UNDATED = [
    ("In January, Lithuania announced plans.", "January", "XXXX-01"),
    ("Lithuania said Monday that it will spend more.", "Monday", "XXXX-WXX-1"),
    ("On March 18, they declared.", "March 18", "XXXX-03-18"),
    ("Prices rose this year.", "this year", "XXXX"),
]


def _find(exprs: list[TemporalExpression], text: str) -> TemporalExpression:
    found = [e for e in exprs if e.text == text]
    assert found, f"{text!r} not found; got {[e.text for e in exprs]}"
    assert len(found) == 1
    return found[0]


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


@pytest.mark.parametrize(("sentence", "text", "value", "kind", "lo", "hi"), CASES, ids=[c[1] for c in CASES])
def test_placed(sentence: str, text: str, value: str, kind: str, lo: str, hi: str) -> None:
    e = _find(tag(sentence, REF), text)
    assert (e.value, e.kind, _iso(e.lo), _iso(e.hi)) == (value, kind, lo, hi)
    assert e.placed
    assert sentence[e.start:e.end] == e.text


@pytest.mark.parametrize(("sentence", "text", "type_", "value"), UNPLACED, ids=[c[1] for c in UNPLACED])
def test_typed_not_placed(sentence: str, text: str, type_: str, value: str) -> None:
    e = _find(tag(sentence, REF), text)
    assert (e.type, e.value) == (type_, value)
    assert not e.placed


@pytest.mark.parametrize(("sentence", "trap"), NOT_DATES, ids=[c[1] for c in NOT_DATES])
def test_not_a_date(sentence: str, trap: str) -> None:
    at = sentence.index(trap)
    overlapping = [e for e in tag(sentence, REF) if e.start < at + len(trap) and at < e.end]
    assert overlapping == []


@pytest.mark.parametrize(("sentence", "text", "value"), UNDATED, ids=[c[1] for c in UNDATED])
def test_relative_dates_stay_unresolved_without_a_publication_date(sentence: str, text: str, value: str) -> None:
    e = _find(tag(sentence, None), text)
    assert e.value == value
    assert (e.lo, e.hi, e.placed, e.unresolved) == (None, None, False, True)


def test_absolute_dates_need_no_publication_date() -> None:
    e = _find(tag("Spending rises from 2026 to 2030.", None), "from 2026 to 2030")
    assert (e.placed, _iso(e.lo), _iso(e.hi)) == (True, "2026-01-01", "2030-12-31")


def test_day_first_setting_reads_numeric_dates_the_european_way() -> None:
    from timeline_app.core.settings import Settings

    e = _find(tag("Due 05/06/2025.", REF, Settings(day_first=True)), "05/06/2025")
    assert e.value == "2025-06-05"


def test_timeml_parts_of_a_range_are_its_two_dates() -> None:
    e = _find(tag("It runs from 2026 to 2030.", REF), "from 2026 to 2030")
    assert [(t.text, t.value) for t in e.timexes] == [("2026", "2026"), ("2030", "2030")]


def test_timeml_part_of_an_anchored_duration_leaves_out_the_preposition() -> None:
    e = _find(tag("It will invest over the next decade.", REF), "over the next decade")
    assert [(t.text, t.type, t.value) for t in e.timexes] == [("the next decade", "DURATION", "P10Y")]


def test_expressions_are_ordered_and_do_not_overlap() -> None:
    text = "On March 18, 2025 and again from 2026 to 2030, by 2031, last week and in January."
    exprs = tag(text, REF)
    assert [e.start for e in exprs] == sorted(e.start for e in exprs)
    assert all(a.end <= b.start for a, b in zip(exprs, exprs[1:]))


def test_case_count() -> None:
    """The tables above hold at least 80 cases, non-dates included."""
    assert len(CASES) + len(UNPLACED) + len(NOT_DATES) + len(UNDATED) >= 80


# News of another decade and other desks (a Friday in March 2013): the value TimeML gives, or None
# where nothing may be read as a date.
NEWS_2013 = [
    ("The last surviving member of the team which first conquered Everest in 1953 has died.", "1953", "1953"),
    ("He died on Thursday at the age of 86.", "Thursday", "2013-03-21"),
    ("The summit was held on 21 March.", "21 March", "2013-03-21"),
    ("Talks are due to resume on Monday 25 March.", "Monday 25 March", "2013-03-25"),
    ("The bank will stay closed until Tuesday.", "Tuesday", "2013-03-26"),
    ("The deadline is midnight on Monday.", "midnight on Monday", "2013-03-25T24:00"),
    ("Cyprus must raise 5.8bn euros by Monday.", "Monday", "2013-03-25"),
    ("Growth slowed in the fourth quarter of 2012.", "the fourth quarter of 2012", "2012-Q4"),
    ("Sales rose 5% in February from a year earlier.", "February", "2013-02"),
    ("He served from 2007 to 2012.", "from 2007 to 2012", "2007/2012"),
    ("The law was passed in the 1990s.", "the 1990s", "199"),
    ("Unemployment has risen over the past five years.", "the past five years", "P5Y"),
    ("The vote took place last weekend.", "last weekend", "2013-W11-WE"),
    ("The government will decide this weekend.", "this weekend", "2013-W12-WE"),
    ("Parliament voted late on Tuesday.", "late on Tuesday", "2013-03-19"),
    ("The ship sank in the early hours of Saturday.", "Saturday", "2013-03-16"),
    ("She was elected in 2009 and re-elected in 2013.", "2009", "2009"),
    ("The program ran during 2009-2010.", "2009-2010", "2009/2010"),
    ("The two-day summit ends tomorrow.", "tomorrow", "2013-03-23"),
    ("The firm was founded 20 years ago.", "20 years ago", "1993"),
    ("Earlier this month, the bank cut rates.", "Earlier this month", "2013-03"),
    ("The talks will continue next week.", "next week", "2013-W13"),
    ("Elections are due next year.", "next year", "2014"),
    ("Late last year, the economy shrank.", "Late last year", "2012"),
    ("Output fell for a second consecutive month in February.", "February", "2013-02"),
    ("The pope was elected on 13 March 2013.", "13 March 2013", "2013-03-13"),
    ("Markets opened at 9:30 a.m. on Friday.", "9:30 a.m. on Friday", "2013-03-22T09:30"),
    ("The ceasefire has held since mid-January.", "mid-January", "2013-01"),
    ("China has grown fast over the last three decades.", "the last three decades", "P30Y"),
    ("The bill could pass as early as next month.", "next month", "2013-04"),
    ("The Senate has been in session for weeks.", "weeks", "PXW"),
    ("The 2008 financial crisis hit hard.", "2008", "2008"),
    ("In the 20th century, wars were common.", "the 20th century", "19"),
    ("The company reported results for 2012 on Wednesday.", "Wednesday", "2013-03-20"),
    ("Shares have fallen by a third since January.", "January", "2013-01"),
    ("Sarkozy was president from 2007 until 2012.", "from 2007 until 2012", "2007/2012"),
    ("The women senators met for dinner once a month.", "once a month", "P1M"),
    ("The talks ended on Friday 22 March 2013.", "Friday 22 March 2013", "2013-03-22"),
    ("The form was dated 22/03/2013.", "22/03/2013", "2013-03-22"),
    ("The vote is on March 25th.", "March 25th", "2013-03-25"),
    ("Profits rose in Q4 2012.", "Q4 2012", "2012-Q4"),
    ("Profits rose in the three months to February.", "February", "2013-02"),
    ("Sales fell in the year to March.", "March", "2013-03"),
    ("Prices have risen since the start of the year.", "the start of the year", "2013"),
    ("The rules apply from next month.", "next month", "2013-04"),
    ("A decision is expected within 24 hours.", "24 hours", "PT24H"),
    ("Fighting continued over the weekend.", "the weekend", "2013-W11-WE"),
    ("Inflation was 2% over the past 12 months.", "the past 12 months", "P12M"),
    ("He said so this morning.", "this morning", "2013-03-22TMO"),
    ("Rioting broke out last night.", "last night", "2013-03-21TNI"),
    ("The strike starts at 4pm GMT.", "4pm GMT", "2013-03-22T16:00Z"),  # in UTC: Z, as ISO 8601 writes it
    ("The market closed at 16:00 GMT.", "16:00 GMT", "2013-03-22T16:00Z"),
    ("A man in his 70s was hurt.", "70s", None),
    ("It was the worst attack since the 9/11 attacks.", "9/11", None),
    ("Boeing grounded its 787 fleet.", "787", None),
    ("Leaders of the G20 met.", "G20", None),
    ("He died at 86.", "86", None),
    ("The 2013 budget was passed.", "2013", "2013"),
    ("In the 2012-13 financial year, debt rose.", "2012-13", "2012/2013"),
    ("He was born in the 1920s.", "the 1920s", "192"),
    ("Unemployment hit a record in January, then fell in February and March.", "January", "2013-01"),
    ("The bank will reopen on Tuesday, officials said.", "Tuesday", "2013-03-26"),
    ("The bank reopened on Tuesday, officials said.", "Tuesday", "2013-03-19"),
    ("The ministers meet on Sunday to decide.", "Sunday", "2013-03-24"),
    ("The deal must be signed by the end of the month.", "the end of the month", "2013-03"),
    ("The rescue was agreed early on Monday.", "early on Monday", "2013-03-18"),
    ("Two years earlier, in 2011, the firm collapsed.", "2011", "2011"),
    ("The ban lasts until 2020.", "until 2020", "2020"),
    ("The country has been in recession for five years.", "five years", "P5Y"),
    ("The new rules take effect on 1 April.", "1 April", "2013-04-01"),
    ("Exports fell 3% in January compared with December.", "December", "2012-12"),
    ("The parliament rejected the levy on Tuesday night.", "Tuesday night", "2013-03-19TNI"),
    ("The coalition was formed in May 2010.", "May 2010", "2010-05"),
    ("The spring of 2011 brought protests.", "The spring of 2011", "2011-SP"),
    ("The company will report next Thursday.", "next Thursday", "2013-03-28"),
    ("Two weeks ago, the bank failed.", "Two weeks ago", "2013-W10"),
]


# Tense in today's news (a Friday in June 2024): scheduled events, clauses, British day ranges.
NEWS_2024 = [
    ("The central bank raised rates in March.", "March", "2024-03"),
    ("The central bank is expected to cut rates in September.", "September", "2024-09"),
    ("The election will be held on November 5.", "November 5", "2024-11-05"),
    ("Voters went to the polls on Sunday.", "Sunday", "2024-06-09"),
    ("The summit, which begins on Monday, will focus on trade.", "Monday", "2024-06-17"),
    ("The company, which was founded in 1998, employs 500 people.", "1998", "1998"),
    ("Prices have doubled since last summer.", "last summer", "2023-SU"),
    ("The heatwave is forecast to peak on Wednesday.", "Wednesday", "2024-06-19"),
    ("The trial is set to begin in January.", "January", "2025-01"),
    ("The law, passed in December, takes effect in July.", "December", "2023-12"),
    ("The law, passed in December, takes effect in July.", "July", "2024-07"),
    ("Inflation fell to 2.4% in May, data showed on Tuesday.", "May", "2024-05"),
    ("Inflation fell to 2.4% in May, data showed on Tuesday.", "Tuesday", "2024-06-11"),
    ("The strike, which started on 3 June, is the longest in a decade.", "3 June", "2024-06-03"),
    ("Officials said on Thursday that talks would resume next month.", "Thursday", "2024-06-13"),
    ("Officials said on Thursday that talks would resume next month.", "next month", "2024-07"),
    ("He will step down at the end of the year.", "the end of the year", "2024"),
    ("The plant closed in 2019 and reopened two years later.", "two years later", "2021"),
    ("Since January, more than 2,000 people have crossed the border.", "January", "2024-01"),
    ("A ceasefire agreed in April collapsed in May.", "April", "2024-04"),
    ("Results are due on August 1.", "August 1", "2024-08-01"),
    ("Sales rose 4% in the first quarter.", "the first quarter", "2024-Q1"),
    ("The museum reopens in October after a two-year renovation.", "October", "2024-10"),
    ("The museum reopened in October after a two-year renovation.", "October", "2023-10"),
    ("The minister resigned on Friday.", "Friday", "2024-06-14"),
    ("The minister will resign on Friday.", "Friday", "2024-06-14"),
    ("Negotiators worked through the night on Tuesday.", "Tuesday", "2024-06-11"),
    ("The festival runs from 20 to 23 June.", "from 20 to 23 June", "2024-06-20/2024-06-23"),
    ("The festival ran from 20 to 23 June.", "from 20 to 23 June", "2023-06-20/2023-06-23"),
    ("By 2030, half of all cars sold must be electric.", "By 2030", "2030"),
    ("Last month, the government announced new measures.", "Last month", "2024-05"),
    ("The report, published in February, found flaws.", "February", "2024-02"),
    ("Shares closed higher on Wednesday after the announcement.", "Wednesday", "2024-06-12"),
    ("The findings will be presented at a conference in December.", "December", "2024-12"),
    ("Police arrested two men in connection with the attack on Saturday.", "Saturday", "2024-06-08"),
    ("Production is due to start in late 2025.", "late 2025", "2025"),
    ("The team has not won since 2016.", "2016", "2016"),
    ("The deal was first announced in November last year.", "November last year", "2023-11"),
    ("The talks lasted 12 hours.", "12 hours", "PT12H"),
    ("He was jailed for 18 months.", "18 months", "P18M"),
    ("The company has grown for three consecutive quarters.", "three consecutive quarters", "P9M"),
    ("Flights run twice a week.", "twice a week", "P1W"),
    ("The board meets every two weeks.", "every two weeks", "P2W"),
    ("The explosion happened at 3:15 p.m. local time.", "3:15 p.m.", "2024-06-14T15:15"),
    ("Trading was halted for 45 minutes.", "45 minutes", "PT45M"),
    ("The ban was lifted after a decade.", "a decade", "P10Y"),
    ("Fighting has raged for more than two years.", "more than two years", "P2Y"),
    ("The three-day summit opened on Thursday.", "three-day", "P3D"),
    ("She served a five-year term.", "five-year", "P5Y"),
    ("The pandemic began in early 2020.", "early 2020", "2020"),
    ("Prices peaked in mid-2022.", "mid-2022", "2022"),
    ("The war ended in the spring of 1945.", "the spring of 1945", "1945-SP"),
    ("Growth was strongest in the second half of the year.", "the second half of the year", "2024-H2"),
    ("Unemployment fell in each of the past six months.", "the past six months", "P6M"),
    ("The factory will be built over the next three years.", "the next three years", "P3Y"),
    ("The 1990s saw rapid growth.", "The 1990s", "199"),
    ("In the early 2000s, few people had smartphones.", "the early 2000s", "200"),
    ("At midnight on December 31, the law expires.", "midnight on December 31", "2024-12-31T24:00"),
    ("The storm hit the coast overnight.", "overnight", None),
    ("A 30-year-old man was arrested.", "30-year-old", None),
    ("The 24-hour strike began at dawn.", "24-hour", "PT24H"),
    ("The deadline was extended by two weeks.", "two weeks", "P2W"),
    ("Exports rose 3% year on year.", "year on year", None),
    ("The figure was the highest since records began in 1910.", "1910", "1910"),
    ("The airline carried 2 million passengers last year.", "last year", "2023"),
    ("Output has fallen for 18 consecutive months.", "18 consecutive months", "P18M"),
    ("He was born on 4 July 1950.", "4 July 1950", "1950-07-04"),
]

NEWS = [(date(2013, 3, 22), *c) for c in NEWS_2013] + [(date(2024, 6, 14), *c) for c in NEWS_2024]


@pytest.mark.parametrize(("published", "sentence", "text", "value"), NEWS, ids=[c[2] for c in NEWS])
def test_news_of_another_decade(published: date, sentence: str, text: str, value: str | None) -> None:
    found = [e for e in tag(sentence, published) if e.text.lower() in text.lower()
             or text.lower() in e.text.lower()]
    if value is None:
        assert found == []
    else:
        assert value in [e.value for e in found], [(e.text, e.value) for e in found]


@pytest.mark.parametrize(("rule", "table"), [
    ("vague", "vague"), ("set", "sets"), ("bounded", "bound_cues"), ("day_word", "day_words"),
    ("duration", "units"), ("anchored_duration", "units"), ("over_duration", "units"), ("relative_weekday", "weekdays"),
])
def test_every_phrase_of_a_table_passes_its_rule_prefilter(rule: str, table: str) -> None:
    """A rule runs only on text holding one of its ``requires`` words: each phrase of its table holds one."""
    from timeline_app.core.tagger.lexicon import english, read_data

    requires = next(r for r in english().rules if r.name == rule).requires
    data = read_data()[table]
    phrases = [w for unit in data.values() for w in unit["words"]] if table == "units" else list(data)
    for phrase in phrases:
        assert any(word in phrase.lower() for word in requires), phrase


def test_every_holiday_passes_its_rule_prefilter_and_has_a_valid_rule() -> None:
    from timeline_app.core.tagger import holiday_date
    from timeline_app.core.tagger.lexicon import english, read_data

    requires = next(r for r in english().rules if r.name == "holiday").requires
    for name, spec in read_data()["holidays"].items():
        assert any(word in name.lower() for word in requires), name
        assert all(holiday_date(spec, year).year == year for year in (1999, 2024, 2025)), name


# Narrative: a history or a background story, far from its reference date, gives year-less dates
# the year it last stated; news keeps reading them from the publication date.
# (reference date, text, expression, expected value)
NARRATIVE = [
    (date(2009, 6, 1), "Italy entered the war in 1940. Germany had invaded France in May 1940. "
                       "On June 10, Italy declared war on France.", "June 10", "1940-06-10"),
    (date(2009, 6, 1), "The offensive opened in 1918 after a winter of waiting. By 1918 the armies were "
                       "exhausted. In September, the line broke.", "September", "1918-09"),
    (date(2009, 6, 1), "The revolution began in 1917 in Petrograd. In 1917 the tsar abdicated, and in "
                       "the spring, the provisional government fell apart.", "the spring", "1917-SP"),
    # news: it dates itself from its own day ("on Monday"), so a bare month is near the publication date
    (date(2025, 5, 6), "Russia annexed Crimea in 2014 and invaded in 2022. On Monday, officials said talks "
                       "would resume in June.", "June", "2025-06"),
    # the story's year is that of the last date it told, years before 1800 too ...
    (date(2009, 12, 19), "Cornwallis won in 1780. In March 1781, Washington sent Lafayette to Virginia, and in "
                         "April, a British force raided the coast.", "April", "1781-04"),
    # ... but not a year it looks ahead to
    (date(2009, 12, 19), "On 10 March 1975, Dung launched Campaign 275. The road would be exposed for a planned "
                         "campaign in 1976. The ARVN forces collapsed on 11 March.", "11 March", "1975-03-11"),
    # a bound moves the story too
    (date(2009, 12, 19), "The siege began in 1917 and went on through 1918. In winter, the lines froze.",
     "winter", "1918-WI"),
    # and before the common era
    (date(2009, 12, 19), "Darius died in 486 BC. Xerxes crossed into Europe in 480 BC. In September, the "
                         "Persians burnt Athens.",
     "September", "BC0480-09"),
    (date(2009, 12, 19), "Darius sent heralds in 491 BC. The following year, his fleet sailed.",
     "The following year", "BC0490"),
    # a year in the lead of news: still the publication date's March
    (date(2025, 5, 6), "Since 2025 began, Lithuania has said much. In March, it left the treaty.", "March", "2025-03"),
]


@pytest.mark.parametrize(("ref", "text", "expression", "value"), NARRATIVE, ids=[c[2] for c in NARRATIVE])
def test_year_less_dates_of_a_narrative_take_the_story_s_year(ref: date, text: str, expression: str,
                                                              value: str) -> None:
    found = {e.text: e.value for e in tag(text, ref)}
    assert found[expression] == value


# Historical dates: eras, and years before 1800 that brackets or an article make years.
HISTORICAL = [
    ("Darius invaded Greece in 490 BC.", "490 BC", "BC0490"),
    ("The war began in 264 B.C. in Sicily.", "264 B.C.", "BC0264"),
    ("Rome fell in AD 476.", "AD 476", "0476"),
    ("The 1777 campaign ended at Saratoga.", "1777", "1777"),
    ("The treaty (1789) held for a while.", "1789", "1789"),
    ("The Persian army crossed into Europe in April 480 BC.", "April 480 BC", "BC0480-04"),
    ("The allies met again in the spring of 480 BC.", "the spring of 480 BC", "BC0480-SP"),
]


@pytest.mark.parametrize(("sentence", "text", "value"), HISTORICAL, ids=[c[1] for c in HISTORICAL])
def test_historical_dates(sentence: str, text: str, value: str) -> None:
    found = {e.text: e.value for e in tag(sentence, date(2009, 6, 1))}
    assert found.get(text) == value, found


# Times and parts of the day without a date: on the day the text is written (a post: "the
# morning"), on the story's last day ("the next morning"), or on no known day in a history.
TIMES_OF_DAY = [
    (date(2014, 8, 10), "Woke up early in the morning, so tired.", "the morning", "2014-08-10TMO"),
    (date(2014, 8, 10), "What a late night at the office.", "a late night", "2014-08-10TNI"),
    (date(2014, 8, 10), "Out till midnight again.", "midnight", "2014-08-10T24:00"),
    (date(2014, 8, 10), "Train leaves at 9:30 sharp.", "9:30", "2014-08-10T09:30"),
    (date(2014, 8, 10), "The alarm went off at 1:35:10.", "1:35:10", "2014-08-10T01:35:10"),
    (date(2014, 8, 10), "Dinner at 430pm and drinks at 1130pm.", "1130pm", "2014-08-10T23:30"),
    (date(2014, 8, 10), "Meet at 7.30am.", "7.30am", "2014-08-10T07:30"),
    (date(2014, 8, 10), "They marched until 03:00hrs.", "03:00hrs", "2014-08-10T03:00"),
    (date(2000, 4, 5), "He will leave at 4 in the morning.", "4 in the morning", "2000-04-05T04:00"),
    (date(2000, 2, 24), "He fled on Feb. 22 and appeared in court the next morning.", "the next morning",
     "2000-02-23TMO"),
    (date(2009, 12, 19), "On the night of April 18, 1775, Gage sent 700 men.", "the night of April 18, 1775",
     "1775-04-18TNI"),
    (date(2009, 12, 19), "Napoleon won in 1805 and lost in 1815. His men attacked at night.", "night",
     "XXXX-XX-XXTNI"),
]


@pytest.mark.parametrize(("ref", "text", "expression", "value"), TIMES_OF_DAY, ids=[c[2] for c in TIMES_OF_DAY])
def test_times_and_parts_of_the_day(ref: date, text: str, expression: str, value: str) -> None:
    found = {e.text: e.value for e in tag(text, ref)}
    assert found.get(expression) == value, found


# What people write in a hurry: lower-case weekdays, short forms, clipped units.
INFORMAL = [
    ("see you friday!", "friday", "2014-08-08"),
    ("party this sat", "this sat", "2014-08-09"),
    ("cya next fri", "next fri", "2014-08-15"),
    ("exam tmr, so stressed", "tmr", "2014-08-11"),
    ("so tired tdy", "tdy", "2014-08-10"),
    ("movie tonite", "tonite", "2014-08-10TNI"),
    ("will be home for xmas", "xmas", "2014-12-25"),
    ("ran for 1hr", "1hr", "PT1H"),
    ("only 3 mins left", "3 mins", "PT3M"),
    ("slept 12hrs", "12hrs", "PT12H"),
    ("every mon we train", "every mon", "XXXX-WXX-1"),
    ("doors open 4pm tmr", "4pm tmr", "2014-08-11T16:00"),
    ("finals this Sat,7pm at the theatre", "this Sat,7pm", "2014-08-09T19:00"),
    ("I swear every morning", "every morning", "XXXX-XX-XXTMO"),
    ("Monday mornings are the worst", "Monday mornings", "XXXX-WXX-1TMO"),
    ("so much fun last nite", "last nite", "2014-08-09TNI"),
    ("my paper on Mon and tues only", "Mon", "2014-08-04"),
    ("every mon, wed, thur got parade", "wed", "XXXX-WXX-3"),
    ("the sun sat low", "sat", None),
    # a post looks ahead: a year-less date with no tense cue is the next one
    ("away from 17th May to 17th June", "17th May", "2015-05-17"),
    ("Spring colors in store now", "Spring", "2015-SP"),
    ("what is my future?", "future", "FUTURE_REF"),
    # written on a Sunday: the weekend under way
    ("long weekend, finally!", "weekend", "2014-W32-WE"),
]


@pytest.mark.parametrize(("text", "expression", "value"), INFORMAL, ids=[c[1] for c in INFORMAL])
def test_informal_forms(text: str, expression: str, value: str | None) -> None:
    found = {e.text: e.value for e in tag(text, date(2014, 8, 10))}
    assert found.get(expression) == value, found


@pytest.mark.parametrize(("sentence", "trap"), [
    ("Read John 3:16 again.", "3:16"),
    ("The morning show had a guest.", "morning"),
    ("Good night, everyone.", "night"),
    ("Rooms cost $35 a night.", "night"),
    ("by Tim Zadorozhnyy May 6, 2025 9:48 AM 2 min read", "2 min read"),
    ("It was a second attack on the town.", "a second"),
], ids=lambda c: c if isinstance(c, str) and len(c) < 12 else None)
def test_not_a_time(sentence: str, trap: str) -> None:
    at = sentence.index(trap)
    assert [e.text for e in tag(sentence, date(2014, 8, 10)) if e.start < at + len(trap) and at < e.end] == []


# A unit word with no count: in a short post, the time written about; in an article, no time of
# its own (it heads a longer phrase: "the first day of the war", "his day in court").
@pytest.mark.parametrize(("text", "expression", "value"), [
    ("what a long day at work", "day", "P1D"),
    ("crazy week of school", "week", None),  # "week of ...": the head of a longer phrase
    ("waited hours for the bus", "hours", "PTXH"),
    ("happy weekends with family!", "weekends", "XXXX-WE"),
    ("had a great weekend staycation!", "weekend", "2014-W32-WE"),
    ("posting my shots over the week", "the week", "2014-W32"),
    ("It was the second day of the offensive.", "day", None),
    ("Rooms cost $35 a day.", "day", None),
    ("It was International Women's Day.", "Day", None),
    ("A recent SEC filing.", "SEC", None),
])
def test_a_unit_with_no_count_in_a_post(text: str, expression: str, value: str | None) -> None:
    found = {e.text: e.value for e in tag(text, date(2014, 8, 10))}
    assert found.get(expression) == value, found


def test_a_unit_with_no_count_in_an_article_is_no_time() -> None:
    article = "What a long day it was for the committee. " * 12
    assert [e.text for e in tag(article, date(2014, 8, 10))] == []


# Compact lists: each listed day is a date of the month named first.
@pytest.mark.parametrize(("text", "listed"), [
    ("Classes on May 9, 10, 16 & 17.", {"May 9": "2025-05-09", "10": "2025-05-10", "16": "2025-05-16",
                                        "17": "2025-05-17"}),
    ("Open May 2 - 3, 9 - 10.", {"9": "2025-05-09", "10": "2025-05-10"}),
    ("Voting is on March 3, 4 and 5.", {"March 3": "2025-03-03", "4": "2025-03-04", "5": "2025-03-05"}),
])
def test_listed_days(text: str, listed: dict[str, str]) -> None:
    found = {e.text: e.value for e in tag(text, date(2025, 2, 1))}
    assert {k: found.get(k) for k in listed} == listed, found


def test_a_count_after_a_date_is_no_listed_day() -> None:
    assert [e.text for e in tag("On May 9, 10 people were hurt.", date(2025, 6, 1))] == ["May 9"]


# Durations with no calendar word before them: decimals, "N+", ranges of counts (the first count
# is a duration of its own).
@pytest.mark.parametrize(("text", "timexes"), [
    ("It took 2.5 hours.", [("2.5 hours", "PT2.5H")]),
    ("after 4+ hours of queuing", [("4+ hours", "PTXH")]),
    ("I spend 10-12 hours a day here", [("10", "PT10H"), ("12 hours", "PT12H")]),
    ("The phase lasts between 12 and 18 months.", [("12", "P12M"), ("18 months", "P18M")]),
    ("The war lasted twenty-five years.", [("twenty-five years", "P25Y")]),
])
def test_durations_of_counts(text: str, timexes: list[tuple[str, str]]) -> None:
    found = [(t.text, t.value) for e in tag(text, date(2015, 4, 14)) for t in e.timexes]
    assert found == timexes


def test_a_post_s_weekend_is_the_next_one() -> None:
    found = {e.text: e.value for e in tag("long weekend ahead!", date(2014, 8, 13))}  # a Wednesday
    assert found == {"weekend": "2014-W33-WE"}


# Compact ranges, brackets and colons, apostrophe years, word centuries, named days.
@pytest.mark.parametrize(("text", "expression", "value"), [
    ("Tension grew in 1913. In 1914 war came. The siege lasted 14 August-24 August.", "14 August-24 August",
     "1914-08-14/1914-08-24"),
    ("Fighting went on 31 May-1 June 1916.", "31 May-1 June 1916", "1916-05-31/1916-06-01"),
    ("He served March 1980-April 1985.", "March 1980-April 1985", "1980-03/1985-04"),
    ("The rule (1976-1990) ended.", "1976-1990", "1976/1990"),
    ("In 1919: troops of the Red Army came.", "1919", "1919"),
    ("Unrest grew in 1895. In 1898 the war began. In '99 it ended.", "'99", "1899"),
    ("As late as 1781 they fought on.", "1781", "1781"),
    ("An eighteenth-century house.", "eighteenth-century", "17"),
    ("Black Friday sales were strong.", "Black Friday", "2024-11-29"),
    ("The Ionian Revolt (499-493 BC) failed.", "499-493 BC", "BC0499/BC0493"),
    ("He recalled that January day in 2011.", "January day in 2011", "2011-01"),
    ("It rained a whole day.", "a whole day", "P1D"),
    ("She finished the race in 3:07:35.", "3:07:35", "PT3H7M35S"),
])
def test_compact_and_historical_forms(text: str, expression: str, value: str) -> None:
    found = {e.text: e.value for e in tag(text, date(2024, 12, 10))}
    assert found.get(expression) == value, found


def test_a_history_s_year_and_season_offensives_are_the_story_s() -> None:
    text = ("The war began in March 2003, after the build-up of 2002. Baghdad fell in April 2003 and Saddam was "
            "caught in December 2003. Fighting grew in April 2004, and Fallujah fell in November 2004, after the "
            "failed assault of May 2004 and the truce of June 2004. At the end of the year the abuse scandal "
            "broke. The Iraq Spring Fighting of 2004 had passed, and troops entered winter quarters.")
    found = {e.text: e.value for e in tag(text, date(2009, 12, 19))}
    assert found["the end of the year"] == "2004" and found["winter"] == "2004-WI"
