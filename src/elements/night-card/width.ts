import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The host's own width, re-rendering on the next animation frame when it changes. Unlike the shared
 * ResizeController it ignores height and never re-renders inside the observer's delivery: a layout switch there
 * changes the host's height in the same frame, which browsers report as a "ResizeObserver loop" error.
 */
export class WidthController implements ReactiveController {
  width = 0;
  private observer: ResizeObserver | null = null;
  private frame = 0;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver((entries) => {
      const width = Math.round(entries[entries.length - 1].contentRect.width);
      if (width === this.width) return;
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => {
        this.width = width;
        this.host.requestUpdate();
      });
    });
    this.observer.observe(this.host);
  }

  /** Before the first render, measure once so a narrow embed does not flash the wide layout. */
  hostUpdate(): void {
    if (this.width === 0 && this.host.isConnected) this.width = Math.round(this.host.getBoundingClientRect().width);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
    cancelAnimationFrame(this.frame);
  }
}
