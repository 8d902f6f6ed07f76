/**
 * How series are told apart: eight colours (Okabe & Ito's colour-blind-safe set, shifted per theme so each
 * keeps at least 3:1 contrast on the plot; all reds in the night theme) combined with four dash patterns,
 * so two series never share both colour and dash, and series stay distinct in the monochrome night theme.
 */
export const SERIES_COLOURS = 8;

/** Stroke dash patterns (SVG `stroke-dasharray`); the first is solid. */
export const DASHES = ['none', '8 4', '2 3', '10 3 2 3'] as const;

/** Palette slot and dash for the series at `index`. */
export function paletteSlot(index: number): { colour: number; dash: number } {
  const colour = index % SERIES_COLOURS;
  // Shift the dash by one on each pass through the colours, so series 0 and 8 differ.
  const dash = (index + Math.floor(index / SERIES_COLOURS)) % DASHES.length;
  return { colour, dash };
}

/** A page author's `color` if the browser accepts it as a CSS colour, else null (never injected unchecked into a style). */
export function safeColour(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  if (typeof CSS === 'undefined' || !CSS.supports) return /^#[0-9a-f]{3,8}$/i.test(v) ? v : null;
  return CSS.supports('color', v) ? v : null;
}
