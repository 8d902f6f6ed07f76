/** Units shared by the astronomy modules (one copy of each in a bundle). */
export const DEG = Math.PI / 180;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
/** J2000.0 (2000-01-01 12:00 UTC) in epoch milliseconds, astronomy-engine's origin of time. */
export const J2000_MS = Date.UTC(2000, 0, 1, 12);
