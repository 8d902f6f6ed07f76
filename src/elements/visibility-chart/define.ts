import { ArcVisibilityChart } from './visibility-chart.js';

ArcVisibilityChart.define('arc-visibility-chart');
// The chart reads its <arc-target> children whether or not the tag is defined (and never renders them: they are
// not slotted); the definition, which only hides them from the page, follows in a chunk of its own.
import('../target/define.js').catch(() => {
  /* undefined, they stay inert and unrendered */
});

export { ArcVisibilityChart };
