/** Strings every element uses (site and input validation). */
export const common = {
  loading: 'Loading…',
  retry: 'Retry',
  error: 'Error',
  close: 'Close',
  siteNotFound: 'Observing site “{site}” not found.',
  invalidLatitude: 'Latitude must be a number between −90 and 90 (got “{value}”).',
  invalidLongitude: 'Longitude must be a number between −180 and 180 (got “{value}”).',
  invalidElevation: 'Elevation must be a number of metres (got “{value}”).',
  invalidTimeZone: 'Unknown time zone “{value}”. Use an IANA name such as Europe/Paris.',
  invalidDate: 'Invalid date “{value}”. Use an ISO date such as 2026-03-21.',
  invalidNow: 'Invalid instant “{value}” for now. Use an ISO date-time such as 2026-03-21T22:00:00Z.',
  noSite: 'No observing site: set the site attribute (name, IAU code or UUID) or latitude and longitude.',
  offsetFromLongitude: 'Times in {offset} (no time zone known; derived from the longitude).',
} as const;
