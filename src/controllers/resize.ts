import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type SizeClass = 'narrow' | 'medium' | 'wide';

/** Tracks the host's own box (not the viewport) and re-renders when it changes; size classes for layout. */
export class ResizeController implements ReactiveController {
  width = 0;
  height = 0;
  private observer: ResizeObserver | null = null;
  private frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly breakpoints: { medium: number; wide: number } = { medium: 420, wide: 760 },
  ) {
    host.addController(this);
  }

  get size(): SizeClass {
    if (this.width >= this.breakpoints.wide) return 'wide';
    if (this.width >= this.breakpoints.medium) return 'medium';
    return 'narrow';
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1].contentRect;
      // Re-render on the next frame: a layout change inside the observer callback would resize the host again in
      // the same frame ("ResizeObserver loop completed with undelivered notifications").
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => {
        const w = Math.round(box.width);
        const h = Math.round(box.height);
        if (w !== this.width || h !== this.height) {
          this.width = w;
          this.height = h;
          this.host.requestUpdate();
        }
      });
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
    cancelAnimationFrame(this.frame);
  }
}
