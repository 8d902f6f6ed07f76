/**
 * The Moon drawn to scale: the lit part of a disc of radius r centred at (r, r), bounded by the bright limb (a
 * half circle) and the terminator (a half ellipse of horizontal semi-axis r·|1 − 2k| for an illuminated fraction
 * k). SVG's y axis points down, so a sweep flag of 1 turns clockwise on screen.
 */

/** Which side is lit as seen from the site: a waxing Moon is lit on the right from the north, on the left from the south. */
export function litOnRight(waxing: boolean, latitude: number): boolean {
  return waxing === latitude >= 0;
}

/** SVG path of the lit part, or '' for a new Moon (nothing lit). */
export function litPath(fraction: number, onRight: boolean, r: number): string {
  const k = Math.min(1, Math.max(0, fraction));
  if (k <= 0.001) return '';
  const cx = r;
  const top = `${cx} 0`;
  const bottom = `${cx} ${2 * r}`;
  if (k >= 0.999) return `M ${top} A ${r} ${r} 0 1 1 ${bottom} A ${r} ${r} 0 1 1 ${top} Z`;
  const rx = +(r * Math.abs(1 - 2 * k)).toFixed(3);
  const crescent = k < 0.5;
  // Limb from top to bottom through the lit side, then the terminator back up: on the lit side for a crescent
  // (a thin sliver), through the dark side for a gibbous Moon.
  const limbSweep = onRight ? 1 : 0;
  const terminatorSweep = onRight === crescent ? 0 : 1;
  return `M ${top} A ${r} ${r} 0 0 ${limbSweep} ${bottom} A ${rx} ${r} 0 0 ${terminatorSweep} ${top} Z`;
}
