"""English: the summary of lots-ärenden (periods, sentences, labels, chart). Placeholders in {braces}."""

MESSAGES: dict[str, str] = {
    "help.sammanfattning": "Posts the group's case summary in the channel: `/lokus sammanfattning [period]`, e.g. "
    "*i år*, *förra året*, *hösten 2026*, *senaste 90 dagarna* or *från 2026-01-01 till "
    "2026-06-30*; add *enheter* to split by unit. The association: `/lokus sammanfattning "
    "alla`. Privately in a DM: *sammanfattning Heby*. The group's protection of small "
    "numbers and automatic summary: `/lokus sammanfattning inställningar`.",
    # Periods
    "summary.period.this_year": "this year ({year})",
    "summary.period.last_year": "last year ({year})",
    "summary.period.year": "the year {year}",
    "summary.period.spring": "spring {year} (the spring term, January–June)",
    "summary.period.autumn": "autumn {year} (the autumn term, August–December)",
    "summary.period.month": "{month} {year}",
    "summary.period.this_month": "this month",
    "summary.period.last_month": "last month",
    "summary.period.last_days": "the last {count} days",
    "summary.period.last_days_one": "the last day",
    "summary.period.last_weeks": "the last {count} weeks",
    "summary.period.last_weeks_one": "the last week",
    "summary.period.last_months": "the last {count} months",
    "summary.period.last_months_one": "the last month",
    "summary.period.last_years": "the last {count} years",
    "summary.period.last_years_one": "the last year",
    "summary.period.since": "since {date}",
    "summary.period.since_meeting": "since the previous meeting ({date})",
    "summary.period.range": "chosen period",
    "summary.period.previous": "the period before",
    "summary.period.year_before": "the same period a year earlier",
    "summary.period_unknown": "I did not understand the period “{given}”. Write for example *i år*, *förra "
    "året*, *2025*, *hösten 2026*, *våren 2027*, *oktober*, *senaste 90 dagarna* or "
    "*från 2026-01-01 till 2026-06-30*.",
    "summary.period_reversed": "The period ends on {end}, before it starts ({start}). Write the first day first.",
    "summary.period_future": "The period starts on {start}, which has not come yet. Choose a period that has started.",
    "summary.month.1": "January",
    "summary.month.2": "February",
    "summary.month.3": "March",
    "summary.month.4": "April",
    "summary.month.5": "May",
    "summary.month.6": "June",
    "summary.month.7": "July",
    "summary.month.8": "August",
    "summary.month.9": "September",
    "summary.month.10": "October",
    "summary.month.11": "November",
    "summary.month.12": "December",
    "summary.month_short.1": "Jan",
    "summary.month_short.2": "Feb",
    "summary.month_short.3": "Mar",
    "summary.month_short.4": "Apr",
    "summary.month_short.5": "May",
    "summary.month_short.6": "Jun",
    "summary.month_short.7": "Jul",
    "summary.month_short.8": "Aug",
    "summary.month_short.9": "Sep",
    "summary.month_short.10": "Oct",
    "summary.month_short.11": "Nov",
    "summary.month_short.12": "Dec",
    # Title and lead
    "summary.title": "Cases – {group}",
    "summary.title_all": "Cases – all groups",
    "summary.period_note": "Period: {label}, {start} – {end}. Compared with {comparison}: "
    "{previous_start} – {previous_end}.",
    "summary.compared.year": "the same period a year earlier",
    "summary.compared.previous": "the period of the same length just before",
    "summary.lead": "*{raised}* {raised|case was|cases were} raised in the period.",
    "summary.lead_none": "No cases were raised in the period.",
    "summary.lead_small": "*Fewer than {threshold}* cases were raised in the period. So few cases are not split "
    "up here, so that nobody can be singled out.",
    "summary.open_label": "Still open",
    "summary.previous_label.year": "The same period a year earlier",
    "summary.previous_label.previous": "The period before",
    "summary.change_label": "Change",
    "summary.change_up": "{difference} more ({percent} increase)",
    "summary.change_down": "{difference} fewer ({percent} decrease)",
    "summary.change_none": "the same number",
    "summary.change_from_none": "{difference} more (none to compare with)",
    # Numbers
    "summary.fewer_than": "fewer than {threshold}",
    "summary.protected": "protected",
    "summary.count_share": "{count} ({percent})",
    "summary.percent_below_one": "under {percent}",
    "summary.percent_above_99": "over {percent}",
    "summary.share_item": "{percent} {label} ({count})",
    "summary.count_item": "{count} {label}",
    "summary.small_item": "fewer than {threshold} {label}",
    "summary.hidden_item": "a protected number of {label}",
    # Gender
    "summary.gender.kvinna": "women",
    "summary.gender.man": "men",
    "summary.gender.annat": "of another gender",
    "summary.gender": "*Gender:* Gender is documented in {documented} of {raised} cases. Of these {documented}, "
    "{items}.",
    "summary.gender_none": "*Gender:* Gender is not documented in any of the cases.",
    "summary.gender_protected": "*Gender:* The split by gender is not shown here, as the numbers are so small that "
    "individuals could be singled out.",
    # Extra resource
    "summary.referred": "*Extra resource:* {count} {count|person was|people were} referred to the extra resource "
    "({percent} of the "
    "cases).",
    "summary.referred_none": "*Extra resource:* Nobody was referred to the extra resource in the period.",
    "summary.referred_small": "*Extra resource:* Fewer than {threshold} people were referred to the extra resource.",
    "summary.referred_protected": "*Extra resource:* How many were referred to the extra resource is not shown "
    "here, so that nobody can be singled out.",
    "summary.referred_gender_all": "Of these, {items}.",
    "summary.referred_gender": "Of {documented} with gender documented, {items}.",
    "summary.referred_gender_none": "Gender is not documented for any of them.",
    "summary.referred_gender_protected": "The split by gender is not shown, as the numbers are too small.",
    # Parties and units
    "summary.parties_title": "*By the party that raised the case* (share of {raised})",
    "summary.parties_title_plain": "*By the party that raised the case*",
    "summary.parties_protected": "*By party:* The split is not shown here, as the numbers are too small.",
    "summary.unit_line": "• {unit}: {count}",
    "summary.unit_none": "no unit given",
    "summary.units_protected": "• the split by unit is not shown (numbers too small)",
    # Age
    "summary.ages_title": "*Age* (share of {known} with a known age)",
    "summary.ages_title_plain": "*Age*",
    "summary.ages_protected": "*Age:* The split is not shown here, as the numbers are too small.",
    "summary.age.16-29": "16–29 (the association's priority group)",
    "summary.age.30-39": "30–39",
    "summary.age.40-49": "40–49",
    "summary.age.50-64": "50–64",
    "summary.age.65+": "65 and older",
    "summary.age.okant": "Age unknown",
    # Target groups
    "summary.targets_title": "*Target groups*, most frequent first (a case can be in several; share of {raised} cases)",
    "summary.targets_title_plain": "*Target groups*, most frequent first",
    "summary.targets_none": "*Target groups:* none given in the period.",
    # What failed
    "summary.failures_title": "*What failed in the cooperation*, most frequent first (a case can have several; "
    "share of {raised} cases)",
    "summary.failures_title_plain": "*What failed in the cooperation*, most frequent first",
    "summary.failures_none": "*What failed:* nothing given in the period.",
    # Closed
    "summary.closed": "*Closed:* {count} {count|case was|cases were} closed in the period.",
    "summary.closed_none": "*Closed:* No cases were closed in the period.",
    "summary.closed_small": "*Closed:* Fewer than {threshold} cases were closed in the period.",
    "summary.closed_protected": "*Closed:* How the closed cases ended is not shown here, as the numbers are too small.",
    "summary.work_share": "{percent} went on to work or studies ({count} of {closed}); the national average the "
    "association compares with is {national}.",
    "summary.work_protected": "The share that went on to work or studies is not shown, as the numbers are too "
    "small (the national average is {national}).",
    # All groups
    "summary.groups_title": "*By group*",
    "summary.group_line": "cases: {raised} · open: {open} · to the extra resource: {referred}",
    # Notes
    "summary.note_protected": "Numbers under {threshold} are shown as “fewer than {threshold}”, and numbers that "
    "would let someone work them out are shown as “protected”. Percentages are only "
    "given for numbers that are shown, of the cases where the answer is known.",
    "summary.note_exact": "Exact numbers, for you only – do not pass them on. In the channel, numbers under "
    "{threshold} are shown as “fewer than {threshold}”.",
    "summary.note_chart": "A chart of cases by party and gender and by month is attached.",
    # Chart
    "summary.chart.file_title": "Chart: {title}",
    "summary.chart.parties_title": "Cases by party and gender",
    "summary.chart.months_title": "Cases by month",
    "summary.chart.months_protected": "The split by month is not shown (numbers too small).",
    "summary.chart.cases": "Number of cases",
    "summary.chart.protected": "protected",
    "summary.chart.fewer_than": "<{threshold}",
    "summary.chart.parties_too_few": "Too few cases per party to show them here.",
    "summary.chart.period": "Period: {label}, {start} – {end}",
    "summary.chart.left_out": "Not shown (too few cases): {parties}",
    "summary.chart.gender.kvinna": "Women",
    "summary.chart.gender.man": "Men",
    "summary.chart.gender.annat": "Another gender",
    "summary.chart.gender.ej_dokumenterat": "Gender not documented",
    # Errors and questions
    # The group's summary settings
    "summary.settings": "*Summaries in {group}:* counts below {threshold} are shown as “fewer than {threshold}” in "
    "the channel, the summary {automatic} and the period is compared with {comparison}. Change with "
    "`/lokus sammanfattning gräns 5`, `/lokus sammanfattning dagar 3` (`av` turns it off) or "
    "`/lokus sammanfattning jämför period` (`jämför år` for the same period a year earlier).",
    "summary.compare_set": "{user} changed *{group}*: the summary's period is now compared with {comparison}.",
    "summary.compare_usage": "Write what the period is compared with: `/lokus sammanfattning jämför år` (the same "
    "period a year earlier) or `/lokus sammanfattning jämför period` (the period of the same length just before).",
    "summary.automatic_days": "is posted by itself {days} days before each meeting",
    "summary.automatic_one": "is posted by itself the day before each meeting",
    "summary.automatic_off": "is not posted by itself before meetings",
    "summary.threshold_set": "{user} changed the protection of small numbers in *{group}*: counts below "
    "{threshold} are now shown as “fewer than {threshold}” in the channel.",
    "summary.threshold_usage": "Write the threshold as a whole number from {lowest} to {highest}, e.g. "
    "`/lokus sammanfattning gräns 5`.",
    "summary.days_set": "{user} changed *{group}*: the summary {automatic}.",
    "summary.days_usage": "Write how many days before the meeting the summary is posted (0–{most}), or `av`, "
    "e.g. `/lokus sammanfattning dagar 3`.",
    "summary.which_group": "Which group's summary would you like? Write e.g. *sammanfattning {example}*. "
    "Your groups: {groups}.",
    "summary.group_unknown": "There is no group called “{given}”. Groups: {groups}.",
    "summary.no_groups": "none yet",
    "summary.forbund_only": "The summary of all groups is for the association. Ask the group's convenor for the "
    "group's own: `/lokus sammanfattning`.",
    # Understanding what people write in a DM (conv-intents)
    "intent.summary": "Compile the group's cases",
    "summary.period_set_aside": "I didn't understand which period you meant, so here is the compilation for the usual "
    "period. For another one, write for example *sammanställning hösten 2026*.",
}
