"""Open data (the opendata app; README "Open data"): the JSON API, the calendars and
the embeddable widget."""

from historyblog.environment import env_int

# Requests a minute one client may make to the API and the calendars that the page
# cache does not answer (answers from the cache are not counted); 0 for no limit.
# Staff, recognised by their signed cookie, are not counted.
OPENDATA_RATE_LIMIT = env_int("OPENDATA_RATE_LIMIT", 120)
# Items on a page of the API's article list, unless the client asks for another size
# (page_size), and the most it may ask for.
OPENDATA_PAGE_SIZE = 20
OPENDATA_MAX_PAGE_SIZE = 100
# Events of one day of the year in a calendar feed (.ics), the oldest first: a feed
# covers every day of the coming twelve months, in at most 366 x this many events
# (about 540 bytes each).
OPENDATA_CALENDAR_EVENTS_PER_DAY = 1
